public import PropCore

/// Decoder of OKX v5 public WebSocket frames: `books` (and the other `books*`/`bbo-tbt` depth channels),
/// `trades`, `tickers`, `mark-price`, `funding-rate`, `event` frames (subscribe/unsubscribe/error/notice)
/// and the literal text `pong`. Other channels are `.ignored`. Any key order is accepted: when `data`
/// arrives before `arg` it is captured and parsed once the instrument is known.
///
/// Depth mapping: `lastUpdateId`=`firstUpdateId`=`seqId`, `prevUpdateId`=`prevSeqId` (-1 on snapshots);
/// frames without seqId/prevSeqId (before 2023) get 0 for both. `checksum` is copied as sent.
public struct OKXCodec: PublicMarketCodec {
    public static let venue: Venue = .okx
    public let symbols: SymbolTable
    /// All trades of the last frame that returned `.trade` (OKX batches several per frame).
    public private(set) var trades: [TradeTick] = []

    enum Channel { case books, trades, tickers, markPrice, fundingRate, other }

    public init(symbols: SymbolTable) {
        self.symbols = symbols
        trades.reserveCapacity(64)
    }

    /// Canonical `books` frames take `fastPath`; everything else (and anything it declines) the general
    /// decoder below.
    private var fastPath = OKXBooksFastPath()
    /// Canonical one-trade `trades` frames take this one.
    private var tradeFastPath = OKXTradesFastPath()

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

    /// The reference decoder for every frame shape (any key order, whitespace, all message types, errors).
    mutating func decodeGeneral(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        update.reset()
        let v = Venue.okx
        var s = JSONScanner(frame)
        if s.peek() == UInt8(ascii: "p") {
            var t = s
            if t.matchLiteral("pong"), t.atEnd() { return .control(.pong) }
        }
        try s.object("frame", v, nil)
        var channel: Channel?
        var channelSpan: JSONScanner.Span?
        var instSpan: JSONScanner.Span?
        var slot: Int?
        var action: JSONScanner.Span?
        var dataSpan: JSONScanner.Span?
        var result: MarketMessage?
        var event: JSONScanner.Span?, code: JSONScanner.Span?, msg: JSONScanner.Span?
        var first = true
        while let key = try s.member(&first, "frame", v, slot) {
            if s.equals(key, "arg") {
                try s.object("arg", v, nil)
                var f2 = true
                while let k = try s.member(&f2, "arg", v, nil) {
                    if s.equals(k, "channel") {
                        let c = try s.str("arg.channel", v, nil)
                        channelSpan = c
                        channel = Self.channel(s, c)
                    } else if s.equals(k, "instId") {
                        let i = try s.str("arg.instId", v, nil)
                        instSpan = i
                        slot = symbols.slot(bytes: s.slice(i))
                    } else {
                        try s.skip("arg", v, nil)
                    }
                }
            } else if s.equals(key, "data") {
                if let channel, let slot, channel != .other {
                    result = try decodeData(&s, channel, slot, &update)
                } else {
                    dataSpan = try s.capture("data", v, slot)
                }
            } else if s.equals(key, "action") {
                action = try s.str("action", v, slot)
            } else if s.equals(key, "event") {
                event = try s.str("event", v, slot)
            } else if s.equals(key, "code") {
                code = try s.capture("code", v, slot)
            } else if s.equals(key, "msg") {
                msg = try s.capture("msg", v, slot)
            } else {
                try s.skip("frame", v, slot)
            }
        }
        guard s.atEnd() else { throw VenueCodecError(.notJSON, field: "frame", venue: v, slot: slot) }
        if let event {
            let arg = channelSpan.map { s.string($0) } ?? ""
            if s.equals(event, "subscribe") { return .control(.subscribed(arg)) }
            if s.equals(event, "unsubscribe") { return .control(.unsubscribed(arg)) }
            if s.equals(event, "error") {
                return .control(.error(code: code.map { Self.text(s, $0) } ?? "", message: msg.map { Self.text(s, $0) } ?? ""))
            }
            return .control(.info(s.string(event)))
        }
        guard let channel else { return .ignored }
        if channel == .other { return .ignored }
        guard let slot else {
            throw VenueCodecError(instSpan == nil ? .missingField : .unknownSymbol, field: "arg.instId", venue: v)
        }
        if result == nil {
            guard let dataSpan else { throw VenueCodecError(.missingField, field: "data", venue: v, slot: slot) }
            var sub = s.rewound(to: dataSpan)
            result = try decodeData(&sub, channel, slot, &update)
        }
        if case .depth = result {
            if let action {
                if s.equals(action, "snapshot") { update.kind = .snapshot }
                else if s.equals(action, "update") { update.kind = .delta }
                else { throw VenueCodecError(.wrongType, field: "action", venue: v, slot: slot) }
            } else {
                // books5 / bbo-tbt carry no action: every push is a full picture.
                update.kind = .snapshot
            }
        }
        return result ?? .ignored
    }

