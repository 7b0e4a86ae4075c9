/// The control state machine: RUN, PAUSE, SAFE_MODE, HOLD, KILL, with every legal transition and a typed
/// refusal for every other one. A pure value: inputs in, a `ControlStep` (record and directives) or a
/// `ControlRefusal` out; time and actor come with each input. `CommandService` owns the one instance.
///
/// Rules (see `docs/runbooks/control-plane.md`):
/// - HOLD always has at least one reason; RUN, PAUSE and SAFE_MODE have none; KILL collects reasons raised
///   while it runs and ends on HOLD with `killed` added.
/// - Condition reasons (startup, md_stale, clock_skew, leader_lost) are cleared only by the runtime; when the
///   last reason goes, the bot returns to what the operator last asked for (RUN/SAFE_MODE or PAUSE) or stays
///   on HOLD (last instruction HOLD/KILL).
/// - An operator's resume clears the other reasons, but is refused while a condition is active, and, when
///   `redHoldNeedsTwoKeys`, while a red reason is active without a second operator's approval.
public struct ControlStateMachine: Sendable, Hashable {
    /// Current state.
    public private(set) var state: ControlState
    /// Current KILL phase (nil unless `state == .kill`).
    public private(set) var killPhase: KillPhase?
    /// Active HOLD reasons, at most one per code, oldest first.
    public private(set) var holdReasons: [HoldReason]
    /// What the operator last asked for (persisted by the service for guarded startup).
    public private(set) var instruction: OperatorInstruction
    /// Whether leaving a red HOLD needs two operators (from `ApprovalPolicy`).
    public let redHoldNeedsTwoKeys: Bool

    /// The guarded-startup state: HOLD with reason `startup`, remembering the persisted instruction.
    public static func startup(instruction: OperatorInstruction, redHoldNeedsTwoKeys: Bool, atMs: Int64) -> Self {
        Self(state: .hold, killPhase: nil,
             holdReasons: [HoldReason(code: .startup, sinceMs: atMs)],
             instruction: instruction, redHoldNeedsTwoKeys: redHoldNeedsTwoKeys)
    }

    /// A machine in an explicit state (tests, replay). HOLD without reasons gets a `manual` one.
    public init(state: ControlState, killPhase: KillPhase? = nil, holdReasons: [HoldReason] = [],
                instruction: OperatorInstruction, redHoldNeedsTwoKeys: Bool) {
        self.state = state
        self.killPhase = state == .kill ? (killPhase ?? .cancelling) : nil
        self.holdReasons = state == .hold || state == .kill ? holdReasons : []
        if state == .hold, self.holdReasons.isEmpty { self.holdReasons = [HoldReason(code: .manual, sinceMs: 0)] }
        self.instruction = instruction
        self.redHoldNeedsTwoKeys = redHoldNeedsTwoKeys
    }

    /// Active red reasons.
    public var redReasons: [HoldReason] { holdReasons.filter(\.isRed) }

    /// Applies `input` from `actor` at `atMs`; on refusal nothing changes.
    public mutating func apply(_ input: ControlInput, by actor: ControlActor, atMs: Int64) -> Result<ControlStep, ControlRefusal> {
        var next = self
        let result = next.transition(input, actor: actor, atMs: atMs)
        if case .success = result { self = next }
        return result
    }

    // MARK: transitions

