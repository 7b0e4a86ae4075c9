/// How the overall health colour follows from the components (`status_thresholds.yaml`, `health:`).
public struct HealthPolicy: Sendable, Hashable, Codable {
    /// `score_pct` at or above which the panel may be GREEN (when no component is YELLOW or RED).
    public var greenFromPct: Double
    /// `score_pct` below which the panel is RED even without a red P0 component.
    public var redBelowPct: Double

    /// A policy.
    public init(greenFromPct: Double = 95, redBelowPct: Double = 70) {
        self.greenFromPct = greenFromPct; self.redBelowPct = redBelowPct
    }

    enum CodingKeys: String, CodingKey {
        case greenFromPct = "green_from_pct"
        case redBelowPct = "red_below_pct"
    }
}
