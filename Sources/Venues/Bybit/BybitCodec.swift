public import PropCore

/// Decoder of Bybit v5 public WebSocket frames: `orderbook.{1,50,200,1000}.SYM` snapshot/delta,
/// `publicTrade.SYM`, `tickers.SYM` snapshot/delta and `op` replies (subscribe acks, pong). Other topics
/// (klines, …) are `.ignored`. Any key order is accepted: `data` seen before `topic` is parsed afterwards.
///
/// Depth mapping: `firstUpdateId`=`lastUpdateId`=`u`, `prevUpdateId`=`u-1`, `crossSequence`=`seq`,
/// `eventTimeMs`=`cts` (matching-engine time) or `ts` when `cts` is absent. `u == 1` is always a snapshot.
/// A `tickers` frame with mark/index/funding returns `.mark`; its bid1/ask1 fields (if any) are in
/// `lastTicker`. A frame with only bid1/ask1 returns `.ticker`.
public struct BybitCodec: PublicMarketCodec {
    public static let venue: Venue = .bybit
    public let symbols: SymbolTable
    /// All trades of the last frame that returned `.trade` (Bybit batches several per frame).
    public private(set) var trades: [TradeTick] = []
    /// bid1/ask1 of the last `tickers` frame, when it had any.
    public private(set) var lastTicker: BookTickerTick?

    enum Topic { case book, trades, tickers, other }

    public init(symbols: SymbolTable) {
        self.symbols = symbols
        trades.reserveCapacity(64)
    }

    /// Canonical `orderbook` frames take `fastPath`; everything else (and anything it declines) the general
    /// decoder below.
    private var fastPath = BybitOrderbookFastPath()
    /// Canonical top-of-book `tickers` deltas take this one.
    private var tickerFastPath = BybitTickerFastPath()
    /// Canonical one-trade `publicTrade` frames take this one.
    private var tradeFastPath = BybitTradeFastPath()

    public mutating func decode(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        if fastPath.decode(frame, symbols: symbols, into: &update) { return .depth }
        if let tick = tickerFastPath.decode(frame, symbols: symbols) {
            // As the general path leaves things: the update reset, and `lastTicker` set from the data object
            // alone (the frame's `ts` goes only into the returned tick).
            update.reset()
            var kept = tick
            kept.eventTimeMs = 0
            lastTicker = kept
            return .ticker(tick)
        }
        if let tick = tradeFastPath.decode(frame, symbols: symbols) {
            // As the general path leaves things: the update reset, the frame's one trade in `trades`.
            update.reset()
            trades.removeAll(keepingCapacity: true)
            trades.append(tick)
            return .trade(tick)
        }
        return try decodeGeneral(frame, into: &update)
    }

