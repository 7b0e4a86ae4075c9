import Engine
import Foundation
import Hummingbird
import Ops
import PropCore
import Venues

/// Read-only operator views over what the process already knows: the last reconciliation, invariants, flags, the
/// risk budget, latency figures and instrument metadata.
enum OpsViewRoutes {
    struct Context: Sendable {
        var profile: ProfileConfig
        var execution: ExecutionPlane?
        var strategy: StrategyRunner?
        var hub: @Sendable () async -> [InstrumentMeta]
        var control: ControlPlane?
        var health: HealthMonitor?
        var recording: Bool
    }

    static func add(to router: Router<BasicRequestContext>, _ c: Context) {
        router.get("/api/ui/recon/status") { _, _ in
            let plane = try APIRouter.plane(c.execution)
            let recovery = plane.recovery
            return try ControlRoutes.json(.ok, ReconStatus(clean: recovery?.clean ?? false, tradingAllowed: await plane.executor.tradingAllowed,
                                                           holdReasons: await plane.executor.holdReasons, lastReconciliation: recovery))
        }
        router.get("/api/ui/recon/diffs") { _, _ in
            let recovery = try APIRouter.plane(c.execution).recovery
            return try ControlRoutes.json(.ok, ReconDiffs(positionMismatches: recovery?.positionMismatches ?? [],
                                                          journalProblems: recovery?.journalProblems ?? [],
                                                          unreachableVenues: recovery?.unreachableVenues ?? [],
                                                          ordersStillUnresolved: recovery?.ordersStillUnresolved ?? 0))
        }
        router.get("/api/ui/recon/orders") { _, _ in
            let rows = try await APIRouter.plane(c.execution).executor.orders.filter { !$0.state.isFinal }.map(OrderRowResponse.init)
            return try ControlRoutes.json(.ok, rows)
        }
        router.get("/api/ui/recon/positions") { _, _ in
            let s = try APIRouter.strategy(c.strategy)
            return try ControlRoutes.json(.ok, try APIRouter.ready(await s.exposureResponse()))
        }
        router.get("/api/ui/ops/invariants") { _, _ in
            let s = try APIRouter.strategy(c.strategy)
            let found = await s.lastViolationsRu
            return try ControlRoutes.json(.ok, Invariants(ok: found.isEmpty, violationsRu: found,
                                                          checksRu: ["позиция = Σ сделок по каждому инструменту", "деньги = Σ сделок − комиссии + фандинг",
                                                                     "equity = деньги + нереализованный PnL"]))
        }
        router.get("/api/ui/ops/flags") { _, _ in
            let snapshot = await c.control?.service.snapshot()
            return try ControlRoutes.json(.ok, Flags(profile: c.profile.profile.rawValue, simulator: c.profile.sim.enabled,
                                                     anonymousLocalReads: c.profile.ops.anonymousLocalReads,
                                                     requireLeaderLease: c.profile.ops.requireLeaderLease,
                                                     safeModeArmed: snapshot?.instruction.safeMode ?? false,
                                                     recordingFrames: c.recording, strategyStyle: c.profile.strategy.style.rawValue))
        }
        router.get("/api/ui/risk/budget") { _, _ in
            let s = try APIRouter.strategy(c.strategy)
            let facts = try APIRouter.ready(await s.riskBudget())
            let budget = await c.health?.sloReport().values.budgetRemaining
            return try ControlRoutes.json(.ok, RiskBudget(facts: facts, exceptionBudgetRemaining: budget))
        }
        for path in ["/api/ui/ops/latency", "/metrics/latency"] {
            router.get(RouterPath(stringLiteral: path)) { _, _ in
                guard let health = c.health else { throw HTTPError(.serviceUnavailable, message: "Мониторинг не запущен") }
                let report = await health.sloReport()
                return try ControlRoutes.json(.ok, Latency(metrics: report.metrics.filter { $0.metric == .wsGapMsP95 || $0.metric == .orderCycleMsP95 }))
            }
        }
        router.get("/api/md/meta") { _, _ in try ControlRoutes.json(.ok, await c.hub()) }
    }
}

/// `GET /api/md/meta`: one instrument's venue rules and book state.
public struct InstrumentMeta: Sendable, Encodable {
    var instrument: String, venue: String, symbol: String
    var tickSize: String, stepSize: String, minQty: String, minNotional: String?, contractValue: String
    var valid: Bool, seq: Int64
    enum CodingKeys: String, CodingKey {
        case instrument, venue, symbol, valid, seq
        case tickSize = "tick_size", stepSize = "step_size", minQty = "min_qty", minNotional = "min_notional"
        case contractValue = "contract_value"
    }

