@testable import Ops

/// The machine in each interesting situation, for the transition table and property tests.
enum ControlTestMachines {
    static func make(_ state: ControlState, _ reasons: [HoldCode] = [], phase: KillPhase? = nil,
                     instruction: OperatorInstruction.Mode = .run, safe: Bool = false, twoKeys: Bool = true) -> ControlStateMachine {
        ControlStateMachine(state: state, killPhase: phase,
                            holdReasons: reasons.map { HoldReason(code: $0, sinceMs: 1) },
                            instruction: OperatorInstruction(mode: instruction, safeMode: safe, by: "ivan", atMs: 1),
                            redHoldNeedsTwoKeys: twoKeys)
    }

    static let situations: [(name: String, machine: ControlStateMachine)] = [
        ("run", make(.run)),
        ("pause", make(.pause, instruction: .pause)),
        ("safe", make(.safeMode, safe: true)),
        ("hold_manual", make(.hold, [.manual], instruction: .hold)),
        ("hold_red", make(.hold, [.risk])),
        ("hold_condition", make(.hold, [.mdStale])),
        ("kill_cancelling", make(.kill, phase: .cancelling, instruction: .kill)),
        ("kill_flattening", make(.kill, phase: .flattening, instruction: .kill)),
    ]

    static let ivan = ControlActor(name: "ivan")
    static let ivanWithOlga = ControlActor(name: "ivan", approvedBy: "olga")

    static let inputs: [(name: String, input: ControlInput, actor: ControlActor)] = [
        ("pause", .pause, ivan),
        ("resume_1", .resume, ivan),
        ("resume_2", .resume, ivanWithOlga),
        ("hold", .hold(noteRu: "проверка"), ivan),
        ("safe_on", .safeModeOn, ivan),
        ("safe_off", .safeModeOff, ivan),
        ("kill", .kill, ivan),
        ("raise_md", .raiseHold(HoldReason(code: .mdStale, sinceMs: 2)), .system),
        ("raise_risk", .raiseHold(HoldReason(code: .risk, sinceMs: 2)), .system),
        ("clear_md", .clearCondition(.mdStale), .system),
        ("clear_risk", .clearCondition(.risk), .system),
        ("kill_cancel_done", .killCancelDone, .system),
        ("kill_flatten_done", .killFlattenDone(residual: false), .system),
    ]
}
