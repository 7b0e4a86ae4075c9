public import PropCore

/// The catalogue of components the runtime registers and feeds (§10.2), with Russian titles, group, kind and
/// weight. Per-venue components are `md.<venue>`, `orders.<venue>` and `conformance.<venue>`.
public enum StandardComponents {
    /// Weight by group: one red P0 must pull the score down more than a red P3.
    static func weight(_ g: ComponentGroup) -> Double {
        switch g {
        case .p0: 3
        case .p1: 2
        case .p2: 1
        case .p3: 0.5
        }
    }

    static func spec(_ id: String, _ title: String, _ g: ComponentGroup, _ kind: ComponentKind, runbook: String? = nil,
                     venue: Venue? = nil, enabled: Bool = true) -> ComponentSpec {
        var links = [ComponentLink(title: "Метрики", href: "/metrics"),
                     ComponentLink(title: "Детали", href: "/api/ui/health/components?scope=all")]
        if let runbook { links.append(ComponentLink(title: "Инструкция", href: "/docs/runbooks/\(runbook).md")) }
        return ComponentSpec(id: id, titleRu: title, group: g, kind: kind, weight: weight(g), enabled: enabled,
                             scope: HealthScope(venue: venue?.rawValue), links: links)
    }

    /// Bot-wide components, in display order.
    public static let global: [ComponentSpec] = [
        spec(Id.journal, "Журнал ордеров", .p0, .storage, runbook: "journal"),
        spec(Id.journalOutbox, "Outbox журнала (пропусков 0)", .p0, .storage, runbook: "journal"),
        spec(Id.guardedStartup, "Защищённый запуск", .p0, .function, runbook: "control-plane"),
        spec(Id.leaderFencing, "Лидер и фенсинг (split-brain 0)", .p0, .security, runbook: "control-plane"),
        spec(Id.recon, "Сверка позиций и балансов (расхождений 0)", .p0, .function),
        spec(Id.keysSecurity, "Ключи и безопасность", .p0, .security, runbook: "config"),
        spec(Id.audit, "Журнал аудита (WORM)", .p0, .security, runbook: "control-plane"),
        spec(Id.risk, "Риск-лимиты и просадка", .p0, .function, runbook: "strategy"),
        spec(Id.controlState, "Состояние управления (RUN/PAUSE/HOLD)", .p0, .service, runbook: "control-plane"),
        spec(Id.clock, "Синхронизация часов с биржами", .p0, .function, runbook: "health-status"),
        spec(Id.marketData, "Рыночные данные: кворум и паузы", .p0, .function, runbook: "market-data"),
        spec(Id.liveReadiness, "Готовность к live (/live-readiness)", .p1, .function, runbook: "health-status"),
        spec(Id.config, "Конфигурация (validate/apply/rollback)", .p1, .service, runbook: "config"),
        spec(Id.stream, "Поток событий UI (/api/ui/stream)", .p1, .service),
        spec(Id.rateLimiter, "Ограничитель частоты запросов к биржам", .p1, .function, runbook: "execution"),
        spec(Id.strategy, "Стратегия арбитража", .p1, .service, runbook: "strategy"),
        spec(Id.execution, "Исполнение: цикл ордера, отклонения, отмены", .p1, .function, runbook: "execution"),
        spec(Id.hedging, "Хеджирование и риск ноги", .p1, .function, runbook: "strategy"),
        spec(Id.slo, "SLO и exception-budget", .p1, .function, runbook: "health-status"),
        spec(Id.bookQueues, "Очереди событий движка (backpressure)", .p2, .service),
        spec(Id.metrics, "Экспорт метрик Prometheus", .p2, .service),
        spec(Id.telegram, "Telegram-бот", .p2, .service),
        spec(Id.reports, "Отчёты, экспорт и реплей", .p3, .function),
        spec(Id.backtest, "Бэктест", .p3, .function),
    ]

    /// The three components of one venue.
    public static func venue(_ v: Venue, enabled: Bool) -> [ComponentSpec] {
        let name = v == .okx ? "OKX" : v == .bybit ? "Bybit" : "Binance"
        return [
            spec(Id.marketData(v), "Рыночные данные \(name)", .p0, .connector, runbook: "market-data", venue: v, enabled: enabled),
            spec(Id.orders(v), "Ордерный канал \(name)", .p0, .connector, runbook: "execution", venue: v, enabled: enabled),
            spec(Id.conformance(v), "Соответствие протоколу \(name)", .p0, .connector, venue: v, enabled: enabled),
        ]
    }

    /// Everything for a run: bot-wide components, every venue (switched-off venues GRAY and out of the score),
    /// and the simulator when it runs.
    public static func catalogue(enabledVenues: Set<Venue>, simulator: Bool = false) -> [ComponentSpec] {
        var all = global
        for v in Venue.allCases { all += venue(v, enabled: enabledVenues.contains(v)) }
        if simulator { all.append(spec(Id.simulator, "Встроенный симулятор бирж", .p2, .service, runbook: "demo")) }
        return all
    }

    /// Component ids, so the runtime and tests never spell them by hand.
    public enum Id {
        public static let journal = "journal"
        public static let journalOutbox = "journal_outbox"
        public static let guardedStartup = "guarded_startup"
        public static let leaderFencing = "leader_fencing"
        public static let recon = "recon"
        public static let keysSecurity = "keys_security"
        public static let audit = "audit"
        public static let risk = "risk"
        public static let controlState = "control_state"
        public static let clock = "clock"
        public static let marketData = "market_data"
        public static let liveReadiness = "live_readiness"
        public static let config = "config"
        public static let stream = "stream"
        public static let rateLimiter = "rate_limiter"
        public static let strategy = "strategy"
        public static let execution = "execution"
        public static let hedging = "hedging"
        public static let slo = "slo"
        public static let bookQueues = "engine_queues"
        public static let metrics = "metrics"
        public static let telegram = "telegram"
        public static let reports = "reports"
        public static let backtest = "backtest"
        public static let simulator = "sim"
        public static func marketData(_ v: Venue) -> String { "md.\(v.rawValue)" }
        public static func orders(_ v: Venue) -> String { "orders.\(v.rawValue)" }
        public static func conformance(_ v: Venue) -> String { "conformance.\(v.rawValue)" }
    }
}
