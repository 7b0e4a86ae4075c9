import Engine
import Ops
import PropCore

/// What the command service's decisions do in this process: the strategy follows the control state and run-time
/// settings, KILL cancels on every venue and then flattens. Reports back (KILL progress) go through `link`, set
/// once the service exists (the service needs its effects first).
struct RuntimeControlEffects: ControlEffects {
    let strategy: StrategyRunner?
    let executor: OrderExecutor?
    let link: ServiceLink
    /// How long flattening may take before KILL reports a residual.
    let flattenTimeoutMs: Int64

    func controlChanged(_ snapshot: ControlSnapshot) async { await strategy?.applyControl(snapshot) }

    func cancelAll() async {
        _ = await executor?.cancelAll(venue: nil, reason: "KILL: аварийная остановка оператором")
        await link.report(.killCancelDone)
    }

    func flatten() async {
        let residual = await strategy?.flattenAll(timeoutMs: flattenTimeoutMs) ?? false
        await link.report(.killFlattenDone(residual: residual))
    }

    func hedgeNow() async throws -> Int { try await runner().hedgeAll() }
    func applyRiskLevel(_ level: Int) async throws { try await runner().setRiskLevel(level) }
    func applyLeverage(_ setting: LeverageSetting) async throws { try await runner().setLeverage(setting) }
    func applyLimits(_ limits: Limits) async throws { try await runner().setLimits(limits) }

    func applyUniverse(_ universe: [InstrumentId]) async throws {
        try await runner().setUniverse(universe)
    }

    func applyConfig(_ config: ProfileConfig) async throws {
        try await runner().applyProfile(config)
    }

    private func runner() throws -> StrategyRunner {
        guard let strategy else { throw RuntimeControlError.noStrategy }
        return strategy
    }
}

/// The command service, once built, for reports from effects and the runtime.
actor ServiceLink {
    private var service: CommandService?
    func set(_ s: CommandService) { service = s }
    func report(_ input: ControlInput) async { _ = await service?.report(input) }
}

/// Why a run-time change cannot be applied in this process.
enum RuntimeControlError: EffectPreconditionError {
    case noStrategy

    var code: String {
        switch self {
        case .noStrategy: "no_strategy"
        }
    }

    var messageRu: String {
        switch self {
        case .noStrategy: "В этом профиле стратегия не запущена (нет бирж с ключами API)"
        }
    }

    var hintRu: String {
        switch self {
        case .noStrategy: "настройки стратегии меняются только там, где она торгует"
        }
    }
}
