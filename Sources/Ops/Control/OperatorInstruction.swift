/// The operator's standing instruction, persisted across restarts so guarded startup knows whether to resume
/// trading: only `.run` resumes (in safe mode when `safeMode` is set); `pause` comes back paused; `hold` and
/// `kill` stay on HOLD.
public struct OperatorInstruction: Sendable, Hashable, Codable {
    /// What the operator last asked for.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case run, pause, hold, kill
    }

    /// The last mode asked for.
    public var mode: Mode
    /// Whether trading, when it runs, runs in SAFE_MODE (`/safe_on` … `/safe_off`).
    public var safeMode: Bool
    /// Who gave it.
    public var by: String
    /// When, wall-clock milliseconds.
    public var atMs: Int64

    /// An instruction.
    public init(mode: Mode, safeMode: Bool = false, by: String = ControlActor.system.name, atMs: Int64 = 0) {
        self.mode = mode; self.safeMode = safeMode; self.by = by; self.atMs = atMs
    }

    /// What a fresh installation assumes: nobody said RUN yet, so the bot waits on HOLD.
    public static let initial = OperatorInstruction(mode: .hold)

    /// The trading state `.run` means.
    var tradingState: ControlState { safeMode ? .safeMode : .run }

    enum CodingKeys: String, CodingKey {
        case mode
        case safeMode = "safe_mode"
        case by
        case atMs = "at_ms"
    }
}
