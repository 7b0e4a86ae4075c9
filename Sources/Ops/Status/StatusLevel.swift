/// A colour on the System Status page (§10.1): overall, group and card status.
public enum StatusLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case ok = "OK"
    case warn = "WARN"
    case error = "ERROR"
    /// The bot is on HOLD (overall) or this card is the control state on HOLD.
    case hold = "HOLD"

    /// The card colour of a health status; GRAY (not measured yet) is WARN: unknown is not OK.
    public init(_ health: HealthStatus) {
        switch health {
        case .green: self = .ok
        case .yellow, .gray: self = .warn
        case .red: self = .error
        }
    }
}
