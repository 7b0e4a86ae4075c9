import Foundation
import Journal
@testable import Ops
import PropCore

/// A wall clock tests move by hand.
final class ManualTime: TimeSource, @unchecked Sendable {
    // @unchecked: the only state is `ms`, read and written under `lock`.
    private let lock = NSLock()
    private var ms: Int64

    init(ms: Int64 = 1_750_000_000_000) { self.ms = ms }

    func advance(seconds: Int64) { lock.withLock { ms += seconds * 1_000 } }
    func monotonicNanos() -> UInt64 { lock.withLock { UInt64(ms) * 1_000_000 } }
    func wallMillis() -> Int64 { lock.withLock { ms } }
}

/// Records what the service asked the runtime to do; can be told to fail settings changes.
actor RecordingEffects: ControlEffects {
    var calls: [String] = []
    var snapshots: [ControlSnapshot] = []
    var failSettings = false

    struct Refused: Error {}

    func setFailSettings(_ on: Bool) { failSettings = on }

    func controlChanged(_ snapshot: ControlSnapshot) { snapshots.append(snapshot) }
    func cancelAll() { calls.append("cancel_all") }
    func flatten() { calls.append("flatten") }
    func hedgeNow() throws -> Int { try settle("hedge"); return 1 }
    func applyRiskLevel(_ level: Int) throws { try settle("risk \(level)") }
    func applyLeverage(_ setting: LeverageSetting) throws { try settle("leverage \(setting.text)") }
    func applyLimits(_ limits: Limits) throws { try settle("limits \(limits.maxGross)") }
    func applyUniverse(_ universe: [InstrumentId]) throws { try settle("universe \(universe.count)") }
    func applyConfig(_ config: ProfileConfig) throws { try settle("config \(config.risk.level)") }

    private func settle(_ call: String) throws {
        guard !failSettings else { throw Refused() }
        calls.append(call)
    }
}

/// An in-memory audit sink that can be made to fail.
actor MemoryAuditSink: AuditSink {
    var entries: [AuditEntry] = []
    var failing = false
    /// Makes each write take a millisecond, like an fsync, so concurrent operations really interleave.
    var slow = false

    struct Down: Error {}

    func setFailing(_ on: Bool) { failing = on }
    func setSlow(_ on: Bool) { slow = on }

    func write(_ entry: AuditEntry) async throws {
        if slow { try await Task.sleep(for: .milliseconds(1)) }
        guard !failing else { throw Down() }
        entries.append(entry)
    }
}

/// An instruction store in memory.
final class MemoryInstructionStore: InstructionStore, @unchecked Sendable {
    // @unchecked: `saved` is only touched under `lock`.
    private let lock = NSLock()
    private var saved: OperatorInstruction?

    init(_ saved: OperatorInstruction? = nil) { self.saved = saved }

    var current: OperatorInstruction? { lock.withLock { saved } }
    func load() throws -> OperatorInstruction? { lock.withLock { saved } }
    func save(_ instruction: OperatorInstruction) throws { lock.withLock { saved = instruction } }
}

/// A temporary directory for file tests.
func opsTempDirectory() -> String {
    let path = NSTemporaryDirectory() + "propbot-ops-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