    static func channel(_ s: JSONScanner, _ c: JSONScanner.Span) -> Channel {
        if s.equals(c, "books") || s.equals(c, "books5") || s.equals(c, "bbo-tbt") || s.hasPrefix(c, "books50-l2-tbt")
            || s.equals(c, "books-l2-tbt") { return .books }
        if s.equals(c, "trades") { return .trades }
        if s.equals(c, "tickers") { return .tickers }
        if s.equals(c, "mark-price") { return .markPrice }
        if s.equals(c, "funding-rate") { return .fundingRate }
        return .other
    }

    /// A string value's content, or the raw text of a number (OKX sends `code` as a string, but be lenient).
    static func text(_ s: JSONScanner, _ span: JSONScanner.Span) -> String {
        if span.count >= 2, s.bytes[span.start] == UInt8(ascii: "\"") {
            return s.string(JSONScanner.Span(start: span.start + 1, end: span.end - 1))
        }
        return s.string(span)
    }

    /// Parses the `data` array of a channel push.
    private mutating func decodeData(_ s: inout JSONScanner, _ channel: Channel, _ slot: Int, _ update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        let v = Venue.okx
        guard s.consume(UInt8(ascii: "[")) else { throw VenueCodecError(s.valueFailure(at: s.pos), field: "data", venue: v, slot: slot) }
        let sc = symbols.scales(slot)
        var message: MarketMessage = .ignored
        if channel == .trades { trades.removeAll(keepingCapacity: true) }
        var firstElement = true
        while true {
            if s.consume(UInt8(ascii: "]")) { break }
            if !firstElement { guard s.consume(UInt8(ascii: ",")) else { throw VenueCodecError(s.failureKind(), field: "data", venue: v, slot: slot) } }
            firstElement = false
            try s.object("data[]", v, slot)
            var first = true
            switch channel {
            case .books:
                var seq: Int64?, prevSeq: Int64?
                while let k = try s.member(&first, "data[]", v, slot) {
                    if s.equals(k, "asks") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "data.asks", v, slot) }
                    else if s.equals(k, "bids") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "data.bids", v, slot) }
                    else if s.equals(k, "ts") { update.eventTimeMs = try s.intOrQuoted("data.ts", v, slot) }
                    else if s.equals(k, "seqId") { seq = try s.int("data.seqId", v, slot) }
                    else if s.equals(k, "prevSeqId") { prevSeq = try s.int("data.prevSeqId", v, slot) }
                    else if s.equals(k, "checksum") {
                        let c = try s.int("data.checksum", v, slot)
                        guard let c32 = Int32(exactly: c) else { throw VenueCodecError(.badNumber, field: "data.checksum", venue: v, slot: slot) }
                        update.checksum = c32
                    } else { try s.skip("data[]", v, slot) }
                }
                update.slot = slot
                update.firstUpdateId = seq ?? 0
                update.lastUpdateId = seq ?? 0
                update.prevUpdateId = prevSeq ?? 0
                message = .depth
            case .trades:
                var px: Price?, sz: Qty?, side: Side?, ts: Int64 = 0, id: Int64 = 0
                while let k = try s.member(&first, "data[]", v, slot) {
                    if s.equals(k, "px") { px = try s.price(scale: sc.price, "data.px", v, slot) }
                    else if s.equals(k, "sz") { sz = try s.qty(scale: sc.qty, "data.sz", v, slot) }
                    else if s.equals(k, "ts") { ts = try s.intOrQuoted("data.ts", v, slot) }
                    else if s.equals(k, "tradeId") { id = try s.intOrQuoted("data.tradeId", v, slot) }
                    else if s.equals(k, "side") {
                        let x = try s.str("data.side", v, slot)
                        if s.equals(x, "buy") { side = .buy } else if s.equals(x, "sell") { side = .sell }
                        else { throw VenueCodecError(.wrongType, field: "data.side", venue: v, slot: slot) }
                    } else { try s.skip("data[]", v, slot) }
                }
                guard let px else { throw VenueCodecError(.missingField, field: "data.px", venue: v, slot: slot) }
                guard let sz else { throw VenueCodecError(.missingField, field: "data.sz", venue: v, slot: slot) }
                guard let side else { throw VenueCodecError(.missingField, field: "data.side", venue: v, slot: slot) }
                let tick = TradeTick(slot: slot, price: px, qty: sz, takerSide: side, tradeTimeMs: ts, tradeId: id)
                trades.append(tick)
                message = .trade(tick)
            case .tickers:
                var tick = BookTickerTick(slot: slot)
                while let k = try s.member(&first, "data[]", v, slot) {
                    if s.equals(k, "bidPx") { tick.bidPrice = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "data.bidPx", v, slot) } }
                    else if s.equals(k, "bidSz") { tick.bidQty = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "data.bidSz", v, slot) } }
                    else if s.equals(k, "askPx") { tick.askPrice = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.price(scale: sc.price, "data.askPx", v, slot) } }
                    else if s.equals(k, "askSz") { tick.askQty = try Self.optional(&s) { (x: inout JSONScanner) throws(VenueCodecError) in try x.qty(scale: sc.qty, "data.askSz", v, slot) } }
                    else if s.equals(k, "ts") { tick.eventTimeMs = try s.intOrQuoted("data.ts", v, slot) }
                    else { try s.skip("data[]", v, slot) }
                }
                message = .ticker(tick)
            case .markPrice, .fundingRate:
                var tick = MarkPriceTick(slot: slot)
                while let k = try s.member(&first, "data[]", v, slot) {
                    if s.equals(k, "markPx") {
                        if let x = try s.natural("data.markPx", v, slot) { tick.markPrice = Price(units: x.units, scale: x.scale) }
                    } else if s.equals(k, "fundingRate") {
                        if let x = try s.natural("data.fundingRate", v, slot) { tick.fundingRate = FundingRate(units: x.units, scale: x.scale) }
                    } else if s.equals(k, "fundingTime") {
                        // The settlement time of the rate in `fundingRate`.
                        tick.nextFundingTimeMs = try s.optionalIntOrQuoted("data.fundingTime", v, slot) ?? 0
                    } else if s.equals(k, "ts") {
                        tick.eventTimeMs = try s.intOrQuoted("data.ts", v, slot)
                    } else { try s.skip("data[]", v, slot) }
                }
                message = .mark(tick)
            case .other:
                while try s.member(&first, "data[]", v, slot) != nil { try s.skip("data[]", v, slot) }
            }
        }
        return message
    }

    /// Reads a value that OKX may send as `""` when there is none (e.g. an empty side in `tickers`).
    private static func optional<T>(_ s: inout JSONScanner, _ body: (inout JSONScanner) throws(VenueCodecError) -> T) throws(VenueCodecError) -> T? {
        if s.peek() == UInt8(ascii: "\""), s.pos + 1 < s.end, s.bytes[s.pos + 1] == UInt8(ascii: "\"") { s.pos += 2; return nil }
        return try body(&s)
    }
}
