import Foundation
import PropCore

/// Works out each instrument's price and quantity scales for an offline replay.
///
/// Choice: each instrument gets the largest number of decimals seen in any of its book, trade or ticker
/// prices/quantities in the capture — the venue's print precision, so every recorded value parses
/// exactly. When the capture also holds an instrument list (Binance `exchangeInfo`, OKX `instruments`,
/// Bybit `instruments-info`), its tick/step scale is used if finer. Listed instruments never seen keep
/// the listed scales.
/// This pass uses Foundation's JSON parser: it runs once per replay, not per message on a live feed.
enum ReplayScales {
    static func infer(venue: Venue, messages: [CapturedMessage]) -> [SymbolSpec] {
        var price: [String: Int] = [:]
        var qty: [String: Int] = [:]
        var order: [String] = []
        var listed: [String: SymbolSpec] = [:]

        func note(_ symbol: String, _ text: Any?, isPrice: Bool) {
            guard let s = text as? String, !s.isEmpty else { return }
            let d = s.firstIndex(of: ".").map { s.distance(from: $0, to: s.endIndex) - 1 } ?? 0
            guard d <= fixedPointMaxScale else { return }
            if price[symbol] == nil && qty[symbol] == nil { order.append(symbol) }
            if isPrice { price[symbol] = max(price[symbol] ?? 0, d); qty[symbol] = qty[symbol] ?? 0 }
            else { qty[symbol] = max(qty[symbol] ?? 0, d); price[symbol] = price[symbol] ?? 0 }
        }
        func levels(_ symbol: String, _ value: Any?) {
            guard let rows = value as? [[Any]] else { return }
            for r in rows where r.count >= 2 { note(symbol, r[0], isPrice: true); note(symbol, r[1], isPrice: false) }
        }

        for m in messages {
            if case .http(let url) = m.kind, let rules = instruments(venue: venue, url: url, body: m.body) {
                for r in rules { listed[r.nativeSymbol] = SymbolSpec(nativeSymbol: r.nativeSymbol, priceScale: r.priceScale, qtyScale: r.qtyScale) }
                continue
            }
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(m.body))) as? [String: Any] else { continue }
            switch venue {
            case .binance:
                if case .http(let url) = m.kind {
                    guard let sym = query(url, "symbol") else { continue }
                    levels(sym, obj["bids"]); levels(sym, obj["asks"])
                    continue
                }
                let d = (obj["data"] as? [String: Any]) ?? obj
                guard let sym = d["s"] as? String, let e = d["e"] as? String else { continue }
                switch e {
                case "depthUpdate": levels(sym, d["b"]); levels(sym, d["a"])
                case "bookTicker": note(sym, d["b"], isPrice: true); note(sym, d["a"], isPrice: true)
                    note(sym, d["B"], isPrice: false); note(sym, d["A"], isPrice: false)
                case "aggTrade": note(sym, d["p"], isPrice: true); note(sym, d["q"], isPrice: false)
                default: break
                }
            case .okx:
                if case .http(let url) = m.kind {
                    guard let sym = query(url, "instId"), let rows = obj["data"] as? [[String: Any]] else { continue }
                    for r in rows { levels(sym, r["bids"]); levels(sym, r["asks"]) }
                    continue
                }
                guard let arg = obj["arg"] as? [String: Any], let sym = arg["instId"] as? String,
                      let ch = arg["channel"] as? String, let rows = obj["data"] as? [[String: Any]] else { continue }
                for r in rows {
                    if ch.hasPrefix("books") || ch == "bbo-tbt" { levels(sym, r["bids"]); levels(sym, r["asks"]) }
                    if ch == "trades" { note(sym, r["px"], isPrice: true); note(sym, r["sz"], isPrice: false) }
                    if ch == "tickers" {
                        for k in ["bidPx", "askPx", "last"] { note(sym, r[k], isPrice: true) }
                        for k in ["bidSz", "askSz", "lastSz"] { note(sym, r[k], isPrice: false) }
                    }
                }
            case .bybit:
                if case .http = m.kind {
                    guard let r = obj["result"] as? [String: Any], let sym = r["s"] as? String else { continue }
                    levels(sym, r["b"]); levels(sym, r["a"])
                    continue
                }
                guard let topic = obj["topic"] as? String, let sym = topic.split(separator: ".").last.map(String.init) else { continue }
                if topic.hasPrefix("orderbook."), let d = obj["data"] as? [String: Any] { levels(sym, d["b"]); levels(sym, d["a"]) }
                if topic.hasPrefix("publicTrade."), let rows = obj["data"] as? [[String: Any]] {
                    for r in rows { note(sym, r["p"], isPrice: true); note(sym, r["v"], isPrice: false) }
                }
                if topic.hasPrefix("tickers."), let d = obj["data"] as? [String: Any] {
                    note(sym, d["bid1Price"], isPrice: true); note(sym, d["ask1Price"], isPrice: true)
                    note(sym, d["bid1Size"], isPrice: false); note(sym, d["ask1Size"], isPrice: false)
                }
            }
        }
        var specs: [SymbolSpec] = []
        for sym in order {
            let seen = SymbolSpec(nativeSymbol: sym, priceScale: price[sym] ?? 0, qtyScale: qty[sym] ?? 0)
            guard let l = listed[sym] else { specs.append(seen); continue }
            // Real captures can hold values finer than the listed tick (Binance CTKUSDT, July 2021: tick
            // 0.001 but resting levels at 0.00001 in the REST snapshot). A replay must not reject recorded
            // data, so it takes the finer of the two; live feeds keep the venue's tick and reject such frames.
            specs.append(SymbolSpec(nativeSymbol: sym, priceScale: max(l.priceScale, seen.priceScale), qtyScale: max(l.qtyScale, seen.qtyScale)))
        }
        for (sym, spec) in listed.sorted(by: { $0.key < $1.key }) where price[sym] == nil { specs.append(spec) }
        return specs
    }

    /// Instrument rules if `url` is the venue's instrument-list endpoint.
    static func instruments(venue: Venue, url: String, body: [UInt8]) -> [InstrumentRules]? {
        switch venue {
        case .binance where url.contains("/exchangeInfo"): return try? BinanceCodec.decodeInstruments(body)
        case .okx where url.contains("/public/instruments"): return try? OKXCodec.decodeInstruments(body)
        case .bybit where url.contains("/instruments-info"): return try? BybitCodec.decodeInstruments(body)
        default: return nil
        }
    }

    /// Value of query parameter `name` in `url`.
    static func query(_ url: String, _ name: String) -> String? {
        guard let q = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in q.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == name { return String(kv[1]) }
        }
        return nil
    }

    /// True when `url` is the venue's REST depth-snapshot endpoint.
    static func isDepthSnapshot(venue: Venue, url: String) -> Bool {
        switch venue {
        case .binance: url.contains(BinanceConstants.depthSnapshotPath)
        case .okx: url.contains(OKXConstants.depthSnapshotPath)
        case .bybit: url.contains(BybitConstants.depthSnapshotPath)
        }
    }
}