    init(_ r: InstrumentRules, top: BookTop?) {
        instrument = r.id.description; venue = r.id.venue.rawValue; symbol = r.nativeSymbol
        tickSize = r.tickSize.trimmedDescription; stepSize = r.stepSize.trimmedDescription; minQty = r.minQty.trimmedDescription
        minNotional = r.minNotional?.trimmedDescription; contractValue = r.contractValue.trimmedDescription
        valid = top?.valid ?? false; seq = top?.seq ?? 0
    }
}

struct ReconStatus: Encodable, Sendable {
    var clean: Bool, tradingAllowed: Bool, holdReasons: [String], lastReconciliation: RecoveryReport?
    enum CodingKeys: String, CodingKey {
        case clean, tradingAllowed = "trading_allowed", holdReasons = "hold_reasons", lastReconciliation = "last_reconciliation"
    }
}

struct ReconDiffs: Encodable, Sendable {
    var positionMismatches: [String], journalProblems: [String], unreachableVenues: [String], ordersStillUnresolved: Int
    enum CodingKeys: String, CodingKey {
        case positionMismatches = "position_mismatches", journalProblems = "journal_problems"
        case unreachableVenues = "unreachable_venues", ordersStillUnresolved = "orders_still_unresolved"
    }
}

struct Invariants: Encodable, Sendable {
    var ok: Bool, violationsRu: [String], checksRu: [String]
    enum CodingKeys: String, CodingKey { case ok, violationsRu = "violations_ru", checksRu = "checks_ru" }
}

struct Flags: Encodable, Sendable {
    var profile: String, simulator: Bool, anonymousLocalReads: Bool, requireLeaderLease: Bool, safeModeArmed: Bool
    var recordingFrames: Bool, strategyStyle: String
    enum CodingKeys: String, CodingKey {
        case profile, simulator, anonymousLocalReads = "anonymous_local_reads", requireLeaderLease = "require_leader_lease"
        case safeModeArmed = "safe_mode_armed", recordingFrames = "recording_frames", strategyStyle = "strategy_style"
    }
}

/// What is used of each loss and exposure cap.
struct RiskBudgetFacts: Sendable {
    var pnlToday: String, dailyLossLimit: Int, drawdown: String, maxDrawdown: Int, gross: String, maxGross: Int
    var openArbitrages: Int, maxOpenArbitrages: Int, riskLevel: Int
}

struct RiskBudget: Encodable, Sendable {
    var facts: RiskBudgetFacts
    var exceptionBudgetRemaining: Double?
    enum CodingKeys: String, CodingKey {
        case pnlToday = "pnl_today_usdt", dailyLossLimit = "daily_loss_limit_usdt", drawdown = "drawdown_usdt"
        case maxDrawdown = "max_drawdown_usdt", gross = "gross_usdt", maxGross = "max_gross_usdt"
        case openArbitrages = "open_arbitrages", maxOpenArbitrages = "max_open_arbitrages", riskLevel = "risk_level"
        case exceptionBudgetRemaining = "exception_budget_remaining"
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(facts.pnlToday, forKey: .pnlToday); try c.encode(facts.dailyLossLimit, forKey: .dailyLossLimit)
        try c.encode(facts.drawdown, forKey: .drawdown); try c.encode(facts.maxDrawdown, forKey: .maxDrawdown)
        try c.encode(facts.gross, forKey: .gross); try c.encode(facts.maxGross, forKey: .maxGross)
        try c.encode(facts.openArbitrages, forKey: .openArbitrages); try c.encode(facts.maxOpenArbitrages, forKey: .maxOpenArbitrages)
        try c.encode(facts.riskLevel, forKey: .riskLevel); try c.encode(exceptionBudgetRemaining, forKey: .exceptionBudgetRemaining)
    }
}

struct Latency: Encodable, Sendable {
    var metrics: [SLOMetricReport]
}

extension StrategyRunner {
    func riskBudget() -> RiskBudgetFacts? {
        guard let e = engine else { return nil }
        let p = e.portfolio
        let drawdown = Qty(units: max(0, p.peakEquityToday.units - p.equity.units), scale: p.equity.scale)
        let gross = e.portfolio.riskPositions().values.reduce(0.0) { $0 + abs($1.doubleValue) }
        return RiskBudgetFacts(pnlToday: p.pnlToday.trimmedDescription, dailyLossLimit: activeProfile.risk.dailyLossLimit,
                               drawdown: drawdown.trimmedDescription, maxDrawdown: activeProfile.risk.maxDrawdown,
                               gross: String(format: "%.2f", gross), maxGross: activeProfile.risk.maxGross,
                               openArbitrages: e.activeArbitrages.count, maxOpenArbitrages: activeProfile.risk.maxOpenArbitrages,
                               riskLevel: Int(e.risk.level.percent))
    }
}
