public import PropCore
import MarketData

/// Offline replay of recorded public market data through the real codec and one `BookSync` per
/// instrument — the same path a live feed takes, minus the sockets.
///
/// REST depth snapshots in the capture (Binance `/fapi/v1/depth`, OKX `/api/v5/market/books`, Bybit
/// `/v5/market/orderbook`) are fed to `BookSync.handle` as snapshots at their receive time; for Binance the
/// symbol comes from the URL's `symbol=`. Scales: see `ReplayScales`. A frame the codec rejects counts as
/// malformed and, when its instrument is known, invalidates that book. A resync request cannot be served
/// offline: the book stays invalid until the capture itself contains a new snapshot.
public enum MarketReplay {
    /// Replays `files` (merged by receive time) for `venue`.
    public static func run(venue: Venue, files: [String]) throws -> ReplayReport {
        let messages = try CaptureReader.read(files)
        return replay(venue: venue, messages: messages)
    }

    /// Replays already-read messages.
    public static func replay(venue: Venue, messages: [CapturedMessage]) -> ReplayReport {
        let specs = ReplayScales.infer(venue: venue, messages: messages)
        let table = SymbolTable(specs)
        switch venue {
        case .binance: return replay(codec: BinanceCodec(symbols: table), messages: messages)
        case .okx: return replay(codec: OKXCodec(symbols: table), messages: messages)
        case .bybit: return replay(codec: BybitCodec(symbols: table), messages: messages)
        }
    }

    static func replay<C: PublicMarketCodec>(codec: C, messages: [CapturedMessage]) -> ReplayReport {
        var codec = codec
        let venue = C.venue
        let table = codec.symbols
        var syncs: [BookSync] = (0..<table.count).map {
            BookSync(venue: venue, priceScale: table[$0].priceScale, qtyScale: table[$0].qtyScale)
        }
        var seen = [Bool](repeating: false, count: table.count)
        var update = DepthUpdate()
        var count = 0
        var malformed = 0

        func feed(_ update: DepthUpdate) {
            guard update.slot >= 0, update.slot < syncs.count else { return }
            seen[update.slot] = true
            if syncs[update.slot].handle(update) == .resync(.malformedFrame) { malformed += 1 }
        }

        for m in messages {
            switch m.kind {
            case .http(let url):
                guard ReplayScales.isDepthSnapshot(venue: venue, url: url) else { continue }
                count += 1
                update.reset()
                if let sym = ReplayScales.query(url, venue == .okx ? "instId" : "symbol"), let slot = table.slot(of: sym) {
                    update.slot = slot
                }
                do {
                    try C.decodeDepthSnapshot(m.body, symbols: table, into: &update)
                    feed(update)
                } catch {
                    malformed += 1
                    if let slot = error.slot { syncs[slot].invalidate(.malformedFrame) }
                }
            case .webSocket:
                count += 1
                let result: Result<MarketMessage, VenueCodecError> = m.body.withUnsafeBytes { raw in
                    Result { () throws(VenueCodecError) -> MarketMessage in try codec.decode(raw, into: &update) }
                }
                switch result {
                case .success(.depth): feed(update)
                case .success: break
                case .failure(let error):
                    malformed += 1
                    if let slot = error.slot { syncs[slot].invalidate(.malformedFrame) }
                }
            }
        }

        var books: [String: ReplayReport.BookTop] = [:]
        var gaps = 0, resyncs = 0, checksum = 0
        for (slot, sync) in syncs.enumerated() {
            gaps += sync.stats.gaps
            resyncs += sync.stats.resyncs
            checksum += sync.stats.checksumFailures
            guard seen[slot] else { continue }
            let b = sync.book
            books[table[slot].nativeSymbol] = ReplayReport.BookTop(
                bid: b.bestBid.map { Price(units: $0.price, scale: b.priceScale).description },
                bidQty: b.bestBid.map { Qty(units: $0.qty, scale: b.qtyScale).description },
                ask: b.bestAsk.map { Price(units: $0.price, scale: b.priceScale).description },
                askQty: b.bestAsk.map { Qty(units: $0.qty, scale: b.qtyScale).description },
                valid: sync.isValid)
        }
        return ReplayReport(venue: venue.rawValue, messages: count, gaps: gaps, resyncs: resyncs,
                            checksumFailures: checksum, malformed: malformed, books: books)
    }
}
