/// One result of a component's check, as the runtime measured it.
public struct HealthCheck: Sendable, Hashable {
    /// The colour.
    public var status: HealthStatus
    /// Stable UPPER_SNAKE code (`WS_STALE`, `EXCHANGE_REJECTS`, `OK`).
    public var reasonCode: String
    /// What is going on, in Russian.
    public var reasonTextRu: String
    /// What the bot does about it or what the operator should do, in Russian.
    public var hintRu: String
    /// Numbers shown on the card (`lag_ms`, `gap`, `p95_ms`).
    public var metrics: [String: Double]
    /// What the check is about (venue/symbol), nil for the component's registered scope.
    public var scope: HealthScope?

    /// A result.
    public init(status: HealthStatus, reasonCode: String, reasonTextRu: String, hintRu: String = "",
                metrics: [String: Double] = [:], scope: HealthScope? = nil) {
        self.status = status; self.reasonCode = reasonCode; self.reasonTextRu = reasonTextRu; self.hintRu = hintRu
        self.metrics = metrics; self.scope = scope
    }

    /// A green result with the usual wording.
    public static func ok(_ textRu: String = "работает штатно", metrics: [String: Double] = [:]) -> HealthCheck {
        HealthCheck(status: .green, reasonCode: "OK", reasonTextRu: textRu, metrics: metrics)
    }

    /// What a component shows before its first check arrives.
    static let notMeasured = HealthCheck(status: .gray, reasonCode: "NO_DATA", reasonTextRu: "проверка ещё не выполнялась",
                                         hintRu: "Данные появятся после первой проверки компонента")
}
