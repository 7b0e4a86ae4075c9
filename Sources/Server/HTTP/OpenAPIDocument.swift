import Foundation
import PropCore

/// The OpenAPI 3.1 description of the whole operator API, served at `/openapi.json`. Written by hand, route by
/// route (not derived from the router), so the contract test that compares it with the router's routes is a real
/// check: a route added without its description, or described but gone, fails it.
enum OpenAPIDocument {
    /// One operation.
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var tag: String
        /// Query parameters: name → (JSON schema, description).
        var query: [(String, [String: Any], String)] = []
        /// JSON request body schema (`additionalProperties: false`: unknown fields are refused).
        var body: [String: Any]? = nil
        /// Response codes besides 200 this operation documents.
        var responses: [String: String] = [:]
        /// Content type of a 200 answer.
        var produces = "application/json"
    }

    static func object(_ properties: [String: [String: Any]], required: [String] = []) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !required.isEmpty { o["required"] = required }
        return o
    }

    static var int: [String: Any] { ["type": "integer"] }
    static var string: [String: Any] { ["type": "string"] }
    static var bool: [String: Any] { ["type": "boolean"] }
    static func oneOf(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    static let auth = ["401": "нет токена или токен неизвестен", "403": "роль токена недостаточна"]
    static let change = auth.merging(["202": "ждёт подтверждения второго оператора", "409": "недопустимо в текущем состоянии",
                                      "422": "неверное тело запроса (поле названо в field)", "502": "изменение не применено",
                                      "503": "журнал аудита недоступен"]) { a, _ in a }

    /// Every operation of the API.
    static var operations: [Operation] {
        let limitsFields = Dictionary(uniqueKeysWithValues: ["max_order_notional", "max_instrument_notional", "max_venue_gross", "max_gross",
                                                             "max_net", "max_open_arbitrages", "max_in_flight_orders", "price_band_bps",
                                                             "daily_loss_limit", "max_drawdown"].map { ($0, ["type": "integer", "minimum": 0] as [String: Any]) })
        return [
            Operation(method: "GET", path: "/api/health", summary: "Процесс жив (не готовность к торговле)", tag: "system"),
            Operation(method: "GET", path: "/openapi.json", summary: "Этот документ", tag: "system"),
            Operation(method: "GET", path: "/metrics", summary: "Метрики Prometheus", tag: "system", responses: auth, produces: "text/plain"),
            Operation(method: "GET", path: "/api/md/books", summary: "Вершины всех стаканов", tag: "market-data", responses: auth),
            Operation(method: "GET", path: "/api/execution/status", summary: "Контур ордеров: восстановление, HOLD, алерты", tag: "execution",
                      responses: auth.merging(["503": "торговый контур не запущен"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/execution/orders", summary: "Ордера журнала", tag: "execution",
                      responses: auth.merging(["503": "торговый контур не запущен"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/opportunities", summary: "Все маршруты арбитража с причинами", tag: "strategy",
                      responses: auth.merging(["503": "стратегия не запущена"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/pnl", summary: "PnL по биржам и инструментам", tag: "strategy",
                      responses: auth.merging(["503": "стратегия не запущена"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/exposure", summary: "Позиции, нетто и непокрытая экспозиция", tag: "strategy",
                      responses: auth.merging(["503": "стратегия не запущена"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/execution", summary: "Арбитражи, сделки, проскальзывание", tag: "strategy",
                      responses: auth.merging(["503": "стратегия не запущена"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/control-state", summary: "Состояние управления (RUN/PAUSE/SAFE_MODE/HOLD/KILL)", tag: "control", responses: auth),
            Operation(method: "POST", path: "/api/control", summary: "pause | resume | hold | safe_on | safe_off | kill | hedge", tag: "control",
                      body: object(["action": oneOf(["pause", "resume", "start", "hold", "safe_on", "safe_off", "kill", "hedge"]),
                                    "note": ["type": "string", "maxLength": 500]], required: ["action"]), responses: change),
            Operation(method: "GET", path: "/api/ui/approvals", summary: "Ожидающие подтверждения (правило двух ключей)", tag: "control", responses: auth),
            Operation(method: "POST", path: "/api/ui/approvals", summary: "Подтвердить или отклонить запрос", tag: "control",
                      body: object(["id": string, "decision": oneOf(["approve", "reject"])], required: ["id"]),
                      responses: change.merging(["404": "нет такого запроса", "410": "срок запроса истёк"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/settings/risk-profile", summary: "Уровень риска и плечо", tag: "control", responses: auth),
            Operation(method: "PUT", path: "/api/ui/settings/risk-profile", summary: "Изменить уровень риска или плечо", tag: "control",
                      body: object(["risk_level": ["type": "integer", "minimum": 0, "maximum": 100],
                                    "leverage": object(["enabled": bool, "max": ["type": "integer", "minimum": 1]], required: ["enabled"])]),
                      responses: change),
            Operation(method: "GET", path: "/api/ui/limits", summary: "Лимиты риска", tag: "control", responses: auth),
            Operation(method: "PUT", path: "/api/ui/limits", summary: "Изменить лимиты (любое подмножество)", tag: "control",
                      body: object(limitsFields), responses: change),
            Operation(method: "GET", path: "/api/ui/universe", summary: "Торгуемые инструменты", tag: "control", responses: auth),
            Operation(method: "PUT", path: "/api/ui/universe", summary: "Добавить или исключить инструмент", tag: "control",
                      body: object(["add": string, "remove": string]), responses: change),
            Operation(method: "POST", path: "/api/ui/config/validate", summary: "Проверить профиль YAML", tag: "config",
                      body: object(["yaml": string], required: ["yaml"]),
                      responses: auth.merging(["422": "профиль не проходит проверку (issues)"]) { a, _ in a }),
            Operation(method: "POST", path: "/api/ui/config/apply", summary: "Применить профиль без перезапуска", tag: "config",
                      body: object(["yaml": string], required: ["yaml"]), responses: change),
            Operation(method: "POST", path: "/api/ui/config/rollback", summary: "Откатить последнее применение", tag: "config",
                      body: object(["rollback_token": string]), responses: change),
            Operation(method: "GET", path: "/api/ui/config", summary: "Действующая конфигурация, её версия и история", tag: "config",
                      responses: auth),
            Operation(method: "GET", path: "/api/ui/ops/changes", summary: "Журнал аудита, новые сверху", tag: "control",
                      query: [("limit", ["type": "integer", "minimum": 1, "maximum": 1000], "сколько записей (1…1000)")],
                      responses: auth.merging(["422": "limit вне 1…1000"]) { a, _ in a }),
            Operation(method: "GET", path: "/api/ui/stream", summary: "Поток событий (SSE)", tag: "stream",
                      query: [("last_event_id", ["type": "integer", "minimum": 0], "продолжить после этого события"),
                              ("types", string, "типы событий через запятую")],
                      responses: auth.merging(["422": "неверный last_event_id или тип"]) { a, _ in a }, produces: "text/event-stream"),
        ] + HealthOperations.operations
    }

    /// The document as JSON.
    static var json: Data {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var responses: [String: Any] = ["200": ["description": "ok", "content": [op.produces: ["schema": [String: Any]()]]]]
            for (code, text) in op.responses {
                responses[code] = ["description": text, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
            }
            var operation: [String: Any] = ["summary": op.summary, "tags": [op.tag], "responses": responses,
                                            "operationId": (op.method.lowercased() + op.path).replacingOccurrences(of: "/", with: "_")
                                                .replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")]
            if !op.query.isEmpty {
                operation["parameters"] = op.query.map { ["name": $0.0, "in": "query", "required": false, "schema": $0.1, "description": $0.2] }
            }
            if let body = op.body {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]]
            }
            paths[op.path, default: [:]][op.method.lowercased()] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "PropBot operator API", "version": PropBotVersion.string,
                     "description": "Управление и наблюдение PropBot. Ошибки — JSON с message_ru и hint_ru; см. docs/api.md."],
            "servers": [["url": "http://127.0.0.1:8000"]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": ["Error": ["type": "object", "properties": [
                    "code": string, "error": string, "field": ["type": ["string", "null"]], "message_ru": string, "hint_ru": string,
                ]]],
            ],
            "security": [["bearer": [String]()]],
            "paths": paths,
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
