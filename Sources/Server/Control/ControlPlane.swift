import Foundation
import Journal
import Logging
public import Ops
public import PropCore

/// The process's control plane: the command service every operator action goes through, what its decisions do
/// here (`RuntimeControlEffects`), and the runtime's reports to it — guarded startup (the process starts on HOLD
/// and leaves it only once market data, journal replay, reconciliation, invariants and the clock check out),
/// stale market data and clock skew as HOLD conditions afterwards, and the engine's own risk HOLD.
public struct ControlPlane: Sendable {
    public let service: CommandService
    /// The audit trail the service writes (read by `/api/ui/ops/changes`).
    public let audit: AuditLog
    let profile: ProfileConfig
    let hub: MarketDataHub
    let execution: ExecutionPlane
    let strategy: StrategyRunner?
    /// The largest |venue − local| clock offset last measured, ms (nil until a venue answered). After guarded
    /// startup the SLO engine judges it (alert and the `clock_skew` HOLD condition).
    let clockSkewMs = LockedValue<Int?>(nil)
    /// This instance's leader lease, when the profile requires one.
    let leader: LeaderLeaseKeeper?
    let time: any TimeSource
    let logger: Logger

    public init(profile: ProfileConfig, hub: MarketDataHub, execution: ExecutionPlane, strategy: StrategyRunner?,
                time: any TimeSource, logger: Logger) async throws {
        let link = ServiceLink()
        let effects = RuntimeControlEffects(strategy: strategy, executor: execution.executor, link: link,
                                            flattenTimeoutMs: Int64(profile.strategy.legRisk.hedgeDeadlineMs) * 3)
        let instructions = FileInstructionStore(path: profile.ops.stateFile)
        // The demo trades out of the box: with no instruction saved yet, the operator's standing order is RUN
        // (guarded startup still holds until every check passes). Every other profile waits for an explicit RUN.
        if profile.profile == .demo, ((try? instructions.load()) ?? nil) == nil {
            try? instructions.save(OperatorInstruction(mode: .run, by: "demo", atMs: time.wallMillis()))
        }
        audit = try AuditLog.open(path: profile.ops.auditPath)
        leader = profile.ops.requireLeaderLease ? try LeaderLeaseKeeper(profile: profile, time: time) : nil
        service = CommandService(configuration: CommandServiceConfiguration(profile: profile, environment: ProcessInfo.processInfo.environment),
                                 tokens: .file(TokenStore(path: profile.ops.tokensFile), anonymousLocalReads: profile.ops.anonymousLocalReads),
                                 effects: effects, audit: audit, instructions: instructions, time: time)
        await link.set(service)
        await strategy?.onRiskHold { [link, time] text in
            await link.report(.raiseHold(HoldReason(code: .risk, detailRu: text, sinceMs: time.wallMillis())))
        }
        self.profile = profile; self.hub = hub; self.execution = execution; self.strategy = strategy
        self.time = time; self.logger = logger
    }

    /// Until cancelled, once a second: guarded startup until it passes, then market-data staleness and the leader
    /// lease as HOLD conditions (clock skew is the SLO engine's), and expiry of pending approvals.
    public func run() async {
        await strategy?.applyControl(await service.snapshot())
        var started = false
        var mdStale = false, leaderLost = false
        var skew: Int?, nextClockCheck: UInt64 = 0
        while !Task.isCancelled {
            // The venues' clocks: every few seconds until measured, then every 30 s.
            if time.monotonicNanos() >= nextClockCheck {
                if let measured = await execution.measureClockSkew() { skew = measured; clockSkewMs.set(measured) }
                nextClockCheck = time.monotonicNanos() + (skew == nil ? 3 : 30) * 1_000_000_000
            }
            let checks = await measure(clockSkewMs: skew)
            if !started {
                if case .ready = await service.reportStartup(checks) {
                    started = true
                    logger.notice("guarded startup passed")
                }
            } else {
                let stale = checks.requiredVenues.filter { checks.marketDataHealthy[$0] != true }
                mdStale = await condition(.mdStale, active: !stale.isEmpty, was: mdStale,
                                          detail: stale.map(\.canonicalName).joined(separator: ", "))
                if let leader {
                    leaderLost = await condition(.leaderLost, active: checks.leaderLeaseHeld == false, was: leaderLost,
                                                 detail: await leader.whyNotRu)
                }
            }
            await service.expireApprovals()
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// The leader lease as `/live-readiness` shows it.
    func leaderInfo() async -> LeaderInfo { await leader?.info ?? .standalone }

    /// Raises or clears a HOLD condition on a change.
    private func condition(_ code: HoldCode, active: Bool, was: Bool, detail: String) async -> Bool {
        if active, !was {
            _ = await service.report(.raiseHold(HoldReason(code: code, detailRu: detail, sinceMs: time.wallMillis())))
        } else if !active, was {
            _ = await service.report(.clearCondition(code))
        }
        return active
    }

    /// What guarded startup and the conditions look at, measured now.
    func measure(clockSkewMs skew: Int?) async -> StartupChecks {
        let venues = profile.venues.enabledVenues.filter { v in profile.instruments.contains { $0.venue == v } }
        let now = time.monotonicNanos(), tops = hub.tops()
        var healthy: [Venue: Bool] = [:]
        for venue in venues {
            healthy[venue] = VenueFreshness(venue, tops: tops, maxAgeMs: max(1, profile.risk.staleBookMs), nowNs: now).healthy
        }
        let executor = execution.executor
        let replayed = await executor.tradingAllowed
        let executorHolds = await executor.holdReasons
        let invariants = await strategy?.invariantsHold ?? true
        return StartupChecks(marketDataHealthy: healthy, requiredVenues: venues, journalReplayClean: replayed,
                             reconciliationClean: replayed && executorHolds.isEmpty, invariantsHold: invariants,
                             clockSkewMs: skew, maxClockSkewMs: profile.ops.maxClockSkewMs,
                             leaderLeaseHeld: await leader?.isLeader)
    }
}
