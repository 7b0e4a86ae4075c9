public import PropCore

/// What one depth stream publishes for one market step: the changed levels and the sequence fields
/// in venue terms (`firstId`/`lastId`/`prevId` = Binance `U`/`u`/`pu`, OKX `seqId`/`prevSeqId`,
/// Bybit `u`). An empty change list means the stream did not move (OKX may send a heartbeat).
public struct SimViewUpdate: Sendable {
    /// Position of the stream in `SimInstrumentState.views`.
    public var viewIndex: Int
    /// Levels the stream carries.
    public var depth: Int
    /// Changed bids, best first (size 0 = delete).
    public var bids: [BookLevel]
    /// Changed asks, best first (size 0 = delete).
    public var asks: [BookLevel]
    /// First update id covered by this message.
    public var firstId: Int64
    /// Update id after this message.
    public var lastId: Int64
    /// Update id of the previous message on this stream.
    public var prevId: Int64
    /// Whether anything changed.
    public var isEmpty: Bool { bids.isEmpty && asks.isEmpty }
}

/// One public trade printed by the synthetic market.
public struct SimTrade: Sendable, Hashable {
    /// Venue trade id.
    public var id: Int64
    /// Price mantissa.
    public var price: Int64
    /// Size mantissa.
    public var qty: Int64
    /// Taker side.
    public var takerSide: Side
    /// Trade time, ms since the epoch.
    public var timeMs: Int64
}

/// The outcome of one market step for one instrument.
public struct SimInstrumentTick: Sendable {
    /// Index of the instrument in `SyntheticMarket.instruments`.
    public var index: Int
    /// One entry per stream of the instrument, in view order.
    public var views: [SimViewUpdate]
    /// Trades printed during the step.
    public var trades: [SimTrade]
    /// Whether the best bid or ask price or size changed.
    public var topChanged: Bool
}
