import Foundation
import Journal
import Ops
import PropCore

/// Holds this instance's leader lease (`ops.require_leader_lease`): renewed on its own task, released at shutdown. Not holding it — another instance has it, or the file cannot be written — reads as not
/// leader: guarded startup stays on HOLD, and a lease lost while trading is the `leader_lost` HOLD condition.
actor LeaderLeaseKeeper {
    let lease: LeaderLease
    let ttlMs: Int64
    let time: any TimeSource
    /// This process, as the lease records it: host, pid and a random part (a restarted process is a new holder).
    nonisolated let holder: String
    private(set) var last: LeaseOutcome?
    private(set) var lastError: String?

    init(profile: ProfileConfig, time: any TimeSource) throws {
        lease = try LeaderLease.open(path: profile.ops.leasePath)
        ttlMs = Int64(profile.ops.leaseTTLms)
        self.time = time
        holder = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Until cancelled: renews every third of the TTL (at most every second), on its own task so that nothing slow
    /// elsewhere (a venue clock probe) can let the lease lapse; then releases it.
    func run() async {
        let period = max(200, min(1_000, ttlMs / 3))
        while !Task.isCancelled {
            refresh()
            try? await Task.sleep(for: .milliseconds(period))
        }
        release()
    }

    /// Takes or extends the lease now; true when this instance holds it.
    @discardableResult
    func refresh() -> Bool {
        do {
            last = try lease.acquireOrRenew(holder: holder, ttlMs: ttlMs, nowMs: time.wallMillis())
            lastError = nil
        } catch {
            last = nil
            lastError = error.messageRu
        }
        return isLeader
    }

    var isLeader: Bool {
        guard case .held(_, let expiresMs) = last else { return false }
        return expiresMs > time.wallMillis()
    }

    /// What `/live-readiness` and the health panel show.
    var info: LeaderInfo {
        guard case .held(let token, _) = last, isLeader else { return LeaderInfo(isLeader: false, fencingToken: nil, required: true) }
        return LeaderInfo(isLeader: true, fencingToken: UInt64(token), required: true)
    }

    /// Why this instance is not the leader, in Russian.
    var whyNotRu: String {
        if let lastError { return "файл аренды недоступен: \(lastError)" }
        if case .heldByOther(let other, let until) = last {
            return "аренда у другого экземпляра (\(other)) до \(ISO8601Millis.string(fromMillis: until))"
        }
        return "аренда ещё не получена"
    }

    /// Gives the lease up (clean shutdown).
    func release() { try? lease.release(holder: holder) }
}
