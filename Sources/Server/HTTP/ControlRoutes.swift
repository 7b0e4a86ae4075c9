import Foundation
import Hummingbird
import Journal
import Ops
import PropCore

/// The operator's control endpoints: thin front ends over `CommandService` (every change is a command; reads
/// need at least a viewer token unless the profile allows anonymous local reads). Answers: 200 done, 202
/// waiting for a second operator, else the refusal's status with `{code, field, message_ru, hint_ru}`.
enum ControlRoutes {
    static func add(to router: Router<BasicRequestContext>, plane: ControlPlane, isLocal: Bool) {
        let service = plane.service
        func auth(_ request: Request) -> String? { request.headers[.authorization] }

        router.get("/api/ui/control-state") { request, _ in
            try await read { await service.snapshot() }
        }
        router.post("/api/control") { request, _ in
            try await command(service, request, isLocal, action: "control", allowed: ["action", "note"]) { body throws(CommandRefusal) in
                switch try body.requiredString("action") {
                case "pause": return .pause
                case "resume", "start": return .resume
                case "hold": return .hold(note: try body.string("note"))
                case "safe_on": return .safeModeOn
                case "safe_off": return .safeModeOff
                case "kill": return .kill
                case "hedge": return .hedge
                case let other:
                    throw .invalidValue(field: "action", problemRu: "неизвестное действие «\(other)»",
                                        hintRu: "одно из: pause, resume, hold, safe_on, safe_off, kill, hedge")
                }
            }
        }
        router.get("/api/ui/approvals") { request, _ in
            try await read { await service.snapshot().pendingApprovals }
        }
        router.post("/api/ui/approvals") { request, _ in
            try await command(service, request, isLocal, action: "approval", allowed: ["id", "decision"]) { body throws(CommandRefusal) in
                let id = try body.requiredString("id")
                switch try body.string("decision") ?? "approve" {
                case "approve": return .approve(id: id)
                case "reject": return .reject(id: id)
                case let other:
                    throw .invalidValue(field: "decision", problemRu: "неизвестное решение «\(other)»", hintRu: "approve или reject")
                }
            }
        }
        router.get("/api/ui/settings/risk-profile") { request, _ in
            try await read {
                let s = await service.snapshot()
                return RiskProfileView(riskLevel: s.riskLevel, leverage: s.leverage)
            }
        }
        router.put("/api/ui/settings/risk-profile") { request, _ in
            try await command(service, request, isLocal, action: "risk_profile", allowed: ["risk_level", "leverage"]) { body throws(CommandRefusal) in
                if let level = try body.int("risk_level") {
                    guard body.fields["leverage"] == nil else {
                        throw .invalidValue(field: "leverage", problemRu: "за один запрос меняется одно поле", hintRu: "пришлите risk_level и leverage отдельными запросами")
                    }
                    return .setRiskLevel(level)
                }
                guard let lev = try body.object("leverage", allowed: ["enabled", "max"]) else {
                    throw .invalidValue(field: "risk_level", problemRu: "нет ни risk_level, ни leverage", hintRu: "пришлите {\"risk_level\": 0…100} или {\"leverage\": {\"enabled\": true, \"max\": 3}}")
                }
                guard let enabled = try lev.bool("enabled") else {
                    throw .invalidValue(field: "leverage.enabled", problemRu: "обязательное поле отсутствует", hintRu: "true или false")
                }
                guard enabled else { return .setLeverage(.off) }
                guard let max = try lev.int("max") else {
                    throw .invalidValue(field: "leverage.max", problemRu: "обязательное поле отсутствует", hintRu: "целое число ≥ 1")
                }
                return .setLeverage(.on(max: max))
            }
        }
        router.get("/api/ui/limits") { request, _ in
            try await read { await service.snapshot().limits }
        }
        router.put("/api/ui/limits") { request, _ in
            try await command(service, request, isLocal, action: "set_limits", allowed: LimitsChange.fieldNames) { body throws(CommandRefusal) in
                var values: [String: Int] = [:]
                for key in body.fields.keys.sorted() {
                    guard let v = try body.int(key) else { continue }
                    values[key] = v
                }
                guard !values.isEmpty else {
                    throw .invalidValue(field: "body", problemRu: "нет ни одного лимита", hintRu: "например {\"max_gross\": 5000}")
                }
                return .setLimits(LimitsChange(values))
            }
        }
        router.get("/api/ui/universe") { request, _ in
            try await read { await service.snapshot().universe }
        }
        router.put("/api/ui/universe") { request, _ in
            try await command(service, request, isLocal, action: "universe", allowed: ["add", "remove"]) { body throws(CommandRefusal) in
                let add = try body.string("add"), remove = try body.string("remove")
                guard (add == nil) != (remove == nil), let text = add ?? remove else {
                    throw .invalidValue(field: "add", problemRu: "нужно ровно одно из полей add или remove", hintRu: "{\"add\": \"OKX:PERP:BTC-USDT\"}")
                }
                let id: InstrumentId
                do throws(InstrumentIdError) { id = try InstrumentId(parsing: text) } catch {
                    throw .invalidValue(field: add == nil ? "remove" : "add", problemRu: error.messageRu, hintRu: error.hintRu)
                }
                return add == nil ? .universeRemove(id) : .universeAdd(id)
            }
        }
        router.post("/api/ui/config/validate") { request, _ in
            let principal = try await authenticated(service, request, isLocal, required: .operator, action: "config_validate")
            let yaml: String
            do throws(CommandRefusal) { yaml = try await configText(request) } catch {
                await service.recordBadRequest(action: "config_validate", by: principal, refusal: error)
                return try refusalResponse(error)
            }
            let issues = ProfileLoader.validate(yaml: yaml, environment: ProcessInfo.processInfo.environment, sourceName: "request")
            return try json(issues.isEmpty ? .ok : .unprocessableContent, ConfigValidation(issues: issues))
        }
        router.post("/api/ui/config/apply") { request, _ in
            try await command(service, request, isLocal, action: "config_apply", allowed: ["yaml"]) { body throws(CommandRefusal) in
                .configApply(yaml: try body.requiredString("yaml"))
            }
        }
        router.post("/api/ui/config/rollback") { request, _ in
            try await command(service, request, isLocal, action: "config_rollback", allowed: ["rollback_token"]) { body throws(CommandRefusal) in
                .configRollback(token: try body.string("rollback_token"))
            }
        }
        router.get("/api/ui/config") { _, _ in try await read { await service.configState() } }
        router.get("/api/ui/ops/changes") { request, _ in
            let limit = try limitParameter(request)
            return try await read {
                await service.recentChanges(limit).map(AuditRow.init)
            }
        }
    }

