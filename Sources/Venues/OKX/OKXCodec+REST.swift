public import PropCore

/// REST bodies used by the OKX book sync and instrument loading.
extension OKXCodec {
    /// `GET /api/v5/public/instruments?instType=SWAP|SPOT` → rules. SWAP ids become `OKX:PERP:BASE-QUOTE`
    /// with `contractValue = ctVal × ctMult`; quantities (lot, min size) stay in contracts. OKX has no
    /// min notional, so `minNotional` is `nil`.
    public static func decodeInstruments(_ body: [UInt8]) throws(VenueCodecError) -> [InstrumentRules] {
        struct Inst: Decodable {
            var instId: String; var instType: String; var tickSz: String; var lotSz: String; var minSz: String
            var ctVal: String?; var ctMult: String?; var baseCcy: String?; var quoteCcy: String?
        }
        struct Envelope: Decodable { var code: String; var data: [Inst] }
        let env = try RESTBodyDecoder.decode(Envelope.self, from: body, venue: .okx)
        guard env.code == "0" else { throw VenueCodecError(.wrongType, field: "code", venue: .okx) }
        var out: [InstrumentRules] = []
        for (n, inst) in env.data.enumerated() {
            let f = "data[\(n)]"
            let parts = inst.instId.split(separator: "-").map(String.init)
            let id: InstrumentId
            var contract = Qty(units: 1, scale: 0)
            switch inst.instType {
            case "SWAP":
                guard parts.count == 3 else { throw VenueCodecError(.wrongType, field: f + ".instId", venue: .okx) }
                id = InstrumentId(venue: .okx, type: .perp, base: parts[0], quote: parts[1])
                let ctVal = try RESTBodyDecoder.significant(inst.ctVal ?? "1", Qty.self, field: f + ".ctVal", venue: .okx)
                let ctMult = try RESTBodyDecoder.significant((inst.ctMult ?? "").isEmpty ? "1" : inst.ctMult ?? "1", Qty.self, field: f + ".ctMult", venue: .okx)
                contract = Qty(units: ctVal.units * ctMult.units, scale: ctVal.scale + ctMult.scale)
            case "SPOT":
                guard parts.count == 2 else { throw VenueCodecError(.wrongType, field: f + ".instId", venue: .okx) }
                id = InstrumentId(venue: .okx, type: .spot, base: parts[0], quote: parts[1])
            default:
                continue
            }
            out.append(InstrumentRules(
                id: id, nativeSymbol: inst.instId,
                tickSize: try RESTBodyDecoder.significant(inst.tickSz, Price.self, field: f + ".tickSz", venue: .okx),
                stepSize: try RESTBodyDecoder.significant(inst.lotSz, Qty.self, field: f + ".lotSz", venue: .okx),
                minQty: try RESTBodyDecoder.significant(inst.minSz, Qty.self, field: f + ".minSz", venue: .okx),
                minNotional: nil, contractValue: contract))
        }
        return out
    }

    /// `GET /api/v5/market/books` → snapshot. The body names no instrument: set `update.slot` first.
    /// `lastUpdateId` is `seqId` when present, else 0; `prevUpdateId` is -1.
    public static func decodeDepthSnapshot(_ body: [UInt8], symbols: SymbolTable, into update: inout DepthUpdate) throws(VenueCodecError) {
        let slot = update.slot
        let v = Venue.okx
        guard slot >= 0, slot < symbols.count else { throw VenueCodecError(.unknownSymbol, field: "instId", venue: v) }
        update.reset()
        update.slot = slot
        update.kind = .snapshot
        update.prevUpdateId = -1
        let sc = symbols.scales(slot)
        try JSONScanner.withBytes(body) { (raw: UnsafeRawBufferPointer) throws(VenueCodecError) in
            var s = JSONScanner(raw)
            try s.object("body", v, slot)
            var first = true
            var sawData = false
            while let key = try s.member(&first, "body", v, slot) {
                guard s.equals(key, "data") else { try s.skip("body", v, slot); continue }
                sawData = true
                guard s.consume(UInt8(ascii: "[")) else { throw VenueCodecError(s.valueFailure(at: s.pos), field: "data", venue: v, slot: slot) }
                var firstEl = true
                while !s.consume(UInt8(ascii: "]")) {
                    if !firstEl { guard s.consume(UInt8(ascii: ",")) else { throw VenueCodecError(s.failureKind(), field: "data", venue: v, slot: slot) } }
                    firstEl = false
                    try s.object("data[]", v, slot)
                    var f2 = true
                    while let k = try s.member(&f2, "data[]", v, slot) {
                        if s.equals(k, "asks") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.asks, "data.asks", v, slot) }
                        else if s.equals(k, "bids") { try s.levels(priceScale: sc.price, qtyScale: sc.qty, into: &update.bids, "data.bids", v, slot) }
                        else if s.equals(k, "ts") { update.eventTimeMs = try s.intOrQuoted("data.ts", v, slot) }
                        else if s.equals(k, "seqId") {
                            let q = try s.int("data.seqId", v, slot)
                            update.lastUpdateId = q; update.firstUpdateId = q
                        } else { try s.skip("data[]", v, slot) }
                    }
                }
            }
            guard sawData else { throw VenueCodecError(.missingField, field: "data", venue: v, slot: slot) }
        }
    }

    /// `GET /api/v5/public/time` → `data[0].ts` in ms.
    public static func decodeServerTime(_ body: [UInt8]) throws(VenueCodecError) -> Int64 {
        struct Row: Decodable { var ts: String }
        struct Envelope: Decodable { var data: [Row] }
        let env = try RESTBodyDecoder.decode(Envelope.self, from: body, venue: .okx)
        guard let ts = env.data.first?.ts else { throw VenueCodecError(.missingField, field: "data[0].ts", venue: .okx) }
        guard let ms = Int64(ts) else { throw VenueCodecError(.badNumber, field: "data[0].ts", venue: .okx) }
        return ms
    }
}
