extension CommandService {
    /// A runtime report (automatic HOLD reasons, recovered conditions, KILL steps, an automatic KILL). Audited
    /// as actor `system`; refusals (a wiring bug) are audited too.
    @discardableResult
    public func report(_ input: ControlInput) async -> Result<ControlStep, ControlRefusal> {
        await exclusive { await reportNow(input) }
    }

    @discardableResult
    func reportNow(_ input: ControlInput) async -> Result<ControlStep, ControlRefusal> {
        let now = time.wallMillis()
        var next = machine
        switch next.apply(input, by: .system, atMs: now) {
        case .failure(let refusal):
            _ = await record(actor: ControlActor.system.name, action: input.name, outcome: .refused,
                             detail: ["code": refusal.code, "message_ru": refusal.messageRu])
            return .failure(refusal)
        case .success(let step):
            guard let r = step.record else {
                machine = next  // a repeated reason may refresh its detail without a record
                return .success(step)
            }
            // A runtime fact is adopted even when the audit write fails: refusing a HOLD would fail open.
            let audited = await record(actor: ControlActor.system.name, action: "transition", target: input.name, outcome: .ok,
                                       detail: Self.transitionDetail(r))
            await commit(next, step, atMs: now)
            if !audited { await holdForAudit(detailRu: "не записано событие рантайма \(input.name)") }
            return .success(step)
        }
    }

    /// Guarded startup: evaluate what the runtime measured. Ready clears the `startup` reason (the machine then
    /// returns to the operator's last instruction); blocked refreshes the reason's detail with what failed.
    @discardableResult
    public func reportStartup(_ checks: StartupChecks) async -> StartupGate.Verdict {
        await exclusive { await reportStartupNow(checks) }
    }

    private func reportStartupNow(_ checks: StartupChecks) async -> StartupGate.Verdict {
        let verdict = StartupGate().evaluate(checks)
        guard machine.holdReasons.contains(where: { $0.code == .startup }) else { return verdict }
        switch verdict {
        case .ready:
            await reportNow(.clearCondition(.startup))
        case .blocked(let blockers):
            await reportNow(.raiseHold(HoldReason(code: .startup, detailRu: StartupGate.detailRu(blockers), sinceMs: time.wallMillis())))
        }
        return verdict
    }
}
