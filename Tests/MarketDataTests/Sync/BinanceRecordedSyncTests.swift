import Foundation
import MarketData
import PropCore
import Testing

/// Binance's snapshot + diff rules on a real 2021 recording: four symbols, REST snapshots received while
/// the diff stream was already buffering, merged in receive-time order as a live feed sees them.
@Suite struct BinanceRecordedSyncTests {
    struct Event {
        var time: Double
        var symbol: String
        var update: DepthUpdate
    }

    static func decimals(_ s: String) -> Int { s.firstIndex(of: ".").map { s.distance(from: $0, to: s.endIndex) - 1 } ?? 0 }

    /// Splits `recv_time: {json}` (or `URL -> recv_time: {json}`) into the time and the JSON object.
    static func parse(_ line: Substring) throws -> (Double, [String: Any])? {
        guard let brace = line.firstIndex(of: "{") else { return nil }
        let head = line[..<brace].split(separator: " ").last { $0.hasSuffix(":") }
        guard let t = head.flatMap({ Double($0.dropLast()) }),
              let obj = try JSONSerialization.jsonObject(with: Data(line[brace...].utf8)) as? [String: Any] else { return nil }
        return (t, obj)
    }

    static func load() throws -> (events: [Event], scales: [String: (Int, Int)]) {
        var raw: [(Double, String, DepthKind, [String: Any])] = []
        for line in BinanceDepth2021Fixture.snapshots.split(separator: "\n") {
            guard let (t, obj) = try parse(line), let sym = line.split(separator: "symbol=").last?.split(separator: "&").first else { continue }
            raw.append((t, String(sym), .snapshot, obj))
        }
        for line in BinanceDepth2021Fixture.frames.split(separator: "\n") {
            guard let (t, obj) = try parse(line), let d = obj["data"] as? [String: Any], let sym = d["s"] as? String else { continue }
            raw.append((t, sym, .delta, d))
        }
        var scales: [String: (Int, Int)] = [:]
        func levels(_ obj: [String: Any], _ key: String) -> [[String]] { obj[key] as? [[String]] ?? [] }
        for (_, sym, kind, obj) in raw {
            for l in levels(obj, kind == .snapshot ? "bids" : "b") + levels(obj, kind == .snapshot ? "asks" : "a") {
                let cur = scales[sym] ?? (0, 0)
                scales[sym] = (max(cur.0, decimals(l[0])), max(cur.1, decimals(l[1])))
            }
        }
        var events: [Event] = []
        for (t, sym, kind, obj) in raw.sorted(by: { $0.0 < $1.0 }) {
            let sc = scales[sym] ?? (0, 0)
            func conv(_ key: String) throws -> [BookLevel] {
                try levels(obj, key).map {
                    BookLevel(price: try #require(Price($0[0], scale: sc.0)).units, qty: try #require(Qty($0[1], scale: sc.1)).units)
                }
            }
            var u = DepthUpdate()
            u.kind = kind
            if kind == .snapshot {
                let id = (obj["lastUpdateId"] as? NSNumber)?.int64Value ?? 0
                u.firstUpdateId = id; u.lastUpdateId = id; u.prevUpdateId = id
                u.bids = try conv("bids"); u.asks = try conv("asks")
            } else {
                u.firstUpdateId = (obj["U"] as? NSNumber)?.int64Value ?? 0
                u.lastUpdateId = (obj["u"] as? NSNumber)?.int64Value ?? 0
                u.prevUpdateId = (obj["pu"] as? NSNumber)?.int64Value ?? 0
                u.bids = try conv("b"); u.asks = try conv("a")
            }
            events.append(Event(time: t, symbol: sym, update: u))
        }
        return (events, scales)
    }

    @Test func recordedStreamsSynchroniseAndStayContinuous() throws {
        let (events, scales) = try Self.load()
        #expect(scales.count == 4)
        #expect(events.filter { $0.update.kind == .snapshot }.count == 4)
        var syncs: [String: BookSync] = [:]
        var snapshotResults: [String: SyncAction] = [:]
        for e in events {
            let sc = try #require(scales[e.symbol])
            var s = syncs[e.symbol] ?? BookSync(venue: .binance, priceScale: sc.0, qtyScale: sc.1)
            let r = s.handle(e.update)
            if e.update.kind == .snapshot { snapshotResults[e.symbol] = r }
            syncs[e.symbol] = s
        }
        #expect(snapshotResults.count == 4)
        for (sym, s) in syncs {
            #expect(snapshotResults[sym] == .applied, "\(sym)")
            #expect(s.isValid, "\(sym) \(s.status)")
            #expect(s.stats.gaps == 0 && s.stats.resyncs == 0 && s.stats.crossed == 0, "\(sym) \(s.stats)")
            #expect(s.stats.applied > 1, "\(sym) applied only the snapshot")
            #expect(s.bufferedCount == 0)
        }
    }

    @Test func droppingOneRecordedDiffAfterSyncIsAGap() throws {
        let (events, scales) = try Self.load()
        let sym = "SUSHIUSDT"
        let mine = events.filter { $0.symbol == sym }
        let snapIndex = try #require(mine.firstIndex { $0.update.kind == .snapshot })
        let sc = try #require(scales[sym])
        var s = BookSync(venue: .binance, priceScale: sc.0, qtyScale: sc.1)
        var sawGap = false
        // Drop the third diff received after the snapshot.
        for (i, e) in mine.enumerated() where i != snapIndex + 3 {
            if s.handle(e.update) == .resync(.sequenceGap) { sawGap = true }
        }
        #expect(sawGap)
        #expect(!s.isValid)
    }
}
