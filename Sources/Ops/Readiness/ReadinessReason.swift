/// One reason `/live-readiness` is not ready: `{code, detail}`.
public struct ReadinessReason: Sendable, Hashable, Codable {
    /// Stable UPPER_SNAKE code: `HOLD`, `NOT_TRADING`, `NOT_LEADER`, `WS_STALE`, `SLO_BREACH`, `CLOCK_SKEW`,
    /// `RECON_MISMATCH`, `DRAWDOWN_LIMIT`, `BUDGET_EXHAUSTED`, `COMPONENT_RED`, `HEALTH_RED`, `VENUE_HALT`,
    /// `DATA_QUORUM`.
    public var code: String
    /// Specifics (`BTCUSDT 3500ms`, `binance: ws_gap_ms_p95 = 2047 мс при цели ≤ 400 мс`).
    public var detail: String

    /// A reason.
    public init(code: String, detail: String) { self.code = code; self.detail = detail }

    /// What the operator should do, in Russian.
    var adviceRu: String {
        switch code {
        case "HOLD": "Бот на HOLD: устраните причины и возобновите торговлю (красные причины — двумя операторами)"
        case "NOT_TRADING": "Торговля не запущена (PAUSE): запустите командой /start, когда готовы"
        case "NOT_LEADER": "Этот экземпляр не лидер: торгует другой хост; проверьте аренду лидера"
        case "WS_STALE": "Рыночные данные запаздывают: проверьте сеть и переподключите WS биржи"
        case "SLO_BREACH": "Нарушен SLO: проверьте задержки и ошибки бирж в панели System Status"
        case "CLOCK_SKEW": "Часы расходятся с биржами: включите синхронизацию времени (chrony/NTP)"
        case "RECON_MISMATCH": "Сверка не сходится: разберите расхождения в /api/ui/recon до возобновления"
        case "DRAWDOWN_LIMIT": "Превышена дневная просадка: возобновление только двумя операторами"
        case "BUDGET_EXHAUSTED": "Exception-budget на сегодня исчерпан: разберите причины нарушений SLO"
        case "VENUE_HALT": "Торговля на бирже остановлена: дождитесь восстановления или выключите биржу"
        case "DATA_QUORUM": "Мало бирж со свежими данными для арбитража: проверьте подключения"
        default: "Откройте панель здоровья: красные компоненты и подсказки к ним"
        }
    }
}
