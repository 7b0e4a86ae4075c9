/// A component's colour on the health panel (`#health-api`).
public enum HealthStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Working as intended.
    case green = "GREEN"
    /// Degraded but usable; counts half in `score_pct`.
    case yellow = "YELLOW"
    /// Failing.
    case red = "RED"
    /// Not measured yet or switched off; excluded from `score_pct`.
    case gray = "GRAY"

    /// Badness order, for "worst of": gray < green < yellow < red.
    var severity: Int {
        switch self {
        case .gray: 0
        case .green: 1
        case .yellow: 2
        case .red: 3
        }
    }
}