    /// A read (the caller was authenticated as at least a viewer by `ReadAuthMiddleware`), encoded.
    static func read<T: Encodable & Sendable>(_ value: () async -> T) async throws -> Response {
        try json(.ok, await value())
    }

    /// A change: the body parsed strictly into one command (a bad body is refused and audited), then the service.
    static func command(_ service: CommandService, _ request: Request, _ isLocal: Bool, action: String, allowed: Set<String>,
                        _ build: (RequestBody) throws(CommandRefusal) -> OperatorCommand) async throws -> Response {
        let principal = try await authenticated(service, request, isLocal, required: .operator, action: action)
        let command: OperatorCommand
        do {
            command = try build(try await RequestBody.read(request, allowed: allowed))
        } catch {
            await service.recordBadRequest(action: action, by: principal, refusal: error)
            return try refusalResponse(error)
        }
        return try outcomeResponse(await service.execute(command, by: principal))
    }

    /// The caller, or the refusal thrown as the response (401/403, audited by the service).
    static func authenticated(_ service: CommandService, _ request: Request, _ isLocal: Bool, required: Role,
                              action: String) async throws -> Principal {
        switch await service.authenticate(authorization: request.headers[.authorization], isLocal: isLocal,
                                          required: required, action: action) {
        case .success(let p): return p
        case .failure(let refusal): throw RefusalError(refusal: refusal)
        }
    }

    static func outcomeResponse(_ outcome: CommandOutcome) throws -> Response {
        switch outcome {
        case .done(let action, let messageRu, let snapshot):
            return try json(.ok, CommandDone(action: action, messageRu: messageRu, snapshot: snapshot))
        case .pendingApproval(let p):
            return try json(.accepted, ApprovalPending(p))
        case .refused(let refusal):
            return try refusalResponse(refusal)
        }
    }

    static func refusalResponse(_ refusal: CommandRefusal) throws -> Response {
        try json(HTTPResponse.Status(code: refusal.httpStatus), refusal.body)
    }

    /// `?limit=` for list endpoints: 1…1000, default 100.
    static func limitParameter(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return 100 }
        guard let n = Int(text), (1...1_000).contains(n) else {
            throw RefusalError(refusal: .invalidValue(field: "limit", problemRu: "«\(text)» — не число от 1 до 1000", hintRu: "например ?limit=100"))
        }
        return n
    }

    /// The profile text of a validate request: `{"yaml": "…"}` or the raw YAML body.
    static func configText(_ request: Request) async throws(CommandRefusal) -> String {
        if request.headers[.contentType]?.hasPrefix("application/json") == true {
            return try await RequestBody.read(request, allowed: ["yaml"]).requiredString("yaml")
        }
        guard let buffer = try? await request.body.collect(upTo: RequestBody.maxBytes), buffer.readableBytes > 0 else {
            throw .invalidValue(field: "body", problemRu: "пустое тело запроса", hintRu: "пришлите текст профиля YAML или {\"yaml\": \"…\"}")
        }
        return String(decoding: buffer.readableBytesView, as: UTF8.self)
    }

    static func json<T: Encodable>(_ status: HTTPResponse.Status, _ value: T) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(data: try jsonData(value))))
    }

    /// The API's JSON: sorted keys, so answers and stream events are byte-stable.
    static func jsonData<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}

/// A refusal that ends a route early; `OperatorErrorMiddleware` turns it into its JSON body and status.
struct RefusalError: Error {
    let refusal: CommandRefusal
}
