/// Where one of our orders is in its life cycle, as the order manager sees it.
public enum OrderState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Intent journalled, nothing sent yet.
    case new
    /// Request on the wire, no answer yet.
    case sent
    /// The venue accepted it; nothing filled.
    case acked
    case partiallyFilled = "partially_filled"
    case filled
    case canceled
    case rejected
    case expired
    /// A timeout, 5xx, dropped connection or unreadable answer: the venue is being asked. Never treated as failed.
    case unknown

    /// No further change can follow.
    public var isFinal: Bool {
        switch self {
        case .filled, .canceled, .rejected, .expired: true
        default: false
        }
    }
}
