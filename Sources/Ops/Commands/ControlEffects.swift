public import PropCore

/// What the runtime does for the control plane. `CommandService` decides; these carry it out on the engine
/// and venues, so Ops never depends on Server. Calls come one at a time. `controlChanged` and the `apply…`
/// methods run while the service holds its operation lock: they must return promptly and must not call back
/// into `CommandService` (that would wait for itself). `cancelAll` and `flatten` run after the lock is
/// released: they may report completion (`.killCancelDone`, `.killFlattenDone`) through
/// `CommandService.report(_:)` directly, or start the work and report later from another task.
/// An effect's refusal that depends on the moment, not on a fault (answered 409 instead of 502).
public protocol EffectPreconditionError: PropError {}

public protocol ControlEffects: Sendable {
    /// The control state or settings changed: gate the strategy to `snapshot.state` (RUN/SAFE_MODE open
    /// risk, PAUSE only manages positions, HOLD and KILL place nothing new).
    func controlChanged(_ snapshot: ControlSnapshot) async
    /// KILL step 1: cancel every open order on every venue; report `.killCancelDone` when confirmed.
    func cancelAll() async
    /// KILL step 2: flatten positions within limits; report `.killFlattenDone(residual:)` when done.
    func flatten() async
    /// Operator `hedge`: hedge every open imbalance now (no new risk, open arbitrages stay); returns how many
    /// arbitrages were unbalanced. Throwing changes nothing.
    func hedgeNow() async throws -> Int
    /// Use risk level `level` (0–100) from now on. Throwing keeps the old level.
    func applyRiskLevel(_ level: Int) async throws
    /// Use this leverage setting from now on. Throwing keeps the old one.
    func applyLeverage(_ setting: LeverageSetting) async throws
    /// Use these limits from now on. Throwing keeps the old ones.
    func applyLimits(_ limits: Limits) async throws
    /// Trade exactly `universe` from now on. Throwing keeps the old one.
    func applyUniverse(_ universe: [InstrumentId]) async throws
    /// Switch to a validated profile (a new one, or the one a rollback restores). Throwing keeps the old one.
    func applyConfig(_ config: ProfileConfig) async throws
}
