import Foundation
import Journal
public import PropCore

/// The single entry point for every operator action. The HTTP API, the stream and Telegram call
/// `handle(_:authorization:isLocal:)` (or `authenticate` + `execute`); the runtime calls `report(_:)` and
/// `reportStartup(_:)`. The service authorizes by role, applies the two-man policy, validates input, moves the
/// control state machine, writes an audit record for every outcome (before acting — a command that cannot
/// be audited does not run), persists the operator's standing instruction, tells the runtime through
/// `ControlEffects`, and publishes `ControlEvent`s.
public actor CommandService {
    let configuration: CommandServiceConfiguration
    let effects: any ControlEffects
    let audit: any AuditSink
    let instructions: any InstructionStore
    let time: any TimeSource
    let policy: ApprovalPolicy
    var tokens: TokenWatch
    var machine: ControlStateMachine
    var book: ApprovalBook
    var settings: CommandSettings
    /// The running configuration and its versions (apply / rollback).
    var versions: ConfigVersions
    var subscribers: [UInt64: AsyncStream<ControlEvent>.Continuation] = [:]
    var nextSubscriber: UInt64 = 0
    /// One operation at a time (see `exclusive`).
    var busy = false
    var waiters: [CheckedContinuation<Void, Never>] = []
    /// KILL steps to hand to the runtime once the current operation has released the service.
    var deferredDirectives: [ControlDirective] = []

    /// A service starting on HOLD (guarded startup) with the instruction `instructions` last saved.
    public init(configuration: CommandServiceConfiguration, tokens: TokenWatch.Source, effects: any ControlEffects,
                audit: any AuditSink, instructions: any InstructionStore, time: any TimeSource = SystemTimeSource()) {
        self.configuration = configuration
        self.effects = effects
        self.audit = audit
        self.instructions = instructions
        self.time = time
        self.tokens = TokenWatch(tokens)
        policy = ApprovalPolicy(profile: configuration.profile.profile)
        book = ApprovalBook(ttlMs: configuration.approvalTTLms)
        settings = CommandSettings(profile: configuration.profile)
        versions = ConfigVersions(startup: configuration.profile, atMs: time.wallMillis())
        // An unreadable instruction file must not resume trading: assume the safe default (stay on HOLD).
        let saved = (try? instructions.load()) ?? nil
        machine = .startup(instruction: saved ?? .initial, redHoldNeedsTwoKeys: policy.redHoldNeedsTwoKeys,
                           atMs: time.wallMillis())
    }

    // MARK: front ends

    /// Authenticates the raw `Authorization` header for `command` and runs it: the one call an HTTP handler or
    /// Telegram bridge needs. `isLocal`: the request came over loopback (anonymous local reads).
    public func handle(_ command: OperatorCommand, authorization: String?, isLocal: Bool) async -> CommandOutcome {
        await exclusive {
            switch await authenticateNow(authorization: authorization, isLocal: isLocal, required: command.requiredRole,
                                         action: command.action) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let principal): return await executeNow(command, by: principal)
            }
        }
    }

    /// Checks a header for an action needing `required` (also for read endpoints that are not commands);
    /// a failure is audited as a login failure (without the token).
    public func authenticate(authorization: String?, isLocal: Bool, required: Role, action: String) async -> Result<Principal, CommandRefusal> {
        await exclusive { await authenticateNow(authorization: authorization, isLocal: isLocal, required: required, action: action) }
    }

    func authenticateNow(authorization: String?, isLocal: Bool, required: Role, action: String) async -> Result<Principal, CommandRefusal> {
        if let error = tokens.refresh() {
            _ = await record(actor: ControlActor.system.name, action: "tokens_reload", outcome: .error,
                             detail: ["code": error.code, "message_ru": error.messageRu])
        }
        switch tokens.authenticator.authenticate(authorization: authorization, isLocal: isLocal, required: required, action: action) {
        case .success(let principal): return .success(principal)
        case .failure(let error):
            let actor: String = if case .forbidden(let name, _, _, _) = error { name } else { "unknown" }
            _ = await record(actor: actor, action: "login", target: action, outcome: .refused,
                             detail: ["code": error.code, "http_status": String(error.httpStatus), "local": String(isLocal)])
            return .failure(.auth(error))
        }
    }

    /// Runs `command` for an already authenticated `principal`.
    public func execute(_ command: OperatorCommand, by principal: Principal) async -> CommandOutcome {
        await exclusive { await executeNow(command, by: principal) }
    }

    func executeNow(_ command: OperatorCommand, by principal: Principal) async -> CommandOutcome {
        let now = time.wallMillis()
        await expireApprovals(atMs: now)
        guard principal.has(command.requiredRole) else {
            let error = AuthError.forbidden(name: principal.name, role: principal.role, required: command.requiredRole,
                                            action: command.action)
            return await refuse(command, by: principal.name, .auth(error))
        }
        switch command {
        case .approve(let id): return await approve(id, by: principal, atMs: now)
        case .reject(let id): return await reject(id, by: principal, atMs: now)
        default: break
        }
        if let refusal = precheck(command) { return await refuse(command, by: principal.name, refusal) }
        if policy.needsTwoKeys(command, machine: machine, riskLevel: settings.riskLevel, leverage: settings.leverage) {
            return await requestApproval(command, by: principal, atMs: now)
        }
        return await perform(command, actor: ControlActor(name: principal.name), atMs: now)
    }

    /// Replaces where tokens come from (e.g. after the profile's `ops.tokens_file` changed).
    public func reload(tokens source: TokenWatch.Source) { tokens = TokenWatch(source) }

    /// The current control snapshot (for read endpoints; not audited — use `.status` for an audited read).
    public func snapshot() -> ControlSnapshot { makeSnapshot(atMs: time.wallMillis()) }

    /// The machine as it is now (tests, diagnostics).
    public var controlMachine: ControlStateMachine { machine }

    /// A new subscription to control events; ends when the consumer stops iterating. A slow consumer loses
    /// the oldest events, never slows the service.
    public func events(buffer: Int = 256) -> AsyncStream<ControlEvent> {
        let (stream, continuation) = AsyncStream<ControlEvent>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    // MARK: shared steps

    /// Runs `body` with the service to itself. An actor alone is not enough: every operation awaits the audit
    /// write and the runtime between reading and replacing the state, and a second operation slipping into
    /// that gap (say, an automatic HOLD during a resume) would be overwritten. Operations queue in arrival
    /// order. KILL steps are handed to the runtime after release, so the runtime may report back from inside
    /// `cancelAll`/`flatten` without deadlocking.
    func exclusive<T: Sendable>(_ body: () async -> T) async -> T {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        let result = await body()
        let directives = deferredDirectives
        deferredDirectives = []
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        for directive in directives {
            switch directive {
            case .cancelAll: await effects.cancelAll()
            case .flatten: await effects.flatten()
            }
        }
        return result
    }

    /// Input checks that do not depend on approval: role-independent ranges and a dry run of state commands
    /// with two keys (so a request that could never succeed is refused now, not after a second operator came).
    func precheck(_ command: OperatorCommand) -> CommandRefusal? {
        if let refusal = settings.validate(command) { return refusal }
        if case .configApply(let yaml) = command, case .failure(let refusal) = validatedConfig(yaml) { return refusal }
        if let input = command.controlInput {
            var probe = machine
            if case .failure(let refusal) = probe.apply(input, by: ControlActor(name: "probe", approvedBy: "probe-2"), atMs: 0) {
                return .control(refusal)
            }
        }
        return nil
    }

    func validatedConfig(_ yaml: String) -> Result<ProfileConfig, CommandRefusal> {
        let source = "\(configuration.profile.profile.rawValue).yaml"
        let config: ProfileConfig
        do {
            config = try ProfileLoader.load(yaml: yaml, environment: configuration.environment, sourceName: source)
        } catch {
            return .failure(.config(error.issues))
        }
        let fixed = ReloadScope.issues(running: versions.current, new: config)
        return fixed.isEmpty ? .success(config) : .failure(.config(fixed))
    }

    func refuse(_ command: OperatorCommand, by actor: String, _ refusal: CommandRefusal) async -> CommandOutcome {
        var detail = command.auditDetail
        detail["code"] = refusal.code
        detail["message_ru"] = refusal.messageRu
        if let field = refusal.field { detail["field"] = field }
        _ = await record(actor: actor, action: command.action, target: command.auditTarget, outcome: .refused, detail: detail)
        return .refused(refusal)
    }

    func unsubscribe(_ id: UInt64) { subscribers[id] = nil }

    func publish(_ event: ControlEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    func makeSnapshot(atMs: Int64) -> ControlSnapshot {
        ControlSnapshot(
            profile: configuration.profile.profile, state: machine.state, stateRu: machine.state.titleRu,
            killPhase: machine.killPhase, holdReasons: machine.holdReasons, instruction: machine.instruction,
            riskLevel: settings.riskLevel, leverage: settings.leverage, limits: settings.limits,
            universe: settings.universe.map(\.description),
            pendingApprovals: book.waiting.map {
                ControlSnapshot.Waiting(id: $0.id, action: $0.command.action, detail: $0.command.auditDetail,
                                        requestedBy: $0.requestedBy.name,
                                        expiresAt: ISO8601Millis.string(fromMillis: $0.expiresMs))
            },
            config: versions.latest,
            ts: ISO8601Millis.string(fromMillis: atMs))
    }

    /// `GET /api/ui/config`: the version in force, the history, and the effective profile (secrets redacted).
    public func configState() -> ConfigState {
        ConfigState(current: versions.latest, history: versions.history.reversed(), profile: versions.current)
    }
}