    /// The reference decoder for every frame shape (any key order, whitespace, all message types, errors).
    mutating func decodeGeneral(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        update.reset()
        let v = Venue.bybit
        var s = JSONScanner(frame)
        try s.object("frame", v, nil)
        var topic: Topic?
        var symbol: JSONScanner.Span?
        var slot: Int?
        var type: JSONScanner.Span?
        var ts: Int64 = 0, cts: Int64 = 0
        var dataSpan: JSONScanner.Span?
        var result: MarketMessage?
        var op: JSONScanner.Span?, retMsg: JSONScanner.Span?, success: Bool?
        var first = true
        while let key = try s.member(&first, "frame", v, slot) {
            if s.equals(key, "topic") {
                let t = try s.str("topic", v, nil)
                var i = t.end
                while i > t.start, s.bytes[i - 1] != UInt8(ascii: ".") { i -= 1 }
                let sym = JSONScanner.Span(start: i, end: t.end)
                symbol = sym
                if s.hasPrefix(t, "orderbook.") { topic = .book }
                else if s.hasPrefix(t, "publicTrade.") { topic = .trades }
                else if s.hasPrefix(t, "tickers.") { topic = .tickers }
                else { topic = .other }
                if i > t.start { slot = symbols.slot(bytes: s.slice(sym)) } else { symbol = nil }
            } else if s.equals(key, "data") {
                if let topic, let slot, topic != .other {
                    result = try decodeData(&s, topic, slot, &update)
                } else {
                    dataSpan = try s.capture("data", v, slot)
                }
            } else if s.equals(key, "type") {
                type = try s.str("type", v, slot)
            } else if s.equals(key, "ts") {
                ts = try s.int("ts", v, slot)
            } else if s.equals(key, "cts") {
                cts = try s.int("cts", v, slot)
            } else if s.equals(key, "op") {
                op = try s.str("op", v, slot)
            } else if s.equals(key, "success") {
                success = try s.bool("success", v, slot)
            } else if s.equals(key, "ret_msg") {
                retMsg = try s.str("ret_msg", v, slot)
            } else {
                try s.skip("frame", v, slot)
            }
        }
        guard s.atEnd() else { throw VenueCodecError(.notJSON, field: "frame", venue: v, slot: slot) }
        guard let topic else {
            if let op {
                if success == false {
                    return .control(.error(code: "", message: retMsg.map { s.string($0) } ?? ""))
                }
                if s.equals(op, "subscribe") { return .control(.subscribed("")) }
                if s.equals(op, "unsubscribe") { return .control(.unsubscribed("")) }
                if s.equals(op, "ping") || s.equals(op, "pong") { return .control(.pong) }
                return .control(.info(s.string(op)))
            }
            if let retMsg, s.equals(retMsg, "pong") { return .control(.pong) }
            return .ignored
        }
        if topic == .other { return .ignored }
        guard let slot else { throw VenueCodecError(symbol == nil ? .missingField : .unknownSymbol, field: "topic", venue: v) }
        if result == nil {
            guard let dataSpan else { throw VenueCodecError(.missingField, field: "data", venue: v, slot: slot) }
            var sub = s.rewound(to: dataSpan)
            result = try decodeData(&sub, topic, slot, &update)
        }
        if topic == .book {
            guard let type else { throw VenueCodecError(.missingField, field: "type", venue: v, slot: slot) }
            if s.equals(type, "snapshot") || update.lastUpdateId == 1 { update.kind = .snapshot }
            else if s.equals(type, "delta") { update.kind = .delta }
            else { throw VenueCodecError(.wrongType, field: "type", venue: v, slot: slot) }
            update.eventTimeMs = cts != 0 ? cts : ts
        } else if case .mark(var tick)? = result {
            if tick.eventTimeMs == 0 { tick.eventTimeMs = ts }
            result = .mark(tick)
        } else if case .ticker(var tick)? = result {
            if tick.eventTimeMs == 0 { tick.eventTimeMs = ts }
            result = .ticker(tick)
        }
        return result ?? .ignored
    }

