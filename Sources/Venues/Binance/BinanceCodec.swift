public import PropCore

/// Decoder of Binance USDⓈ-M public WebSocket frames: `depthUpdate`, `aggTrade`, `markPriceUpdate`,
/// `bookTicker` and subscribe acks, both raw (`/ws/<stream>`) and combined (`/stream?streams=`, wrapped
/// as `{"stream":…,"data":{…}}`). Any key order is accepted; unknown event types (klines, …) are `.ignored`.
///
/// Fast path: in real frames `s` precedes `b`/`a`, so levels are parsed straight into the `DepthUpdate`;
/// when they come first they are captured and parsed after the object ends.
public struct BinanceCodec: PublicMarketCodec {
    public static let venue: Venue = .binance
    public let symbols: SymbolTable
    /// Trades of the last frame that returned `.trade` (one per frame on Binance).
    public private(set) var trades: [TradeTick] = []

    public init(symbols: SymbolTable) {
        self.symbols = symbols
        trades.reserveCapacity(16)
    }

    /// Canonical `depthUpdate` frames take `fastPath`; everything else (and anything it declines) the
    /// general decoder below.
    private var fastPath = BinanceDepthFastPath()
    /// Canonical combined-stream `aggTrade` frames take this one.
    private var tradeFastPath = BinanceAggTradeFastPath()

    public mutating func decode(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        if fastPath.decode(frame, symbols: symbols, into: &update) { return .depth }
        if let tick = tradeFastPath.decode(frame, symbols: symbols) {
            // As the general path leaves things: the update reset, the frame's one trade in `trades`.
            update.reset()
            trades.removeAll(keepingCapacity: true)
            trades.append(tick)
            return .trade(tick)
        }
        return try decodeGeneral(frame, into: &update)
    }

    /// The reference decoder for every frame shape (any key order, whitespace, all event types, errors).
    mutating func decodeGeneral(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        update.reset()
        var s = JSONScanner(frame)
        let message = try decodeObject(&s, &update, nested: false)
        guard s.atEnd() else { throw VenueCodecError(.notJSON, field: "frame", venue: .binance) }
        return message
    }

