/// What a journal row records: our intent or a venue event. Raw values are the stored `kind` text.
public enum JournalEventKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Our intent to place an order (committed before any byte goes to the venue).
    case place
    /// The venue accepted the order.
    case ack
    /// A partial fill.
    case partial
    /// The final fill.
    case fill
    /// Our intent to cancel.
    case cancelRequest = "cancel_req"
    /// The venue confirmed the cancel.
    case canceled
    /// The venue rejected the order.
    case reject
    /// The order expired (e.g. IOC remainder, GTD).
    case expire
}
