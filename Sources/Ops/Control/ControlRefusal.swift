import PropCore

/// Why the state machine refused an input. Nothing changed when one is returned.
public enum ControlRefusal: PropError, Equatable {
    /// The input asks for the state the bot is already in (`/pause` while paused).
    case alreadyInState(ControlState, input: String)
    /// `/safe_on` while safe mode is already on (or armed), `/safe_off` while it is off.
    case safeModeAlready(on: Bool)
    /// The input makes no sense in the current state.
    case illegal(from: ControlState, input: String)
    /// A KILL is running; only its own steps are accepted until it ends on HOLD.
    case killInProgress(phase: KillPhase, input: String)
    /// Resume refused: runtime conditions still hold the bot.
    case conditionsActive([HoldReason])
    /// Resume refused: a red reason needs a second operator's approval.
    case twoManRequired([HoldReason])
    /// Only a person may resume trading; the runtime resumes only by clearing conditions.
    case systemCannotResume
    /// A KILL step was reported when no KILL (or another phase) was running.
    case unexpectedKillStep(input: String, phase: KillPhase?)
    /// Only condition reasons can be cleared by the runtime.
    case notACondition(HoldCode)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .alreadyInState: "control_already_in_state"
        case .safeModeAlready: "control_safe_mode_already"
        case .illegal: "control_illegal_transition"
        case .killInProgress: "control_kill_in_progress"
        case .conditionsActive: "control_conditions_active"
        case .twoManRequired: "control_two_man_required"
        case .systemCannotResume: "control_system_cannot_resume"
        case .unexpectedKillStep: "control_unexpected_kill_step"
        case .notACondition: "control_not_a_condition"
        }
    }

    /// What was refused and why, in Russian.
    public var messageRu: String {
        switch self {
        case .alreadyInState(let state, let input):
            "команда \(input) не нужна: бот уже в состоянии \(state)"
        case .safeModeAlready(let on):
            on ? "безопасный режим уже включён" : "безопасный режим уже выключен"
        case .illegal(let from, let input):
            "команда \(input) недопустима в состоянии \(from)"
        case .killInProgress(let phase, let input):
            "команда \(input) отклонена: выполняется KILL (этап: \(phase == .cancelling ? "отмена ордеров" : "свёртывание позиций"))"
        case .conditionsActive(let reasons):
            "HOLD нельзя снять, пока действуют условия: " + reasons.map(\.textRu).joined(separator: "; ")
        case .twoManRequired(let reasons):
            "снятие красного HOLD требует подтверждения второго оператора: " + reasons.map(\.textRu).joined(separator: "; ")
        case .systemCannotResume:
            "возобновить торговлю может только оператор"
        case .unexpectedKillStep(let input, let phase):
            "шаг KILL \(input) получен вне своего этапа (текущий этап: \(phase?.rawValue ?? "KILL не выполняется"))"
        case .notACondition(let code):
            "причину HOLD \(code.rawValue) снимает только оператор, а не автоматика"
        }
    }

    /// What to do instead, in Russian.
    public var hintRu: String {
        switch self {
        case .alreadyInState, .safeModeAlready: "посмотрите текущее состояние: /status"
        case .illegal(let from, _):
            switch from {
            case .hold: "HOLD снимается командой /resume (для красных причин — с подтверждением второго оператора)"
            case .run, .safeMode: "торговля уже идёт; для остановки: /pause, /hold или /kill"
            case .pause: "для продолжения: /resume"
            case .kill: "дождитесь окончания KILL"
            }
        case .killInProgress: "дождитесь окончания KILL: бот перейдёт в HOLD, затем /resume с подтверждением"
        case .conditionsActive: "дождитесь восстановления (видно в /status); HOLD снимется сам, если последняя команда — RUN"
        case .twoManRequired: "запрос создан как ожидающий; второй оператор подтверждает его командой approve"
        case .systemCannotResume: "возобновление — команда /resume оператора"
        case .unexpectedKillStep: "это ошибка связки рантайма; состояние не изменено"
        case .notACondition: "оператор снимает её командой /resume"
        }
    }
}
