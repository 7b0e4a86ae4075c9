import Engine
import Ops
import PropCore

/// What the control plane currently allows the strategy, and how a risk HOLD of the engine is reported back.
struct StrategyControl {
    /// Why no new arbitrage may open (PAUSE, HOLD, KILL), in Russian; nil in RUN and SAFE_MODE.
    var block: String?
    /// SAFE_MODE: the risk level is capped at `safeModeLevelCap`.
    var safeMode = false
    /// The operator's risk level (nil: the profile's).
    var riskLevel: Int?
    /// Where an engine risk HOLD goes (the command service), once per HOLD.
    var onRiskHold: (@Sendable (String) async -> Void)?
    var reportedRiskHold = false

    /// Reduced aggressiveness: at most half size and a higher threshold (the engine scales both by the level).
    static let safeModeLevelCap = 50
}

extension StrategyRunner {
    /// Follows the control state: RUN and SAFE_MODE open risk, PAUSE/HOLD/KILL open nothing new (hedges, unwinds
    /// and exits still go out: a leg is never left unhedged because the operator paused). Leaving a red HOLD
    /// clears the engine's own sticky HOLD: the command service only lets that happen with the approvals it needs.
    public func applyControl(_ snapshot: ControlSnapshot) {
        switch snapshot.state {
        case .run, .safeMode:
            control.block = nil
            engine?.endFlatten()
            if engine?.risk.isHeld == true {
                engine?.risk.resetHold()
                logger.notice("risk HOLD cleared by the control plane", metadata: ["state": "\(snapshot.state.rawValue)"])
            }
            control.reportedRiskHold = false
        case .pause: control.block = "PAUSE: оператор приостановил открытие новых арбитражей"
        case .hold:
            let reasons = snapshot.holdReasons.map(\.textRu).joined(separator: "; ")
            control.block = "HOLD: " + (reasons.isEmpty ? "новые ордера запрещены" : reasons)
        case .kill: control.block = "KILL: аварийная остановка"
        }
        control.safeMode = snapshot.state == .safeMode
        control.riskLevel = snapshot.riskLevel
        applyRiskLevel()
        // At once, not at the next order-path refresh (read first: the assignment holds the engine exclusively).
        if let block = control.block { engine?.orderPathBlock = block }
    }

    /// Where the engine's risk HOLD is reported (the command service raises its own HOLD with the reason).
    public func onRiskHold(_ report: @escaping @Sendable (String) async -> Void) { control.onRiskHold = report }

    /// Risk level from now on (0–100, within the profile's hard caps: the level only scales below them).
    public func setRiskLevel(_ level: Int) throws(StrategyControlError) {
        guard engine != nil else { throw .notReady }
        control.riskLevel = level
        applyRiskLevel()
    }

    /// New limits from now on (the profile's other caps stay).
    public func setLimits(_ limits: Limits) throws(StrategyControlError) {
        guard engine != nil else { throw .notReady }
        limits.apply(to: &activeProfile.risk)
        engine!.risk.setLimits(RiskLimits(profile: activeProfile))
    }

    /// Leverage ceiling from now on (gross ≤ ceiling × equity).
    public func setLeverage(_ setting: LeverageSetting) throws(StrategyControlError) {
        guard engine != nil else { throw .notReady }
        activeProfile.risk.maxLeverage = setting.ceiling
        engine!.risk.setLimits(RiskLimits(profile: activeProfile))
    }

    /// Switches the engine to a new profile's strategy parameters and caps between two events (no restart;
    /// connections are kept). Instruments and venues are not changed here.
    public func applyProfile(_ p: ProfileConfig) throws(StrategyControlError) {
        guard engine != nil else { throw .notReady }
        // Checked by the command service's reload scope; re-checked so no caller can half-apply a profile.
        let missing = p.instruments.filter { !slotIds.contains($0) }
        guard missing.isEmpty else { throw .notLoaded(missing) }
        activeProfile = p
        engine!.settings = ArbitrageSettings(profile: p)
        engine!.risk.setLimits(RiskLimits(profile: p))
        engine!.excluded = Set(slotIds).subtracting(p.instruments)
        control.riskLevel = p.risk.level
        applyRiskLevel()
    }

