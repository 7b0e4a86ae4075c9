public import PropCore

/// Guarded startup: the process starts on HOLD (reason `startup`) and leaves it only when every check passes;
/// then the state machine returns to the operator's last instruction (RUN resumes; anything else stays put).
public struct StartupGate: Sendable, Hashable {
    /// One failed check, with Russian text naming what failed.
    public enum Blocker: Sendable, Hashable {
        case marketData(Venue)
        case journalReplay
        case reconciliation
        case invariants
        case clockUnmeasured
        case clockSkew(ms: Int, maxMs: Int)
        case leaderLease

        /// Stable code.
        public var code: String {
            switch self {
            case .marketData: "md_unhealthy"
            case .journalReplay: "journal_replay"
            case .reconciliation: "recon"
            case .invariants: "invariant"
            case .clockUnmeasured: "clock_unmeasured"
            case .clockSkew: "clock_skew"
            case .leaderLease: "leader_lease"
            }
        }

        /// Russian description.
        public var textRu: String {
            switch self {
            case .marketData(let venue): "рыночные данные \(venue.canonicalName) не в норме"
            case .journalReplay: "воспроизведение журнала не чистое"
            case .reconciliation: "сверка с биржами не сошлась"
            case .invariants: "нарушены инварианты движка"
            case .clockUnmeasured: "расхождение часов ещё не измерено"
            case .clockSkew(let ms, let maxMs): "расхождение часов \(ms) мс больше допустимых \(maxMs) мс"
            case .leaderLease: "аренда лидера не получена"
            }
        }
    }

    /// The gate's answer.
    public enum Verdict: Sendable, Hashable {
        /// Every check passed: clear the `startup` reason.
        case ready
        /// Still blocked, by these checks (in a fixed order).
        case blocked([Blocker])
    }

    /// A gate.
    public init() {}

    /// Evaluates the checks.
    public func evaluate(_ c: StartupChecks) -> Verdict {
        var blockers: [Blocker] = []
        for venue in c.requiredVenues where c.marketDataHealthy[venue] != true { blockers.append(.marketData(venue)) }
        if !c.journalReplayClean { blockers.append(.journalReplay) }
        if !c.reconciliationClean { blockers.append(.reconciliation) }
        if !c.invariantsHold { blockers.append(.invariants) }
        if let skew = c.clockSkewMs {
            if abs(skew) > c.maxClockSkewMs { blockers.append(.clockSkew(ms: abs(skew), maxMs: c.maxClockSkewMs)) }
        } else {
            blockers.append(.clockUnmeasured)
        }
        if c.leaderLeaseHeld == false { blockers.append(.leaderLease) }
        return blockers.isEmpty ? .ready : .blocked(blockers)
    }

    /// The `startup` reason's detail while blocked: every failed check, for `/status`.
    public static func detailRu(_ blockers: [Blocker]) -> String {
        blockers.map(\.textRu).joined(separator: "; ")
    }
}
