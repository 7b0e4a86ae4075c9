public import PropCore

/// Where the paper venue reads live books from: the current visible top-N levels of an instrument and
/// when that state was received. `nil` means there is no tradeable book (not synced, invalid or stale).
public protocol PaperBookSource: Sendable {
    /// The current book of `instrument`, or `nil` when it must not be traded against.
    func paperBook(_ instrument: InstrumentId) -> PaperBook?
}
