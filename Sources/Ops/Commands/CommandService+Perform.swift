import PropCore

extension CommandService {
    /// Runs an authorized, validated, approved-if-needed command: audit first, then act.
    func perform(_ command: OperatorCommand, actor: ControlActor, atMs: Int64) async -> CommandOutcome {
        var detail = command.auditDetail
        if let second = actor.approvedBy { detail["approved_by"] = second }
        if let input = command.controlInput { return await performControl(command, input, actor: actor, atMs: atMs, detail: detail) }

        switch command {
        case .status:
            guard await record(actor: actor.name, action: command.action, outcome: .ok, detail: detail) else {
                return .refused(.auditUnavailable(reasonRu: "запись о запросе не сохранена"))
            }
            return .done(action: command.action, messageRu: machine.state.titleRu, snapshot: makeSnapshot(atMs: atMs))

        case .setRiskLevel(let level):
            return await change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "уровень риска: \(level)",
                                apply: { try await $0.applyRiskLevel(level) }, commit: { $0.riskLevel = level })

        case .setLeverage(let setting):
            return await change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "плечо: \(setting.text)",
                                apply: { try await $0.applyLeverage(setting) }, commit: { $0.leverage = setting })

        case .setLimits(let change):
            let next: Limits
            switch settings.applying(change) {
            case .failure(let refusal): return await refuse(command, by: actor.name, refusal)
            case .success(let limits): next = limits
            }
            return await self.change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "лимиты изменены",
                                     apply: { try await $0.applyLimits(next) }, commit: { $0.limits = next })

        case .universeAdd(let id), .universeRemove(let id):
            // Re-checked here: the universe may have changed while a two-man request waited.
            if let refusal = settings.validate(command) { return await refuse(command, by: actor.name, refusal) }
            var next = settings.universe
            if case .universeAdd = command { next.append(id) } else { next.removeAll { $0 == id } }
            let verb = if case .universeAdd = command { "добавлен" } else { "исключён" }
            return await change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "инструмент \(id) \(verb)",
                                apply: { try await $0.applyUniverse(next) }, commit: { $0.universe = next })

        case .hedge:
            guard await record(actor: actor.name, action: command.action, outcome: .ok, detail: detail) else {
                return await auditFailed(command)
            }
            do {
                let n = try await effects.hedgeNow()
                return .done(action: command.action, messageRu: n == 0 ? "непокрытых ног нет" : "покрытие запрошено: арбитражей — \(n)",
                             snapshot: makeSnapshot(atMs: atMs))
            } catch {
                return await effectFailed(command, actor: actor, error)
            }

        case .configApply(let yaml):
            let config: ProfileConfig
            switch validatedConfig(yaml) {
            case .failure(let refusal): return await refuse(command, by: actor.name, refusal)
            case .success(let c): config = c
            }
            return await change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "конфигурация применена",
                                apply: { try await $0.applyConfig(config) },
                                commit: { [by = actor.name] in $0.adopt(config); _ = versions.applied(config, by: by, atMs: atMs) })

        case .configRollback(let token):
            let previous: ProfileConfig
            switch versions.rollbackTarget(token: token) {
            case .failure(let refusal): return await refuse(command, by: actor.name, refusal)
            case .success(let p): previous = p
            }
            return await change(command, actor: actor, detail: detail, atMs: atMs, messageRu: "конфигурация откатена",
                                apply: { try await $0.applyConfig(previous) },
                                commit: { [by = actor.name] in $0.adopt(previous); _ = versions.rolledBack(by: by, atMs: atMs) })

        case .pause, .resume, .hold, .safeModeOn, .safeModeOff, .kill, .approve, .reject:
            // State commands went to performControl; approvals are handled before perform.
            return .refused(.invalidValue(field: "command", problemRu: "команда \(command.action) не выполняется здесь",
                                          hintRu: "это ошибка связки; сообщите разработчику"))
        }
    }

    /// A settings change: audit the intent, ask the runtime, commit on success, audit an error otherwise.
    private func change(_ command: OperatorCommand, actor: ControlActor, detail: [String: String], atMs: Int64,
                        messageRu: String, apply: (any ControlEffects) async throws -> Void,
                        commit: (inout CommandSettings) -> Void) async -> CommandOutcome {
        guard await record(actor: actor.name, action: command.action, target: command.auditTarget, outcome: .ok, detail: detail) else {
            return await auditFailed(command)
        }
        do {
            try await apply(effects)
        } catch {
            return await effectFailed(command, actor: actor, error)
        }
        commit(&settings)
        await settingsChanged(atMs: atMs)
        return .done(action: command.action, messageRu: messageRu, snapshot: makeSnapshot(atMs: atMs))
    }

    private func effectFailed(_ command: OperatorCommand, actor: ControlActor, _ error: any Error) async -> CommandOutcome {
        let reason = (error as? any PropError)?.messageRu ?? "\(error)"
        _ = await record(actor: actor.name, action: command.action, target: command.auditTarget, outcome: .error,
                         detail: ["reason_ru": reason])
        if let p = error as? any EffectPreconditionError {
            return .refused(.effectPrecondition(action: command.action, reasonRu: reason, hintRu: p.hintRu))
        }
        return .refused(.effectFailed(action: command.action, reasonRu: reason))
    }

    private func settingsChanged(atMs: Int64) async {
        let snapshot = makeSnapshot(atMs: atMs)
        publish(.settingsChanged(snapshot))
        await effects.controlChanged(snapshot)
    }

    /// A state command: compute the step on a copy, audit it, then commit, persist, publish and act.
    private func performControl(_ command: OperatorCommand, _ input: ControlInput, actor: ControlActor, atMs: Int64,
                                detail: [String: String]) async -> CommandOutcome {
        var next = machine
        let step: ControlStep
        switch next.apply(input, by: actor, atMs: atMs) {
        case .failure(let refusal): return await refuse(command, by: actor.name, .control(refusal))
        case .success(let s): step = s
        }
        var detail = detail
        if let r = step.record { detail.merge(Self.transitionDetail(r)) { _, new in new } }
        guard await record(actor: actor.name, action: command.action, outcome: .ok, detail: detail) else {
            return await auditFailed(command)
        }
        await commit(next, step, atMs: atMs)
        return .done(action: command.action, messageRu: step.record?.reasonRu ?? machine.state.titleRu,
                     snapshot: makeSnapshot(atMs: atMs))
    }

    /// Adopts a new machine state: persist the instruction if it changed, publish, tell the runtime, run directives.
    func commit(_ next: ControlStateMachine, _ step: ControlStep, atMs: Int64) async {
        let instructionChanged = next.instruction != machine.instruction
        machine = next
        if instructionChanged {
            do {
                try instructions.save(machine.instruction)
            } catch {
                _ = await record(actor: ControlActor.system.name, action: "instruction_save", outcome: .error,
                                 detail: ["reason": "\(error)"])
            }
        }
        if let r = step.record { publish(.transition(r)) }
        await effects.controlChanged(makeSnapshot(atMs: atMs))
        deferredDirectives += step.directives
    }

    /// The audit log refused a write: nothing ran; the bot goes on HOLD (fail closed) until an operator resumes.
    func auditFailed(_ command: OperatorCommand) async -> CommandOutcome {
        await holdForAudit(detailRu: "не записана команда \(command.action)")
        return .refused(.auditUnavailable(reasonRu: "команда \(command.action) не записана в журнал аудита"))
    }

    /// Adds the red `audit` HOLD reason (once; a repeat only refreshes its detail).
    func holdForAudit(detailRu: String) async {
        let now = time.wallMillis()
        var next = machine
        if case .success(let step) = next.apply(.raiseHold(HoldReason(code: .audit, detailRu: detailRu, sinceMs: now)),
                                                 by: .system, atMs: now) {
            await commit(next, step, atMs: now)
        }
    }

    static func transitionDetail(_ r: TransitionRecord) -> [String: String] {
        var d = ["from": r.from.rawValue, "to": r.to.rawValue, "reason_ru": r.reasonRu]
        if let phase = r.killPhase { d["kill_phase"] = phase.rawValue }
        if !r.holdReasons.isEmpty { d["hold_reasons"] = r.holdReasons.map(\.code.rawValue).joined(separator: ",") }
        return d
    }
}