    /// Decodes one object (the frame, or the `data` of a combined-stream frame).
    private mutating func decodeObject(_ s: inout JSONScanner, _ update: inout DepthUpdate, nested: Bool) throws(VenueCodecError) -> MarketMessage {
        let v = Venue.binance
        try s.object(nested ? "data" : "frame", v, nil)
        var event: JSONScanner.Span?
        var symbol: JSONScanner.Span?
        var slot: Int?
        var eventTime: Int64 = 0, tradeTime: Int64 = 0
        var first: Int64?, last: Int64?, prev: Int64?
        var bidsDone = false, asksDone = false
        var bSpan: JSONScanner.Span?, aSpan: JSONScanner.Span?, bigB: JSONScanner.Span?, bigA: JSONScanner.Span?
        var p: JSONScanner.Span?, q: JSONScanner.Span?, i: JSONScanner.Span?, r: JSONScanner.Span?
        var maker: Bool?
        var inner: MarketMessage?
        var hasResult = false
        var errorSpan: JSONScanner.Span?
        var isFirst = true
        while let key = try s.member(&isFirst, "frame", v, slot) {
            if key.count == 1 {
                switch s.bytes[key.start] {
                case UInt8(ascii: "e"): event = try s.str("e", v, slot)
                case UInt8(ascii: "E"): eventTime = try s.int("E", v, slot)
                case UInt8(ascii: "T"): tradeTime = try s.int("T", v, slot)
                case UInt8(ascii: "s"):
                    let sym = try s.str("s", v, nil)
                    symbol = sym
                    slot = symbols.slot(bytes: s.slice(sym))
                case UInt8(ascii: "U"): first = try s.int("U", v, slot)
                case UInt8(ascii: "u"): last = try s.int("u", v, slot)
                case UInt8(ascii: "b"):
                    if let slot, s.peek() == UInt8(ascii: "[") {
                        let sc = symbols.scales(slot)
                        try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "b", v, slot)
                        bidsDone = true
                    } else {
                        bSpan = try s.capture("b", v, slot)
                    }
                case UInt8(ascii: "a"):
                    if let slot, s.peek() == UInt8(ascii: "[") {
                        let sc = symbols.scales(slot)
                        try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "a", v, slot)
                        asksDone = true
                    } else {
                        aSpan = try s.capture("a", v, slot)
                    }
                case UInt8(ascii: "B"): bigB = try s.capture("B", v, slot)
                case UInt8(ascii: "A"): bigA = try s.capture("A", v, slot)
                case UInt8(ascii: "p"): p = try s.capture("p", v, slot)
                case UInt8(ascii: "q"): q = try s.capture("q", v, slot)
                case UInt8(ascii: "i"): i = try s.capture("i", v, slot)
                case UInt8(ascii: "r"): r = try s.capture("r", v, slot)
                case UInt8(ascii: "m"): maker = try s.bool("m", v, slot)
                default: try s.skip("frame", v, slot)
                }
            } else if s.equals(key, "pu") {
                prev = try s.int("pu", v, slot)
            } else if !nested, s.equals(key, "data"), s.peek() == UInt8(ascii: "{") {
                inner = try decodeObject(&s, &update, nested: true)
            } else if s.equals(key, "result") {
                hasResult = true
                try s.skip("result", v, slot)
            } else if s.equals(key, "error") {
                errorSpan = try s.capture("error", v, slot)
            } else {
                try s.skip("frame", v, slot)
            }
        }
        if let inner { return inner }
        guard let event else {
            if let errorSpan { return .control(.error(code: "", message: s.string(errorSpan))) }
            if hasResult { return .control(.subscribed("")) }
            return .ignored
        }
        if s.equals(event, "depthUpdate") {
            let slot = try resolve(slot, symbol, s)
            guard let first else { throw VenueCodecError(.missingField, field: "U", venue: v, slot: slot) }
            guard let last else { throw VenueCodecError(.missingField, field: "u", venue: v, slot: slot) }
            guard let prev else { throw VenueCodecError(.missingField, field: "pu", venue: v, slot: slot) }
            let sc = symbols.scales(slot)
            if !bidsDone {
                guard let bSpan else { throw VenueCodecError(.missingField, field: "b", venue: v, slot: slot) }
                update.bids.removeAll(keepingCapacity: true)
                var sub = s.rewound(to: bSpan)
                try sub.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "b", v, slot)
            }
            if !asksDone {
                guard let aSpan else { throw VenueCodecError(.missingField, field: "a", venue: v, slot: slot) }
                update.asks.removeAll(keepingCapacity: true)
                var sub = s.rewound(to: aSpan)
                try sub.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "a", v, slot)
            }
            update.kind = .delta
            update.slot = slot
            update.firstUpdateId = first
            update.lastUpdateId = last
            update.prevUpdateId = prev
            update.eventTimeMs = eventTime
            return .depth
        }
        // The remaining kinds are rare; leave the update empty as documented.
        update.reset()
        if s.equals(event, "aggTrade") {
            let slot = try resolve(slot, symbol, s)
            let sc = symbols.scales(slot)
            let price = try Self.read(p, "p", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "p", v, slot) }
            let qty = try Self.read(q, "q", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "q", v, slot) }
            var id: Int64 = 0
            if let aSpan {
                var sub = s.rewound(to: aSpan)
                id = try sub.int("a", v, slot)
            }
            guard let maker else { throw VenueCodecError(.missingField, field: "m", venue: v, slot: slot) }
            // `m` = the buyer was the maker, so the taker sold.
            let tick = TradeTick(slot: slot, price: price, qty: qty, takerSide: maker ? .sell : .buy,
                                 tradeTimeMs: tradeTime != 0 ? tradeTime : eventTime, tradeId: id)
            trades.removeAll(keepingCapacity: true)
            trades.append(tick)
            return .trade(tick)
        }
        if s.equals(event, "markPriceUpdate") {
            let slot = try resolve(slot, symbol, s)
            let mark = try Self.read(p, "p", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.natural("p", v, slot) }
            var tick = MarkPriceTick(slot: slot, nextFundingTimeMs: tradeTime, eventTimeMs: eventTime)
            if let mark { tick.markPrice = Price(units: mark.units, scale: mark.scale) }
            if let i {
                var sub = s.rewound(to: i)
                if let x = try sub.natural("i", v, slot) { tick.indexPrice = Price(units: x.units, scale: x.scale) }
            }
            if let r {
                var sub = s.rewound(to: r)
                if let x = try sub.natural("r", v, slot) { tick.fundingRate = FundingRate(units: x.units, scale: x.scale) }
            }
            return .mark(tick)
        }
        if s.equals(event, "bookTicker") {
            let slot = try resolve(slot, symbol, s)
            let sc = symbols.scales(slot)
            var tick = BookTickerTick(slot: slot, eventTimeMs: eventTime != 0 ? eventTime : tradeTime)
            tick.bidPrice = try Self.read(bSpan, "b", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "b", v, slot) }
            tick.bidQty = try Self.read(bigB, "B", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "B", v, slot) }
            tick.askPrice = try Self.read(aSpan, "a", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "a", v, slot) }
            tick.askQty = try Self.read(bigA, "A", slot, s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "A", v, slot) }
            return .ticker(tick)
        }
        return .ignored
    }

    /// The slot of the frame's symbol, or the error saying why there is none.
    private func resolve(_ slot: Int?, _ symbol: JSONScanner.Span?, _ s: JSONScanner) throws(VenueCodecError) -> Int {
        if let slot { return slot }
        throw VenueCodecError(symbol == nil ? .missingField : .unknownSymbol, field: "s", venue: .binance)
    }

    /// Reads a required value captured earlier.
    private static func read<T>(_ span: JSONScanner.Span?, _ field: String, _ slot: Int, _ s: JSONScanner,
                                _ body: (inout JSONScanner) throws(VenueCodecError) -> T) throws(VenueCodecError) -> T {
        guard let span else { throw VenueCodecError(.missingField, field: field, venue: .binance, slot: slot) }
        var sub = s.rewound(to: span)
        return try body(&sub)
    }
}
