/// An order's status as the venue reports it, mapped to one vocabulary
/// (Binance `X`, OKX `state`, Bybit `orderStatus`).
public enum VenueOrderStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Accepted and resting (nothing filled).
    case new
    case partiallyFilled = "partially_filled"
    case filled
    /// Cancelled (by us, by the dead-man switch, or the unfilled rest of an IOC on venues that call it that).
    case canceled
    case rejected
    /// Expired (IOC/FOK remainder, GTD, self-trade prevention).
    case expired

    /// No further fills or state changes can follow.
    public var isFinal: Bool {
        switch self {
        case .filled, .canceled, .rejected, .expired: true
        case .new, .partiallyFilled: false
        }
    }
}
