import MarketData
import PropCore
import Venues

/// What one recorded frame meant to a backtest feed.
enum BacktestFeedEvent {
    /// The book of this symbol-table slot changed (or was invalidated).
    case book(Int)
    case mark(MarkPriceTick)
    case trade(TradeTick)
    /// Control frames, tickers, REST bodies other than depth snapshots.
    case none
    /// The codec or the book sync rejected the frame; the book it invalidated, when known.
    case malformed(book: Int?)
}

/// One venue's public market data in a backtest: its real codec and one `BookSync` per instrument, fed the
/// recorded frames exactly as the live feed is fed them (minus the sockets), as `MarketReplay` does.
/// Decoding reuses one `DepthUpdate`, so a frame allocates nothing.
struct BacktestFeed<C: PublicMarketCodec>: Sendable {
    var codec: C
    var syncs: [BookSync]
    /// The engine slot of each symbol-table slot (-1: recorded but not traded).
    let engineSlots: [Int]
    var update = DepthUpdate()

    /// A feed for the venue's listed `rules` (their tick and step give the parse scales, as live).
    init(rules: [InstrumentRules], engineSlot: (InstrumentId) -> Int?) {
        let specs = rules.map { SymbolSpec(nativeSymbol: $0.nativeSymbol, priceScale: $0.priceScale, qtyScale: $0.qtyScale) }
        codec = C(symbols: SymbolTable(specs))
        syncs = rules.map { BookSync(venue: C.venue, priceScale: $0.priceScale, qtyScale: $0.qtyScale) }
        engineSlots = rules.map { engineSlot($0.id) ?? -1 }
    }

    /// Decodes one frame of this venue and applies book data to its `BookSync`.
    mutating func handle(_ frame: RecordedFrame) -> BacktestFeedEvent {
        switch frame.channel {
        case .wsPrivate: return .none
        case .rest: return rest(frame)
        case .wsPublic:
            // OKX answers its text ping with a bare `pong`; the live feed drops it before the codec too.
            if frame.bytes.count == 4, frame.bytes.elementsEqual("pong".utf8) { return .none }
            let result: Result<MarketMessage, VenueCodecError> = frame.bytes.withUnsafeBytes { raw in
                Result { () throws(VenueCodecError) -> MarketMessage in try codec.decode(raw, into: &update) }
            }
            switch result {
            case .success(.depth): return apply()
            case .success(.mark(let tick)): return .mark(tick)
            case .success(.trade(let tick)): return .trade(tick)
            case .success: return .none
            case .failure(let error):
                return invalidate(error.slot)
            }
        }
    }

    /// A REST depth snapshot (others are ignored); Binance and OKX name the symbol only in the query.
    mutating func rest(_ frame: RecordedFrame) -> BacktestFeedEvent {
        let path = frame.pathString
        let snapshotPath: String
        switch C.venue {
        case .binance: snapshotPath = BinanceConstants.depthSnapshotPath
        case .okx: snapshotPath = OKXConstants.depthSnapshotPath
        case .bybit: snapshotPath = BybitConstants.depthSnapshotPath
        }
        guard path.contains(snapshotPath) else { return .none }
        update.reset()
        if let symbol = Self.query(path, C.venue == .okx ? "instId" : "symbol"), let slot = codec.symbols.slot(of: symbol) {
            update.slot = slot
        }
        do {
            try C.decodeDepthSnapshot(Array(frame.bytes), symbols: codec.symbols, into: &update)
        } catch {
            return invalidate(error.slot)
        }
        return apply()
    }

    /// Feeds the decoded update to its book.
    mutating func apply() -> BacktestFeedEvent {
        let slot = update.slot
        guard syncs.indices.contains(slot) else { return .none }
        switch syncs[slot].handle(update) {
        case .applied: return .book(slot)
        case .buffered, .ignored: return .none
        case .resync(.malformedFrame): return .malformed(book: slot)
        case .resync: return .book(slot)
        }
    }

    /// A rejected frame: its book (if the codec knew the symbol) is invalid until a new snapshot.
    mutating func invalidate(_ slot: Int?) -> BacktestFeedEvent {
        guard let slot, syncs.indices.contains(slot) else { return .malformed(book: nil) }
        syncs[slot].invalidate(.malformedFrame)
        return .malformed(book: slot)
    }

    /// Value of query parameter `name` in `path`.
    static func query(_ path: String, _ name: String) -> String? {
        guard let q = path.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in q.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == name { return String(kv[1]) }
        }
        return nil
    }
}
