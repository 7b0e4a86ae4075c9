@testable import Ops
import PropertyBased
import Testing

@Suite("Rolling window")
struct RollingWindowTests {
    @Test func binsAreExactBelow128AndNeverUnderstate() {
        #expect(LatencyBins.quantised(0) == 0 && LatencyBins.quantised(127) == 127 && LatencyBins.quantised(-5) == 0)
        for v in [128.0, 129, 400, 401, 1_999, 2_000, 3_500, 65_536, 1e7] {
            let q = LatencyBins.quantised(v)
            #expect(q >= v && q <= v * 1.016 + 1, "\(v) → \(q)")
        }
    }

    @Test func oldBucketsLeaveTheWindow() {
        var w = RollingWindow(bucketMs: 1_000, bucketCount: 5)
        w.record(ms: 900, atMs: 0)
        w.record(ms: 10, atMs: 4_999)
        #expect(w.p95(atMs: 4_999) == LatencyBins.quantised(900))
        #expect(w.p95(atMs: 5_000) == 10)
        #expect(w.p95(atMs: 10_000) == nil)
        w.record(hit: true, atMs: 10_000)
        w.record(hit: false, atMs: 10_500)
        #expect(w.rate(atMs: 11_000) == 0.5)
    }

    /// Random streams of (time step, value, hit) against sorting the raw samples of the same window.
    @Test func quantilesAndRatesEqualBruteForce() async {
        let steps = Gen.int(in: 0...2_500).array(of: 1...120)
        let values = Gen.int(in: 0...5_000).array(of: 120...120)
        await propertyCheck(count: 300, input: steps, values) { steps, values in
            var w = RollingWindow(bucketMs: 1_000, bucketCount: 7)
            var raw: [(at: Int64, ms: Double, hit: Bool)] = []
            var t: Int64 = 0
            for (i, step) in steps.enumerated() {
                t += Int64(step)
                let v = Double(values[i]), hit = values[i] % 3 == 0
                w.record(ms: v, atMs: t)
                w.record(hit: hit, atMs: t)
                raw.append((t, v, hit))
                let from = w.windowStart(t)
                let live = raw.filter { $0.at >= from }
                let sorted = live.map { LatencyBins.quantised($0.ms) }.sorted()
                let rank = max(1, Int((0.95 * Double(sorted.count)).rounded(.up)))
                #expect(w.p95(atMs: t) == sorted[rank - 1])
                #expect(w.rate(atMs: t) == Double(live.filter(\.hit).count) / Double(live.count))
                #expect(w.sampleCount(atMs: t) == live.count)
            }
        }
    }
}
