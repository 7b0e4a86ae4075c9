import Foundation
import MarketData
import PropCore
import Testing

/// The OKX checksum rule checked against 290 real 2022 `books` messages, decoded here with
/// JSONSerialization (MarketData must not depend on the Venues codec).
@Suite struct OKXRecordedChecksumTests {
    struct Frame {
        var instId: String
        var update: DepthUpdate
    }

    /// Decodes every `books` data element, with per-instrument scales taken from the most decimals seen.
    static func loadFrames() throws -> (frames: [Frame], scales: [String: (price: Int, qty: Int)]) {
        var raw: [(String, String, [String: Any])] = []
        for line in OKXBooks2022Fixture.text.split(separator: "\n") {
            guard let brace = line.firstIndex(of: "{") else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(line[brace...].utf8)) as? [String: Any]
            guard let msg = json, let arg = msg["arg"] as? [String: Any], arg["channel"] as? String == "books",
                  let instId = arg["instId"] as? String, let action = msg["action"] as? String,
                  let data = msg["data"] as? [[String: Any]] else { continue }
            for d in data { raw.append((instId, action, d)) }
        }
        func decimals(_ s: String) -> Int { s.firstIndex(of: ".").map { s.distance(from: $0, to: s.endIndex) - 1 } ?? 0 }
        var scales: [String: (price: Int, qty: Int)] = [:]
        for (inst, _, d) in raw {
            for key in ["bids", "asks"] {
                for level in d[key] as? [[String]] ?? [] {
                    let cur = scales[inst] ?? (0, 0)
                    scales[inst] = (max(cur.price, decimals(level[0])), max(cur.qty, decimals(level[1])))
                }
            }
        }
        var frames: [Frame] = []
        for (inst, action, d) in raw {
            let sc = scales[inst] ?? (0, 0)
            func levels(_ key: String) throws -> [BookLevel] {
                try (d[key] as? [[String]] ?? []).map { l in
                    let p = try #require(Price(l[0], scale: sc.price)), q = try #require(Qty(l[1], scale: sc.qty))
                    return BookLevel(price: p.units, qty: q.units)
                }
            }
            var u = DepthUpdate()
            u.kind = action == "snapshot" ? .snapshot : .delta
            // 2022 frames have no seqId/prevSeqId; the codec convention is 0/0 ("no sequence info").
            u.lastUpdateId = (d["seqId"] as? NSNumber)?.int64Value ?? 0
            u.prevUpdateId = (d["prevSeqId"] as? NSNumber)?.int64Value ?? 0
            u.firstUpdateId = u.lastUpdateId
            u.checksum = (d["checksum"] as? NSNumber).map { Int32(truncatingIfNeeded: $0.int64Value) }
            u.bids = try levels("bids")
            u.asks = try levels("asks")
            frames.append(Frame(instId: inst, update: u))
        }
        return (frames, scales)
    }

    @Test func allRecordedChecksumsMatch() throws {
        let (frames, scales) = try Self.loadFrames()
        #expect(frames.count == 290)
        #expect(scales["BTC-USDT"]?.price == 1 && scales["BTC-USDT"]?.qty == 8)
        #expect(scales["UNI-USD-SWAP"]?.price == 3 && scales["UNI-USD-SWAP"]?.qty == 0)
        var syncs: [String: BookSync] = [:]
        var checked = 0
        for f in frames {
            let sc = try #require(scales[f.instId])
            var s = syncs[f.instId] ?? BookSync(venue: .okx, priceScale: sc.price, qtyScale: sc.qty)
            let r = s.handle(f.update)
            #expect(r == .applied, "\(f.instId) \(f.update.kind) checksum \(String(describing: f.update.checksum))")
            if f.update.checksum.map({ $0 != 0 }) == true { checked += 1 }
            // The streaming CRC must equal PropCore's CRC32 over the text it stands for.
            #expect(s.book.okxChecksum() == CRC32.signedChecksum(Array(OKXBookChecksum.text(s.book).utf8)))
            syncs[f.instId] = s
        }
        #expect(checked == 290)
        #expect(syncs.count == 3)
        for (_, s) in syncs {
            #expect(s.isValid)
            #expect(s.stats.checksumFailures == 0 && s.stats.resyncs == 0)
        }
    }

    @Test func corruptedLevelFailsTheChecksum() throws {
        let (frames, scales) = try Self.loadFrames()
        let snap = try #require(frames.first { $0.instId == "BTC-USDT" && $0.update.kind == .snapshot })
        let sc = try #require(scales["BTC-USDT"])
        var bad = snap.update
        bad.asks[3].qty += 1
        var s = BookSync(venue: .okx, priceScale: sc.price, qtyScale: sc.qty)
        #expect(s.handle(bad) == .resync(.checksumMismatch))
        #expect(s.stats.checksumFailures == 1 && !s.isValid)
        // The genuine snapshot restores the book.
        #expect(s.handle(snap.update) == .applied)
    }

    @Test func droppedRecordedUpdateIsCaughtByTheChecksum() throws {
        let (frames, scales) = try Self.loadFrames()
        let uni = frames.filter { $0.instId == "UNI-USD-SWAP" }
        let sc = try #require(scales["UNI-USD-SWAP"])
        var s = BookSync(venue: .okx, priceScale: sc.price, qtyScale: sc.qty)
        var sawMismatch = false
        for (i, f) in uni.enumerated() where i != 5 {
            if s.handle(f.update) == .resync(.checksumMismatch) { sawMismatch = true; break }
        }
        #expect(sawMismatch)
    }
}
