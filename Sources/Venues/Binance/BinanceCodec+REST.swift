public import PropCore

/// REST bodies used by the Binance book sync and instrument loading.
extension BinanceCodec {
    /// `GET /fapi/v1/exchangeInfo` → rules of every `PERPETUAL` symbol (PRICE_FILTER `tickSize`,
    /// LOT_SIZE `stepSize`/`minQty`, MIN_NOTIONAL `notional`). Scales are the significant decimals of
    /// tick and step (`"0.10000000"` → 1).
    public static func decodeInstruments(_ body: [UInt8]) throws(VenueCodecError) -> [InstrumentRules] {
        struct Filter: Decodable { var filterType: String; var tickSize: String?; var stepSize: String?; var minQty: String?; var notional: String? }
        struct Symbol: Decodable { var symbol: String; var contractType: String?; var baseAsset: String; var quoteAsset: String; var filters: [Filter] }
        struct Info: Decodable { var symbols: [Symbol] }
        let info = try RESTBodyDecoder.decode(Info.self, from: body, venue: .binance)
        var out: [InstrumentRules] = []
        for (n, sym) in info.symbols.enumerated() where sym.contractType == "PERPETUAL" {
            let f = "symbols[\(n)].filters"
            guard let price = sym.filters.first(where: { $0.filterType == "PRICE_FILTER" }), let tick = price.tickSize else {
                throw VenueCodecError(.missingField, field: f + ".PRICE_FILTER.tickSize", venue: .binance)
            }
            guard let lot = sym.filters.first(where: { $0.filterType == "LOT_SIZE" }), let step = lot.stepSize, let minQty = lot.minQty else {
                throw VenueCodecError(.missingField, field: f + ".LOT_SIZE.stepSize", venue: .binance)
            }
            let notional = sym.filters.first(where: { $0.filterType == "MIN_NOTIONAL" })?.notional
            out.append(InstrumentRules(
                id: InstrumentId(venue: .binance, base: sym.baseAsset, quote: sym.quoteAsset),
                nativeSymbol: sym.symbol,
                tickSize: try RESTBodyDecoder.significant(tick, Price.self, field: f + ".PRICE_FILTER.tickSize", venue: .binance),
                stepSize: try RESTBodyDecoder.significant(step, Qty.self, field: f + ".LOT_SIZE.stepSize", venue: .binance),
                minQty: try RESTBodyDecoder.significant(minQty, Qty.self, field: f + ".LOT_SIZE.minQty", venue: .binance),
                minNotional: try notional.map { (t: String) throws(VenueCodecError) in
                    try RESTBodyDecoder.significant(t, Price.self, field: f + ".MIN_NOTIONAL.notional", venue: .binance)
                }))
        }
        return out
    }

    /// `GET /fapi/v1/depth` → snapshot. The body names no symbol: set `update.slot` before calling.
    /// All three ids are set to `lastUpdateId`.
    public static func decodeDepthSnapshot(_ body: [UInt8], symbols: SymbolTable, into update: inout DepthUpdate) throws(VenueCodecError) {
        let slot = update.slot
        guard slot >= 0, slot < symbols.count else { throw VenueCodecError(.unknownSymbol, field: "symbol", venue: .binance) }
        update.reset()
        update.slot = slot
        update.kind = .snapshot
        let sc = symbols.scales(slot)
        let v = Venue.binance
        try JSONScanner.withBytes(body) { (raw: UnsafeRawBufferPointer) throws(VenueCodecError) in
            var s = JSONScanner(raw)
            try s.object("body", v, slot)
            var id: Int64?
            var first = true
            while let key = try s.member(&first, "body", v, slot) {
                if s.equals(key, "lastUpdateId") { id = try s.int("lastUpdateId", v, slot) }
                else if s.equals(key, "E") { update.eventTimeMs = try s.int("E", v, slot) }
                else if s.equals(key, "bids") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "bids", v, slot) }
                else if s.equals(key, "asks") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "asks", v, slot) }
                else { try s.skip("body", v, slot) }
            }
            guard let id else { throw VenueCodecError(.missingField, field: "lastUpdateId", venue: v, slot: slot) }
            update.firstUpdateId = id; update.lastUpdateId = id; update.prevUpdateId = id
        }
    }

    /// `GET /fapi/v1/time` → `serverTime` in ms.
    public static func decodeServerTime(_ body: [UInt8]) throws(VenueCodecError) -> Int64 {
        try JSONScanner.withBytes(body) { (raw: UnsafeRawBufferPointer) throws(VenueCodecError) -> Int64 in
            var s = JSONScanner(raw)
            try s.object("body", .binance, nil)
            var first = true
            var t: Int64?
            while let key = try s.member(&first, "body", .binance, nil) {
                if s.equals(key, "serverTime") { t = try s.int("serverTime", .binance, nil) } else { try s.skip("body", .binance, nil) }
            }
            guard let t else { throw VenueCodecError(.missingField, field: "serverTime", venue: .binance) }
            return t
        }
    }
}
