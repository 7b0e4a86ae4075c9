import PropCore
import Venues

/// Turns gen_depth.py's Binance `depthUpdate` stream and REST snapshot into the equivalent OKX `books`
/// and Bybit `orderbook.200` frames, so the same market can be measured through every venue's codec.
///
/// OKX: prices printed the OKX way (trailing zeros trimmed), sizes as integer contracts of 0.001 BTC
/// (so the lots are unchanged), a snapshot frame (`prevSeqId -1`, `seqId` = `lastUpdateId`) then updates
/// chained `prevSeqId` = previous `seqId` (= Binance `u`), checksum 0. Bybit: Binance strings unchanged,
/// a snapshot with `u = 1000` and deltas with `u` +1 each and `seq` = Binance `u`.
enum DepthConverter {
    struct Parsed {
        var bids: [(String, String)]
        var asks: [(String, String)]
        var lastId: Int64
        var eventTime: Int64
    }

    static func convert(venue: Venue, binance: BenchInput, snapshot: [UInt8]) throws -> BenchInput {
        let snap = try parse(snapshot, isSnapshot: true)
        var frames: [[UInt8]] = []
        frames.reserveCapacity(binance.lines.count + 1)
        frames.append(Array(frame(venue: venue, p: snap, kind: "snapshot", prev: -1, index: 0).utf8))
        var prev = snap.lastId
        for (i, r) in binance.lines.enumerated() {
            let p = try parse(Array(binance.bytes[r]), isSnapshot: false)
            frames.append(Array(frame(venue: venue, p: p, kind: venue == .okx ? "update" : "delta", prev: prev, index: i + 1).utf8))
            prev = p.lastId
        }
        return BenchInput(frames: frames)
    }

    static func frame(venue: Venue, p: Parsed, kind: String, prev: Int64, index: Int) -> String {
        switch venue {
        case .okx:
            func lv(_ l: [(String, String)]) -> String {
                "[" + l.map { "[\"\(trim($0.0))\",\"\(lots($0.1))\",\"0\",\"1\"]" }.joined(separator: ",") + "]"
            }
            return "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT-SWAP\"},\"action\":\"\(kind)\",\"data\":[{\"asks\":\(lv(p.asks)),\"bids\":\(lv(p.bids)),\"ts\":\"\(p.eventTime)\",\"checksum\":0,\"prevSeqId\":\(prev),\"seqId\":\(p.lastId)}]}"
        case .bybit:
            func lv(_ l: [(String, String)]) -> String {
                "[" + l.map { "[\"\($0.0)\",\"\($0.1)\"]" }.joined(separator: ",") + "]"
            }
            return "{\"topic\":\"orderbook.200.BTCUSDT\",\"type\":\"\(kind)\",\"ts\":\(p.eventTime),\"data\":{\"s\":\"BTCUSDT\",\"b\":\(lv(p.bids)),\"a\":\(lv(p.asks)),\"u\":\(1000 + index),\"seq\":\(p.lastId)},\"cts\":\(p.eventTime - 1)}"
        case .binance:
            return ""
        }
    }

    static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }

    /// "1.234" BTC → "1234" contracts of 0.001.
    static func lots(_ s: String) -> String {
        let v = Qty(s, scale: 3)?.units ?? 0
        return String(v)
    }

    /// Minimal parse of a generator frame (not timed).
    static func parse(_ bytes: [UInt8], isSnapshot: Bool) throws -> Parsed {
        let text = String(decoding: bytes, as: UTF8.self)
        func int(_ key: String) -> Int64 {
            guard let r = text.range(of: "\"\(key)\":") else { return 0 }
            return Int64(text[r.upperBound...].prefix { $0.isNumber || $0 == "-" }) ?? 0
        }
        func levels(_ key: String) -> [(String, String)] {
            guard let r = text.range(of: "\"\(key)\":[") else { return [] }
            var out: [(String, String)] = []
            var rest = text[r.upperBound...]
            while rest.first == "[" {
                let close = rest.firstIndex(of: "]") ?? rest.endIndex
                let parts = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.trimmingCharacters(in: ["\""]) }
                if parts.count >= 2 { out.append((parts[0], parts[1])) }
                rest = rest[rest.index(after: close)...]
                if rest.first == "," { rest = rest.dropFirst() }
            }
            return out
        }
        if isSnapshot {
            return Parsed(bids: levels("bids"), asks: levels("asks"), lastId: int("lastUpdateId"), eventTime: int("E"))
        }
        return Parsed(bids: levels("b"), asks: levels("a"), lastId: int("u"), eventTime: int("E"))
    }
}
