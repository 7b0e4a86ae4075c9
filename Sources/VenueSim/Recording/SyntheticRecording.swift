import Foundation
public import PropCore
public import Venues

/// Writes minutes of the simulator's synthetic market as recordings (see `RecordingFormat`): the frames
/// each venue's public WebSocket and REST endpoints would deliver to a PropBot feed, stamped with simulated
/// receive times (step time plus a small, seeded per-venue latency), as fast as the CPU allows — no sockets,
/// no sleeping. The same seed and arguments give byte-identical files.
public enum SyntheticRecording {
    /// Generates `minutes` of market stepping every `tickMs`, starting at `startWallMs`, into `directory`
    /// (one file per venue and segment). Mark prices go out every second (Binance's carries the funding
    /// rate), OKX funding every 10 s.
    @discardableResult
    public static func generate(seed: UInt64, minutes: Double, tickMs: Int = 100, startWallMs: Int64, to directory: String,
                                parameters: SyntheticMarket.Parameters = .init(),
                                limits: RecordingSegmentWriter.Limits = .init()) throws -> SyntheticRecordingSummary {
        let tick = Int64(max(1, tickMs))
        var market = SyntheticMarket(seed: seed, nowMs: startWallMs, parameters: parameters)
        var writers: [RecordingSegmentWriter] = []
        for venue in Venue.allCases {
            writers.append(try RecordingSegmentWriter(directory: directory, venue: venue, limits: limits, tool: "propbot-synthetic seed=\(seed)"))
        }
        var clock = SyntheticReceiveClock(seed: seed, startWallMs: startWallMs)
        var counts = [Int](repeating: 0, count: Venue.allCases.count)

        func emit(_ venue: Venue, _ stepMs: Int64, _ frame: SyntheticFrames.Frame) throws {
            let v = Venue.allCases.firstIndex(of: venue)!
            let (wall, mono) = clock.receive(venue: v, stepMs: stepMs)
            switch frame {
            case .ws(var text):
                try text.withUTF8 { body in
                    try writers[v].append(channel: .wsPublic, wallNanos: wall, monotonicNanos: mono,
                                          path: UnsafeRawBufferPointer(start: nil, count: 0), body: UnsafeRawBufferPointer(body))
                }
            case .rest(var path, var body):
                try path.withUTF8 { p in
                    try body.withUTF8 { b in
                        try writers[v].append(channel: .rest, wallNanos: wall, monotonicNanos: mono,
                                              path: UnsafeRawBufferPointer(p), body: UnsafeRawBufferPointer(b))
                    }
                }
            }
            counts[v] += 1
        }

        for venue in Venue.allCases {
            let connId = String(seed &* 0x9E37_79B9 &+ UInt64(venue.rawValue.utf8.count), radix: 16)
            for f in SyntheticFrames.start(venue, market, nowMs: startWallMs, connId: connId) { try emit(venue, startWallMs, f) }
        }
        let okxHeartbeatMs = Int64(SimulatorConfig().okxHeartbeatMillis)
        var okxLastBook = [Int64](repeating: startWallMs, count: market.instruments.count)
        var lastMark = startWallMs, lastFunding = startWallMs
        let steps = Int((minutes * 60_000 / Double(tick)).rounded(.down))
        for k in 0..<max(0, steps) {
            let now = startWallMs + Int64(k + 1) * tick
            for t in market.step(nowMs: now) {
                let s = market.instruments[t.index]
                for text in SyntheticFrames.step(t, s, nowMs: now, okxHeartbeatMs: okxHeartbeatMs, okxLastBookMs: &okxLastBook[t.index]) {
                    try emit(s.spec.id.venue, now, .ws(text))
                }
            }
            if now - lastMark >= 1_000 {
                lastMark = now
                for s in market.instruments {
                    try emit(s.spec.id.venue, now, .ws(SyntheticFrames.marks(s, indexMid: market.assetMids[s.spec.id.base] ?? s.mid, nowMs: now)))
                }
            }
            if now - lastFunding >= 10_000 {
                lastFunding = now
                for s in market.instruments where s.spec.id.venue == .okx { try emit(.okx, now, .ws(SyntheticFrames.okxFunding(s, nowMs: now))) }
            }
        }
        for w in writers { try w.close() }
        return SyntheticRecordingSummary(files: writers.flatMap(\.files), steps: steps,
                                         frames: Dictionary(uniqueKeysWithValues: zip(Venue.allCases, counts)))
    }
}