    private mutating func decodeData(_ s: inout JSONScanner, _ topic: Topic, _ slot: Int, _ update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        let v = Venue.bybit
        let sc = symbols.scales(slot)
        switch topic {
        case .book:
            try s.object("data", v, slot)
            var first = true
            var u: Int64?
            while let k = try s.member(&first, "data", v, slot) {
                if k.count == 1 {
                    switch s.bytes[k.start] {
                    case UInt8(ascii: "b"): try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "data.b", v, slot)
                    case UInt8(ascii: "a"): try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "data.a", v, slot)
                    case UInt8(ascii: "u"): u = try s.int("data.u", v, slot)
                    default: try s.skip("data", v, slot)
                    }
                } else if s.equals(k, "seq") {
                    update.crossSequence = try s.int("data.seq", v, slot)
                } else {
                    try s.skip("data", v, slot)
                }
            }
            guard let u else { throw VenueCodecError(.missingField, field: "data.u", venue: v, slot: slot) }
            update.slot = slot
            update.firstUpdateId = u
            update.lastUpdateId = u
            update.prevUpdateId = u &- 1
            return .depth
        case .trades:
            trades.removeAll(keepingCapacity: true)
            guard s.consume(UInt8(ascii: "[")) else { throw VenueCodecError(s.valueFailure(at: s.pos), field: "data", venue: v, slot: slot) }
            var firstEl = true
            var message: MarketMessage = .ignored
            while !s.consume(UInt8(ascii: "]")) {
                if !firstEl { guard s.consume(UInt8(ascii: ",")) else { throw VenueCodecError(s.failureKind(), field: "data", venue: v, slot: slot) } }
                firstEl = false
                try s.object("data[]", v, slot)
                var first = true
                var px: Price?, sz: Qty?, side: Side?, t: Int64 = 0, id: Int64 = 0
                while let k = try s.member(&first, "data[]", v, slot) {
                    if s.equals(k, "p") { px = try s.price(scale: sc.price, "data.p", v, slot) }
                    else if s.equals(k, "v") { sz = try s.qty(scale: sc.qty, "data.v", v, slot) }
                    else if s.equals(k, "T") { t = try s.int("data.T", v, slot) }
                    else if s.equals(k, "i") {
                        let span = try s.str("data.i", v, slot)
                        id = JSONScanner.parseInteger(s.bytes, span) ?? 0
                    } else if s.equals(k, "S") {
                        let x = try s.str("data.S", v, slot)
                        if s.equals(x, "Buy") { side = .buy } else if s.equals(x, "Sell") { side = .sell }
                        else { throw VenueCodecError(.wrongType, field: "data.S", venue: v, slot: slot) }
                    } else { try s.skip("data[]", v, slot) }
                }
                guard let px else { throw VenueCodecError(.missingField, field: "data.p", venue: v, slot: slot) }
                guard let sz else { throw VenueCodecError(.missingField, field: "data.v", venue: v, slot: slot) }
                guard let side else { throw VenueCodecError(.missingField, field: "data.S", venue: v, slot: slot) }
                let tick = TradeTick(slot: slot, price: px, qty: sz, takerSide: side, tradeTimeMs: t, tradeId: id)
                trades.append(tick)
                message = .trade(tick)
            }
            return message
        case .tickers:
            try s.object("data", v, slot)
            var first = true
            var mark = MarkPriceTick(slot: slot)
            var hasMark = false
            var ticker = BookTickerTick(slot: slot)
            var hasTicker = false
            while let k = try s.member(&first, "data", v, slot) {
                if s.equals(k, "markPrice") {
                    if let x = try s.natural("data.markPrice", v, slot) { mark.markPrice = Price(units: x.units, scale: x.scale); hasMark = true }
                } else if s.equals(k, "indexPrice") {
                    if let x = try s.natural("data.indexPrice", v, slot) { mark.indexPrice = Price(units: x.units, scale: x.scale); hasMark = true }
                } else if s.equals(k, "fundingRate") {
                    if let x = try s.natural("data.fundingRate", v, slot) { mark.fundingRate = FundingRate(units: x.units, scale: x.scale); hasMark = true }
                } else if s.equals(k, "nextFundingTime") {
                    if let x = try s.optionalIntOrQuoted("data.nextFundingTime", v, slot) { mark.nextFundingTimeMs = x; hasMark = true }
                } else if s.equals(k, "bid1Price") {
                    ticker.bidPrice = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "data.bid1Price", v, slot) }
                    hasTicker = true
                } else if s.equals(k, "bid1Size") {
                    ticker.bidQty = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "data.bid1Size", v, slot) }
                    hasTicker = true
                } else if s.equals(k, "ask1Price") {
                    ticker.askPrice = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "data.ask1Price", v, slot) }
                    hasTicker = true
                } else if s.equals(k, "ask1Size") {
                    ticker.askQty = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "data.ask1Size", v, slot) }
                    hasTicker = true
                } else {
                    try s.skip("data", v, slot)
                }
            }
            lastTicker = hasTicker ? ticker : nil
            if hasMark { return .mark(mark) }
            if hasTicker { return .ticker(ticker) }
            return .ignored
        case .other:
            try s.skip("data", v, slot)
            return .ignored
        }
    }

    /// Reads a value Bybit may send as `""` (no value).
    private static func optional<T>(_ s: inout JSONScanner, _ body: (inout JSONScanner) throws(VenueCodecError) -> T) throws(VenueCodecError) -> T? {
        if s.peek() == UInt8(ascii: "\""), s.pos + 1 < s.end, s.bytes[s.pos + 1] == UInt8(ascii: "\"") { s.pos += 2; return nil }
        return try body(&s)
    }
}
