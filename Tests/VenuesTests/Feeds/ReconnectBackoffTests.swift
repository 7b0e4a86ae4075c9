import PropertyBased
import Testing
import Venues

/// The reconnect/retry delay policy: bounded, growing, reproducible from its seed.
@Suite("Reconnect backoff")
struct ReconnectBackoffTests {
    @Test("every delay stays within 1 ms and the configured maximum, whatever the bounds and jitter")
    func delaysStayWithinBounds() async {
        await propertyCheck(input: Gen.int(in: 1...5_000), Gen.int(in: 0...60_000), Gen.int(in: 0...100)) { initial, extra, jitterPct in
            var b = ReconnectBackoff(initialMs: Int64(initial), maxMs: Int64(initial + extra),
                                     jitter: Double(jitterPct) / 100, seed: UInt64(initial))
            for _ in 0..<40 {
                let d = b.nextDelayMs()
                #expect(d >= 1 && d <= Int64(initial + extra))
            }
        }
    }

    @Test("without jitter the delay doubles from the initial value until it reaches the cap, and reset starts over")
    func withoutJitterDelayDoublesUpToCap() {
        var b = ReconnectBackoff(initialMs: 100, maxMs: 1_000, jitter: 0, seed: 1)
        #expect((0..<6).map { _ in b.nextDelayMs() } == [100, 200, 400, 800, 1000, 1000])
        b.reset()
        #expect(b.nextDelayMs() == 100)
    }

    @Test("the same seed gives the same jittered sequence, another seed a different one")
    func sameSeedReplaysSameDelays() {
        func run(_ seed: UInt64) -> [Int64] {
            var b = ReconnectBackoff(initialMs: 250, maxMs: 30_000, jitter: 0.5, seed: seed)
            return (0..<10).map { _ in b.nextDelayMs() }
        }
        #expect(run(42) == run(42))
        #expect(run(42) != run(43))
    }
}
