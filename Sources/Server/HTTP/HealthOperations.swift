/// The health, status and readiness endpoints' OpenAPI operations (kept next to their routes).
enum HealthOperations {
    typealias Op = OpenAPIDocument.Operation
    static var operations: [Op] {
        let bad = OpenAPIDocument.auth.merging(["422": "неверный параметр запроса (поле названо в field)"]) { a, _ in a }
        let group: (String, [String: Any], String) = ("group", OpenAPIDocument.oneOf(["P0", "P1", "P2", "P3"]), "группа компонентов")
        return [
            Op(method: "GET", path: "/api/ui/health/summary", summary: "Итог здоровья: score_pct, GREEN/YELLOW/RED", tag: "health", responses: OpenAPIDocument.auth),
            Op(method: "GET", path: "/api/ui/health/components", summary: "Компоненты здоровья с причинами", tag: "health",
               query: [("scope", OpenAPIDocument.oneOf(["all", "venue", "symbol"]), "уровень"),
                       ("type", OpenAPIDocument.oneOf(["service", "connector", "function", "storage", "security"]), "вид компонента"), group],
               responses: bad),
            Op(method: "GET", path: "/api/ui/health/history", summary: "История score_pct по корзинам", tag: "health",
               query: [("from", OpenAPIDocument.string, "начало, ISO-8601 или мс"), ("to", OpenAPIDocument.string, "конец"),
                       ("bucket", OpenAPIDocument.string, "корзина, например 5m")],
               responses: bad),
            Op(method: "GET", path: "/api/ui/status/overview", summary: "Статус системы (§10.1)", tag: "status", query: [group], responses: bad),
            Op(method: "GET", path: "/api/ui/status/components", summary: "Карточки компонентов", tag: "status", query: [group], responses: bad),
            Op(method: "GET", path: "/api/ui/status/slo", summary: "SLO и бюджет исключений", tag: "status", responses: OpenAPIDocument.auth),
            Op(method: "GET", path: "/live-readiness", summary: "Готовность к торговле с причинами", tag: "status", responses: OpenAPIDocument.auth),
        ] + views
    }

    static var views: [Op] {
        let unavailable = OpenAPIDocument.auth.merging(["503": "торговый контур или стратегия не запущены"]) { a, _ in a }
        return [
            Op(method: "GET", path: "/api/ui/recon/status", summary: "Последняя сверка с биржами", tag: "recon", responses: unavailable),
            Op(method: "GET", path: "/api/ui/recon/diffs", summary: "Расхождения последней сверки", tag: "recon", responses: unavailable),
            Op(method: "GET", path: "/api/ui/recon/orders", summary: "Незавершённые ордера журнала", tag: "recon", responses: unavailable),
            Op(method: "GET", path: "/api/ui/recon/positions", summary: "Позиции по сделкам бота", tag: "recon", responses: unavailable),
            Op(method: "GET", path: "/api/ui/ops/invariants", summary: "Инварианты портфеля", tag: "ops", responses: unavailable),
            Op(method: "GET", path: "/api/ui/ops/flags", summary: "Флаги процесса", tag: "ops", responses: OpenAPIDocument.auth),
            Op(method: "GET", path: "/api/ui/risk/budget", summary: "Использование лимитов и бюджет исключений", tag: "ops", responses: unavailable),
            Op(method: "GET", path: "/api/ui/ops/latency", summary: "Задержки (p95 разрывов WS, цикла ордера)", tag: "ops", responses: unavailable),
            Op(method: "GET", path: "/metrics/latency", summary: "Задержки (то же, для мониторинга)", tag: "system", responses: unavailable),
            Op(method: "GET", path: "/api/md/meta", summary: "Правила инструментов и состояние стаканов", tag: "market-data", responses: OpenAPIDocument.auth),
        ]
    }
}
