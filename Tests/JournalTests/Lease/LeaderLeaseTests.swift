import Foundation
import Journal
import Testing

/// The SQLite leader lease: one holder at a time, renewal, takeover after expiry with a higher fencing token.
struct LeaderLeaseTests {
    static func lease() throws -> (LeaderLease, LeaderLease) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lease-\(UUID().uuidString).sqlite").path
        // Two handles on one file, as two processes would have.
        return (try LeaderLease.open(path: path), try LeaderLease.open(path: path))
    }

    @Test func oneHolderAtATimeAndATakeoverAfterExpiryRaisesTheFencingToken() throws {
        let (a, b) = try Self.lease()
        #expect(try a.acquireOrRenew(holder: "a", ttlMs: 1_000, nowMs: 0) == .held(fencingToken: 1, expiresMs: 1_000))
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 1_000, nowMs: 500) == .heldByOther(holder: "a", expiresMs: 1_000))
        // Renewal keeps the token.
        #expect(try a.acquireOrRenew(holder: "a", ttlMs: 1_000, nowMs: 900) == .held(fencingToken: 1, expiresMs: 1_900))
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 1_000, nowMs: 1_899) == .heldByOther(holder: "a", expiresMs: 1_900))
        // a stops renewing: b takes over with a new token, and a, back late, is told who holds it.
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 1_000, nowMs: 1_900) == .held(fencingToken: 2, expiresMs: 2_900))
        #expect(try a.acquireOrRenew(holder: "a", ttlMs: 1_000, nowMs: 2_000) == .heldByOther(holder: "b", expiresMs: 2_900))
    }

    @Test func releaseHandsOverAtOnceAndReacquiringALapsedLeaseIsANewToken() throws {
        let (a, b) = try Self.lease()
        _ = try a.acquireOrRenew(holder: "a", ttlMs: 10_000, nowMs: 0)
        try b.release(holder: "b")  // not b's: nothing happens
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 10_000, nowMs: 1) == .heldByOther(holder: "a", expiresMs: 10_000))
        try a.release(holder: "a")
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 10_000, nowMs: 2) == .held(fencingToken: 2, expiresMs: 10_002))
        // The same holder coming back after its own lease lapsed gets a new token too.
        #expect(try b.acquireOrRenew(holder: "b", ttlMs: 10_000, nowMs: 20_003) == .held(fencingToken: 3, expiresMs: 30_003))
    }

    @Test func fencingTokensOnlyGrowWhateverTheInterleaving() throws {
        let (a, b) = try Self.lease()
        var rng = SystemRandomNumberGenerator()
        var now: Int64 = 0, lastToken: Int64 = 0
        var holderOf: [Int64: String] = [:]
        for _ in 0..<300 {
            now += Int64.random(in: 0...700, using: &rng)
            let (store, name) = Bool.random(using: &rng) ? (a, "a") : (b, "b")
            if Int.random(in: 0..<10, using: &rng) == 0 { try store.release(holder: name); continue }
            if case .held(let token, _) = try store.acquireOrRenew(holder: name, ttlMs: 1_000, nowMs: now) {
                #expect(token >= lastToken)
                // A token names exactly one holder: never two instances with the same fencing token.
                if let owner = holderOf[token] { #expect(owner == name, "token \(token) held by \(owner) and \(name)") }
                holderOf[token] = name
                lastToken = token
            }
        }
    }
}
