/// The bot's control state: what the strategy may do right now.
public enum ControlState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Trading normally.
    case run
    /// No new risk; open positions are kept and managed (exits and hedges allowed).
    case pause
    /// Trading with reduced aggressiveness (maker-only or as the profile configures).
    case safeMode = "safe_mode"
    /// No new orders at all; the reasons are listed in `ControlStateMachine.holdReasons`.
    case hold
    /// Emergency stop in progress: cancel everything on every venue, flatten within limits, then HOLD.
    case kill

    /// Upper-case name as operators write it (`SAFE_MODE`).
    public var description: String { rawValue.uppercased() }

    /// Whether the strategy may open new positions in this state.
    public var opensRisk: Bool { self == .run || self == .safeMode }

    /// Russian one-liner for the UI and Telegram.
    public var titleRu: String {
        switch self {
        case .run: "RUN — торговля"
        case .pause: "PAUSE — пауза: новый риск не открывается, позиции удерживаются"
        case .safeMode: "SAFE_MODE — безопасный режим: сниженная агрессивность"
        case .hold: "HOLD — новые ордера запрещены"
        case .kill: "KILL — аварийная остановка: отмена всех ордеров и свёртывание позиций"
        }
    }
}
