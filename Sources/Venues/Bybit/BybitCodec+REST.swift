public import PropCore

/// REST bodies used by the Bybit book sync and instrument loading.
extension BybitCodec {
    /// `GET /v5/market/instruments-info?category=linear` → rules of `LinearPerpetual` symbols
    /// (priceFilter `tickSize`, lotSizeFilter `qtyStep`/`minOrderQty`/`minNotionalValue`).
    public static func decodeInstruments(_ body: [UInt8]) throws(VenueCodecError) -> [InstrumentRules] {
        struct PriceFilter: Decodable { var tickSize: String }
        struct LotFilter: Decodable { var qtyStep: String?; var basePrecision: String?; var minOrderQty: String; var minNotionalValue: String? }
        struct Inst: Decodable {
            var symbol: String; var contractType: String?; var baseCoin: String; var quoteCoin: String
            var priceFilter: PriceFilter; var lotSizeFilter: LotFilter
        }
        struct Result: Decodable { var category: String?; var list: [Inst] }
        struct Envelope: Decodable { var retCode: Int; var result: Result }
        let env = try RESTBodyDecoder.decode(Envelope.self, from: body, venue: .bybit)
        guard env.retCode == 0 else { throw VenueCodecError(.wrongType, field: "retCode", venue: .bybit) }
        var out: [InstrumentRules] = []
        for (n, inst) in env.result.list.enumerated() {
            let f = "result.list[\(n)]"
            let type: InstrumentType
            if inst.contractType == "LinearPerpetual" { type = .perp }
            else if inst.contractType == nil || env.result.category == "spot" { type = .spot }
            else { continue }
            guard let step = inst.lotSizeFilter.qtyStep ?? inst.lotSizeFilter.basePrecision else {
                throw VenueCodecError(.missingField, field: f + ".lotSizeFilter.qtyStep", venue: .bybit)
            }
            out.append(InstrumentRules(
                id: InstrumentId(venue: .bybit, type: type, base: inst.baseCoin, quote: inst.quoteCoin),
                nativeSymbol: inst.symbol,
                tickSize: try RESTBodyDecoder.significant(inst.priceFilter.tickSize, Price.self, field: f + ".priceFilter.tickSize", venue: .bybit),
                stepSize: try RESTBodyDecoder.significant(step, Qty.self, field: f + ".lotSizeFilter.qtyStep", venue: .bybit),
                minQty: try RESTBodyDecoder.significant(inst.lotSizeFilter.minOrderQty, Qty.self, field: f + ".lotSizeFilter.minOrderQty", venue: .bybit),
                minNotional: try inst.lotSizeFilter.minNotionalValue.map { (t: String) throws(VenueCodecError) in
                    try RESTBodyDecoder.significant(t, Price.self, field: f + ".lotSizeFilter.minNotionalValue", venue: .bybit)
                }))
        }
        return out
    }

    /// `GET /v5/market/orderbook` → snapshot; the slot comes from `result.s`. Ids as for WS (`u`, `u-1`, `seq`).
    public static func decodeDepthSnapshot(_ body: [UInt8], symbols: SymbolTable, into update: inout DepthUpdate) throws(VenueCodecError) {
        let v = Venue.bybit
        update.reset()
        update.kind = .snapshot
        try JSONScanner.withBytes(body) { (raw: UnsafeRawBufferPointer) throws(VenueCodecError) in
            var s = JSONScanner(raw)
            try s.object("body", v, nil)
            var first = true
            var resultSpan: JSONScanner.Span?
            while let key = try s.member(&first, "body", v, nil) {
                if s.equals(key, "result") { resultSpan = try s.capture("result", v, nil) } else { try s.skip("body", v, nil) }
            }
            guard let resultSpan else { throw VenueCodecError(.missingField, field: "result", venue: v) }
            // Two passes over `result`: the symbol first (its scales are needed for the levels).
            var r = s.rewound(to: resultSpan)
            try r.object("result", v, nil)
            var f2 = true
            var slot: Int?
            while let k = try r.member(&f2, "result", v, nil) {
                if r.equals(k, "s") {
                    let sym = try r.str("result.s", v, nil)
                    guard let found = symbols.slot(bytes: r.slice(sym)) else { throw VenueCodecError(.unknownSymbol, field: "result.s", venue: v) }
                    slot = found
                } else { try r.skip("result", v, nil) }
            }
            guard let slot else { throw VenueCodecError(.missingField, field: "result.s", venue: v) }
            let sc = symbols.scales(slot)
            r = s.rewound(to: resultSpan)
            try r.object("result", v, slot)
            f2 = true
            var u: Int64?
            while let k = try r.member(&f2, "result", v, slot) {
                if r.equals(k, "b") { try r.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "result.b", v, slot) }
                else if r.equals(k, "a") { try r.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "result.a", v, slot) }
                else if r.equals(k, "u") { u = try r.int("result.u", v, slot) }
                else if r.equals(k, "seq") { update.crossSequence = try r.int("result.seq", v, slot) }
                else if r.equals(k, "ts") { update.eventTimeMs = try r.int("result.ts", v, slot) }
                else { try r.skip("result", v, slot) }
            }
            guard let u else { throw VenueCodecError(.missingField, field: "result.u", venue: v, slot: slot) }
            update.slot = slot
            update.firstUpdateId = u; update.lastUpdateId = u; update.prevUpdateId = u &- 1
        }
    }

    /// `GET /v5/market/time` → ms (from `result.timeNano`, else `time`).
    public static func decodeServerTime(_ body: [UInt8]) throws(VenueCodecError) -> Int64 {
        struct Result: Decodable { var timeSecond: String?; var timeNano: String? }
        struct Envelope: Decodable { var result: Result?; var time: Int64? }
        let env = try RESTBodyDecoder.decode(Envelope.self, from: body, venue: .bybit)
        if let nano = env.result?.timeNano {
            guard let n = Int64(nano) else { throw VenueCodecError(.badNumber, field: "result.timeNano", venue: .bybit) }
            return n / 1_000_000
        }
        guard let t = env.time else { throw VenueCodecError(.missingField, field: "time", venue: .bybit) }
        return t
    }
}
