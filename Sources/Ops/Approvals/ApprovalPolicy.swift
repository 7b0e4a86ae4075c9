/// Which commands need two operators. The single place this is decided.
///
/// - Resuming from a red HOLD (risk, recon, SLO, invariant, finished KILL, audit failure): every profile except
///   `demo` (the demo has one local user and moves no money).
/// - In `live` only: `safe_off`, raising the risk level, raising the leverage ceiling, any limits change,
///   adding an instrument, applying a config.
/// - Never: pause, hold, kill, hedge, safe_on, lowering risk or leverage, removing an instrument, config rollback,
///   status — these only reduce risk, and must never wait for a second person.
public struct ApprovalPolicy: Sendable, Hashable {
    /// The profile the bot runs.
    public let profile: ProfileKind

    /// A policy for `profile`.
    public init(profile: ProfileKind) { self.profile = profile }

    /// Whether leaving a red HOLD needs two operators (passed to `ControlStateMachine`).
    public var redHoldNeedsTwoKeys: Bool { profile != .demo }

    /// Whether `command` needs a second operator given the current state and settings.
    public func needsTwoKeys(_ command: OperatorCommand, machine: ControlStateMachine, riskLevel: Int,
                             leverage: LeverageSetting) -> Bool {
        let live = profile.movesRealMoney
        switch command {
        case .resume:
            return redHoldNeedsTwoKeys && machine.state == .hold && !machine.redReasons.isEmpty
        case .safeModeOff: return live
        case .setRiskLevel(let level): return live && level > riskLevel
        case .setLeverage(let setting): return live && setting.ceiling > leverage.ceiling
        case .setLimits, .universeAdd, .configApply: return live
        case .status, .pause, .hold, .safeModeOn, .kill, .hedge, .universeRemove, .configRollback, .approve, .reject:
            return false
        }
    }
}
