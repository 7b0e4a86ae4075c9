/// One accepted control input: the state before and after, who and why, when. `from == to` when only the
/// HOLD reasons or the armed safe mode changed.
public struct TransitionRecord: Sendable, Hashable, Codable {
    /// State before.
    public var from: ControlState
    /// State after.
    public var to: ControlState
    /// KILL phase after, when `to == .kill`.
    public var killPhase: KillPhase?
    /// The input's name (`pause`, `raise_hold`, …).
    public var input: String
    /// Who.
    public var actor: ControlActor
    /// Why, in Russian (the operator's note or the HOLD reason).
    public var reasonRu: String
    /// HOLD reasons active after the input.
    public var holdReasons: [HoldReason]
    /// Wall-clock milliseconds.
    public var atMs: Int64

    /// A record.
    public init(from: ControlState, to: ControlState, killPhase: KillPhase?, input: String, actor: ControlActor,
                reasonRu: String, holdReasons: [HoldReason], atMs: Int64) {
        self.from = from; self.to = to; self.killPhase = killPhase; self.input = input; self.actor = actor
        self.reasonRu = reasonRu; self.holdReasons = holdReasons; self.atMs = atMs
    }

    enum CodingKeys: String, CodingKey {
        case from, to
        case killPhase = "kill_phase"
        case input, actor
        case reasonRu = "reason_ru"
        case holdReasons = "hold_reasons"
        case atMs = "at_ms"
    }
}