    /// The last invariant check found nothing.
    public var invariantsHold: Bool { lastViolationSignature.isEmpty }

    /// The parameters in force.
    public var currentProfile: ProfileConfig { activeProfile }

    /// Trades exactly `universe` from now on: instruments loaded at start outside it open nothing new (their
    /// open arbitrages still close normally). Adding one that was not loaded needs a restart.
    public func setUniverse(_ universe: [InstrumentId]) throws(StrategyControlError) {
        guard engine != nil else { throw .notReady }
        let loaded = Set(slotIds)
        let missing = universe.filter { !loaded.contains($0) }
        guard missing.isEmpty else { throw .notLoaded(missing) }
        engine!.excluded = loaded.subtracting(universe)
    }

    /// Operator `hedge`: hedge every open imbalance now; returns how many arbitrages it touched.
    public func hedgeAll() throws(StrategyControlError) -> Int {
        guard engine != nil else { throw .notReady }
        let n = engine!.hedgeAll(nowNs: time.monotonicNanos(), wallMs: time.wallMillis(), into: &commands)
        perform()
        return n
    }

    /// KILL step 2: every open arbitrage exits now (reduce-only, within the risk gate); returns when none is
    /// active any more or `timeoutMs` passed, with whether positions remain.
    public func flattenAll(timeoutMs: Int64) async -> Bool {
        guard engine != nil else { return false }
        engine!.exitAll(nowNs: time.monotonicNanos(), wallMs: time.wallMillis(), into: &commands)
        perform()
        let deadline = time.monotonicNanos() + UInt64(max(0, timeoutMs)) * 1_000_000
        while time.monotonicNanos() < deadline {
            if engine!.activeArbitrages.isEmpty { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !(engine?.activeArbitrages.isEmpty ?? true)
    }

    func applyRiskLevel() {
        guard engine != nil else { return }
        var level = control.riskLevel ?? activeProfile.risk.level
        if control.safeMode { level = min(level, StrategyControl.safeModeLevelCap) }
        if engine!.risk.level.percent != Int64(level) { engine!.risk.level = RiskLevel(level) }
    }

    /// Reports the engine's sticky risk HOLD to the control plane once.
    func reportRiskHold() async {
        guard let reason = engine?.risk.holdReason, !control.reportedRiskHold, let report = control.onRiskHold else { return }
        control.reportedRiskHold = true
        await report(reason.messageRu)
    }
}

/// Why a run-time change could not be applied.
public enum StrategyControlError: EffectPreconditionError {
    case notReady
    case notLoaded([InstrumentId])

    public var code: String {
        switch self {
        case .notReady: "strategy_not_ready"
        case .notLoaded: "instrument_not_loaded"
        }
    }

    public var messageRu: String {
        switch self {
        case .notReady: "Стратегия ещё запускается (правила инструментов не прочитаны)"
        case .notLoaded(let ids):
            "Инструменты не загружены при запуске: \(ids.map(\.description).joined(separator: ", "))"
        }
    }

    public var hintRu: String {
        switch self {
        case .notReady: "повторите через несколько секунд"
        case .notLoaded: "добавьте их в instruments профиля и перезапустите процесс; без перезапуска можно только исключать и возвращать загруженные"
        }
    }
}

/// What the health monitor reads from the strategy.
struct StrategyHealthFacts: Sendable {
    var ready: Bool
    var riskHold: String?
    var unhedgedBreached: [String]
    /// Drawdown from today's peak equity, bps of that peak.
    var dayDrawdownBps: Double
}

extension StrategyRunner {
    func healthFacts() -> StrategyHealthFacts {
        guard let e = engine else { return StrategyHealthFacts(ready: false, riskHold: nil, unhedgedBreached: [], dayDrawdownBps: 0) }
        let peak = e.portfolio.peakEquityToday.doubleValue, equity = e.portfolio.equity.doubleValue
        return StrategyHealthFacts(ready: true, riskHold: e.risk.holdReason?.messageRu,
                                   unhedgedBreached: e.exposure.pairs.filter(\.value.breached).map(\.key).sorted(),
                                   dayDrawdownBps: peak > 0 ? max(0, (peak - equity) / peak * 10_000) : 0)
    }
}
