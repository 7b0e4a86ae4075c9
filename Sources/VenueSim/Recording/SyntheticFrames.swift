import PropCore

/// The frames a real PropBot feed receives from the simulator, built with the simulator's own encoders:
/// what arrives when the feed starts (REST instrument list, Binance depth snapshots, OKX/Bybit subscription
/// answers and snapshots) and what each market step publishes on the channels the feed subscribes to.
enum SyntheticFrames {
    /// A REST body with its path, or a WebSocket text frame.
    enum Frame { case rest(path: String, body: String), ws(String) }

    /// Bybit book depth the feed subscribes to by default (`FeedSettings.depth` 200).
    static let bybitDepth = 200
    /// Binance snapshot depth the feed asks for by default (`FeedSettings.snapshotLimit` 1000).
    static let binanceSnapshotLimit = 1000

    /// What the feed of `venue` receives on start-up.
    static func start(_ venue: Venue, _ market: SyntheticMarket, nowMs: Int64, connId: String) -> [Frame] {
        let all = market.instruments.filter { $0.spec.id.venue == venue }
        switch venue {
        case .binance:
            var out: [Frame] = [.rest(path: "/fapi/v1/exchangeInfo", body: BinanceSimCodec.exchangeInfo(all, nowMs: nowMs))]
            for s in all {
                out.append(.rest(path: "/fapi/v1/depth?symbol=\(s.spec.nativeSymbol)&limit=\(binanceSnapshotLimit)",
                                 body: BinanceSimCodec.depth(s, limit: binanceSnapshotLimit, nowMs: nowMs)))
            }
            return out
        case .okx:
            var out: [Frame] = [.rest(path: "/api/v5/public/instruments?instType=SWAP", body: OKXSimCodec.ok(all.map(OKXSimCodec.instrument)))]
            for s in all {
                let inst = s.spec.nativeSymbol
                for channel in ["books", "trades", "mark-price", "funding-rate"] {
                    out.append(.ws(#"{"id":"sub1","event":"subscribe","arg":\#(OKXSimCodec.arg(channel, inst)),"connId":"\#(connId)"}"#))
                    switch channel {
                    case "books":
                        let v = s.views[0]
                        let sum = OKXSimCodec.checksum(bids: v.bids, asks: v.asks, spec: s.spec)
                        out.append(.ws(OKXSimCodec.books(s, action: "snapshot", bids: v.bids, asks: v.asks, prevSeqId: -1,
                                                         seqId: v.updateId, checksum: sum, nowMs: nowMs)))
                    case "mark-price": out.append(.ws(okxMark(s, nowMs: nowMs)))
                    case "funding-rate": out.append(.ws(okxFunding(s, nowMs: nowMs)))
                    default: break
                    }
                }
            }
            return out
        case .bybit:
            let list = all.map(BybitSimCodec.instrument).joined(separator: ",")
            var out: [Frame] = [.rest(path: "/v5/market/instruments-info?category=linear&limit=1000",
                                      body: BybitSimCodec.ok(#"{"category":"linear","list":[\#(list)],"nextPageCursor":""}"#, nowMs: nowMs))]
            out.append(.ws(#"{"success":true,"ret_msg":"","conn_id":"\#(connId)","req_id":"sub0","op":"subscribe"}"#))
            for s in all {
                if let vi = s.viewIndex(depth: bybitDepth) {
                    let v = s.views[vi]
                    out.append(.ws(BybitSimCodec.orderbook(s, depth: bybitDepth, type: "snapshot", bids: v.bids, asks: v.asks,
                                                           u: v.updateId, nowMs: nowMs)))
                }
                let item = BybitSimCodec.tickerItem(s, indexMid: market.assetMids[s.spec.id.base] ?? s.mid, nowMs: nowMs)
                out.append(.ws(#"{"topic":"tickers.\#(s.spec.nativeSymbol)","type":"snapshot","data":\#(item),"cs":\#(s.crossSequence),"ts":\#(nowMs)}"#))
            }
            return out
        }
    }

    /// What one instrument's step publishes on the feed's channels. `okxLastBookMs` keeps OKX heartbeat timing.
    static func step(_ t: SimInstrumentTick, _ s: SimInstrumentState, nowMs: Int64, okxHeartbeatMs: Int64,
                     okxLastBookMs: inout Int64) -> [String] {
        var out: [String] = []
        let sym = s.spec.nativeSymbol
        switch s.spec.id.venue {
        case .binance:
            let lower = sym.lowercased()
            if let u = t.views.first, !u.isEmpty {
                out.append(#"{"stream":"\#(lower)@depth@100ms","data":\#(BinanceSimCodec.depthUpdate(s, u, nowMs: nowMs))}"#)
            }
            for trade in t.trades {
                out.append(#"{"stream":"\#(lower)@aggTrade","data":\#(BinanceSimCodec.aggTrade(s, trade, nowMs: nowMs))}"#)
            }
        case .okx:
            if let u = t.views.first {
                let view = s.views[u.viewIndex]
                let sum = OKXSimCodec.checksum(bids: view.bids, asks: view.asks, spec: s.spec)
                if !u.isEmpty {
                    out.append(OKXSimCodec.books(s, action: "update", bids: u.bids, asks: u.asks, prevSeqId: u.prevId,
                                                 seqId: u.lastId, checksum: sum, nowMs: nowMs))
                    okxLastBookMs = nowMs
                } else if nowMs - okxLastBookMs >= okxHeartbeatMs {
                    out.append(OKXSimCodec.books(s, action: "update", bids: [], asks: [], prevSeqId: u.lastId, seqId: u.lastId,
                                                 checksum: sum, nowMs: nowMs))
                    okxLastBookMs = nowMs
                }
            }
            for trade in t.trades { out.append(OKXSimCodec.trade(s, trade)) }
        case .bybit:
            for u in t.views where u.depth == bybitDepth && !u.isEmpty {
                out.append(BybitSimCodec.orderbook(s, depth: u.depth, type: "delta", bids: u.bids, asks: u.asks, u: u.lastId, nowMs: nowMs))
            }
            for trade in t.trades { out.append(BybitSimCodec.trade(s, trade)) }
            if t.topChanged {
                let p = s.spec
                let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
                out.append(#"{"topic":"tickers.\#(sym)","type":"delta","data":{"symbol":"\#(sym)","bid1Price":"\#(p.price(b.price))","bid1Size":"\#(p.qty(b.qty))","ask1Price":"\#(p.price(a.price))","ask1Size":"\#(p.qty(a.qty))"},"cs":\#(s.crossSequence),"ts":\#(nowMs)}"#)
            }
        }
        return out
    }

    /// Once a second: Binance `markPriceUpdate` (with funding rate), OKX `mark-price`, Bybit mark/funding ticker delta.
    static func marks(_ s: SimInstrumentState, indexMid: Double, nowMs: Int64) -> String {
        let sym = s.spec.nativeSymbol
        switch s.spec.id.venue {
        case .binance:
            return #"{"stream":"\#(sym.lowercased())@markPrice@1s","data":\#(BinanceSimCodec.markPriceUpdate(s, indexMid: indexMid, nowMs: nowMs))}"#
        case .okx:
            return okxMark(s, nowMs: nowMs)
        case .bybit:
            let rate = Price(units: s.fundingRateE8, scale: 8).trimmedDescription
            return #"{"topic":"tickers.\#(sym)","type":"delta","data":{"symbol":"\#(sym)","markPrice":"\#(BybitSimCodec.markPrice(s, s.mid))","indexPrice":"\#(BybitSimCodec.markPrice(s, indexMid))","fundingRate":"\#(rate)","nextFundingTime":"\#(BinanceSimCodec.nextFunding(nowMs))"},"cs":\#(s.crossSequence),"ts":\#(nowMs)}"#
        }
    }

    static func okxMark(_ s: SimInstrumentState, nowMs: Int64) -> String {
        #"{"arg":\#(OKXSimCodec.arg("mark-price", s.spec.nativeSymbol)),"data":[\#(OKXSimCodec.markItem(s, nowMs: nowMs))]}"#
    }

    static func okxFunding(_ s: SimInstrumentState, nowMs: Int64) -> String {
        #"{"arg":\#(OKXSimCodec.arg("funding-rate", s.spec.nativeSymbol)),"data":[\#(OKXSimCodec.fundingItem(s, nowMs: nowMs))]}"#
    }
}