    private mutating func transition(_ input: ControlInput, actor: ControlActor, atMs: Int64) -> Result<ControlStep, ControlRefusal> {
        if state == .kill, let phase = killPhase {
            switch input {
            case .killCancelDone, .killFlattenDone, .raiseHold, .clearCondition: break
            default: return .failure(.killInProgress(phase: phase, input: input.name))
            }
        }
        let from = state
        switch input {
        case .pause:
            switch state {
            case .run, .safeMode: state = .pause
            case .pause: return .failure(.alreadyInState(.pause, input: input.name))
            case .hold, .kill: return .failure(.illegal(from: state, input: input.name))
            }
            instruction = instructed(.pause, actor, atMs)
            return .success(step(from, input, actor, "пауза по команде оператора", atMs))

        case .resume:
            guard !actor.isSystem else { return .failure(.systemCannotResume) }
            switch state {
            case .run, .safeMode: return .failure(.alreadyInState(state, input: input.name))
            case .kill: return .failure(.illegal(from: state, input: input.name))
            case .pause: break
            case .hold:
                let conditions = holdReasons.filter(\.code.isCondition)
                if !conditions.isEmpty { return .failure(.conditionsActive(conditions)) }
                let red = redReasons
                if redHoldNeedsTwoKeys, !red.isEmpty, !actor.hasTwoKeys { return .failure(.twoManRequired(red)) }
            }
            let cleared = holdReasons
            holdReasons = []
            instruction = instructed(.run, actor, atMs)
            state = instruction.tradingState
            let why = cleared.isEmpty ? "возобновление по команде оператора"
                : "снят HOLD: " + cleared.map(\.code.rawValue).joined(separator: ", ")
            return .success(step(from, input, actor, why, atMs))

        case .hold(let note):
            switch state {
            case .run, .safeMode, .pause:
                state = .hold
            case .hold:
                if holdReasons.contains(where: { $0.code == .manual }) {
                    return .failure(.alreadyInState(.hold, input: input.name))
                }
            case .kill: return .failure(.illegal(from: state, input: input.name))
            }
            holdReasons.append(HoldReason(code: .manual, detailRu: note, raisedBy: actor.name, sinceMs: atMs))
            instruction = instructed(.hold, actor, atMs)
            return .success(step(from, input, actor, note ?? HoldCode.manual.textRu, atMs))

        case .safeModeOn, .safeModeOff:
            let on = input == .safeModeOn
            guard instruction.safeMode != on else { return .failure(.safeModeAlready(on: on)) }
            switch state {
            case .run, .safeMode: state = on ? .safeMode : .run
            case .pause, .hold: break  // armed: applies when trading resumes
            case .kill: return .failure(.illegal(from: state, input: input.name))
            }
            instruction.safeMode = on
            instruction.by = actor.name
            instruction.atMs = atMs
            let armed = state == .pause || state == .hold
            let why = (on ? "безопасный режим включён" : "безопасный режим выключен") + (armed ? " (вступит в силу при возобновлении)" : "")
            return .success(step(from, input, actor, why, atMs))

        case .kill:
            state = .kill
            killPhase = .cancelling
            instruction = instructed(.kill, actor, atMs)
            return .success(step(from, input, actor, "аварийная остановка: отмена всех ордеров", atMs, [.cancelAll]))

        case .killCancelDone:
            guard state == .kill, killPhase == .cancelling else {
                return .failure(.unexpectedKillStep(input: input.name, phase: killPhase))
            }
            killPhase = .flattening
            return .success(step(from, input, actor, "ордера отменены; свёртывание позиций", atMs, [.flatten]))

        case .killFlattenDone(let residual):
            guard state == .kill, killPhase == .flattening else {
                return .failure(.unexpectedKillStep(input: input.name, phase: killPhase))
            }
            killPhase = nil
            state = .hold
            let detail = residual ? "остались позиции, которые не удалось закрыть в пределах лимитов — закройте вручную"
                : "позиции свёрнуты"
            upsert(HoldReason(code: .killed, detailRu: detail, raisedBy: actor.name, sinceMs: atMs))
            return .success(step(from, input, actor, "KILL завершён: " + detail, atMs))

        case .raiseHold(let reason):
            if let i = holdReasons.firstIndex(where: { $0.code == reason.code }) {
                // A repeat refreshes the detail without a new record, so a flapping feed does not flood the audit.
                holdReasons[i].detailRu = reason.detailRu ?? holdReasons[i].detailRu
                return .success(ControlStep(record: nil))
            }
            holdReasons.append(reason)
            if state != .kill { state = .hold }
            return .success(step(from, input, actor, reason.textRu, atMs))

        case .clearCondition(let code):
            guard code.isCondition else { return .failure(.notACondition(code)) }
            guard let i = holdReasons.firstIndex(where: { $0.code == code }) else { return .success(ControlStep(record: nil)) }
            holdReasons.remove(at: i)
            var why = "восстановлено: \(code.rawValue)"
            if state == .hold, holdReasons.isEmpty {
                switch instruction.mode {
                case .run: state = instruction.tradingState
                case .pause: state = .pause
                case .hold:
                    holdReasons = [HoldReason(code: .manual, detailRu: "последняя команда оператора — HOLD", raisedBy: instruction.by, sinceMs: atMs)]
                case .kill:
                    holdReasons = [HoldReason(code: .killed, detailRu: "последняя команда оператора — KILL", raisedBy: instruction.by, sinceMs: atMs)]
                }
                if state != .hold { why += "; возврат к последней команде оператора" }
            }
            return .success(step(from, input, actor, why, atMs))
        }
    }

    private func instructed(_ mode: OperatorInstruction.Mode, _ actor: ControlActor, _ atMs: Int64) -> OperatorInstruction {
        OperatorInstruction(mode: mode, safeMode: instruction.safeMode, by: actor.name, atMs: atMs)
    }

    private mutating func upsert(_ reason: HoldReason) {
        if let i = holdReasons.firstIndex(where: { $0.code == reason.code }) { holdReasons[i] = reason } else { holdReasons.append(reason) }
    }

    private func step(_ from: ControlState, _ input: ControlInput, _ actor: ControlActor, _ why: String, _ atMs: Int64,
                      _ directives: [ControlDirective] = []) -> ControlStep {
        ControlStep(record: TransitionRecord(from: from, to: state, killPhase: killPhase, input: input.name, actor: actor,
                                             reasonRu: why, holdReasons: holdReasons, atMs: atMs),
                    directives: directives)
    }
}
