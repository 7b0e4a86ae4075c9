/// `/leverage off|on <max>`: leverage off (1×) or on with a ceiling.
public enum LeverageSetting: Sendable, Hashable, Codable {
    /// No leverage beyond 1×.
    case off
    /// Leverage allowed up to `max`× (1 … the profile's `risk.max_leverage`).
    case on(max: Int)

    /// The ceiling this setting allows, ×.
    public var ceiling: Int {
        switch self {
        case .off: 1
        case .on(let max): max
        }
    }

    /// `off` or `on 3`.
    public var text: String {
        switch self {
        case .off: "off"
        case .on(let max): "on \(max)"
        }
    }
}
