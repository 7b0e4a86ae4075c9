/// Whether a book may be read for trading decisions.
public enum BookStatus: Sendable, Equatable {
    /// Waiting for the first snapshot since creation or `resetForResync()`.
    case syncing
    /// Continuity and checks hold; the book mirrors the venue.
    case valid
    /// The book lost continuity; only a fresh snapshot makes it valid again.
    case invalid(BookInvalidReason)

    /// The reason a strategy must not use the book, or `nil` when valid.
    public var invalidReason: BookInvalidReason? {
        switch self {
        case .syncing: .awaitingSnapshot
        case .valid: nil
        case .invalid(let r): r
        }
    }
}
