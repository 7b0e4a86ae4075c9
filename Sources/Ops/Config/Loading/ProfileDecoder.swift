import PropCore
import Yams

/// Walks a composed profile tree section by section into a `ProfileConfig`, recording every problem in the
/// reader. Rules that involve several sections run afterwards in `ProfileRules`.
struct ProfileDecoder {
    var reader: NodeReader
    /// The profile the file name says this is (`configs/live.yaml` → live), if any.
    let intended: ProfileKind?
    /// List index and line of each parsed instrument, parallel to `ProfileConfig.instruments`.
    private(set) var instrumentPositions: [InstrumentPosition] = []

    init(reader: NodeReader, intended: ProfileKind?) {
        self.reader = reader; self.intended = intended
    }

    mutating func decode(root: Node) -> ProfileConfig? {
        guard let top = reader.mapping(root, path: "") else { return nil }
        reader.checkKeys(top, allowed: ProfileSchema.root)

        let profile = readProfile(top)
        let server = readServer(top)
        let sim = readSim(top, profile: profile)
        let storage = readStorage(top, profile: profile)
        let marketData = readMarketData(top)
        let execution = readExecution(top)
        let risk = readRisk(top)
        var strategy = readStrategy(top)
        let logging = readLogging(top)
        let secretsFile = readSecretsFile(top)
        let ops = readOps(top, profile: profile)
        let status = readStatus(top)
        let venues = readVenues(top, profile: profile, sim: sim)
        let instruments = readInstruments(top, profile: profile, venues: venues)
        strategy.overrides = readStrategyOverrides(top, instruments: instruments)
        return ProfileConfig(
            profile: profile, server: server, sim: sim, storage: storage, marketData: marketData,
            execution: execution, strategy: strategy, risk: risk, venues: venues, instruments: instruments, logging: logging, secretsFile: secretsFile,
            ops: ops, status: status
        )
    }

    // MARK: sections

    private mutating func readProfile(_ top: ConfigMapping) -> ProfileKind {
        let fallback = intended ?? .demo
        guard let node = top.value("profile") else {
            reader.report("profile", line: top.line, code: "missing_key",
                          problem: "не задан обязательный ключ «profile»",
                          hint: "Добавьте первой строкой «profile: \(fallback.rawValue)» "
                              + "(допустимо: \(ProfileKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            return fallback
        }
        let kind = reader.choice(node, path: "profile", default: fallback)
        if let intended, kind != intended, reader.issues.last?.path != "profile" {
            reader.report("profile", line: node.mark?.line, code: "profile_mismatch",
                          problem: "в файле профиля «\(intended.rawValue)» указано «profile: \(kind.rawValue)»",
                          hint: "Исправьте на «profile: \(intended.rawValue)» или переименуйте файл в "
                              + "\(kind.rawValue).yaml — имя файла и профиль должны совпадать")
        }
        return kind
    }

    private mutating func readServer(_ top: ConfigMapping) -> ServerConfig {
        let d = ServerConfig()
        guard let m = reader.section(top, "server", allowed: ProfileSchema.server) else { return d }
        let host = reader.string(m, "host")
        if let host { reader.remember(m.path(of: "host"), host.line) }
        return ServerConfig(
            host: host?.text ?? d.host,
            port: reader.int(m, "port", default: d.port, range: ProfileSchema.portRange),
            allowRemote: reader.bool(m, "allow_remote", default: d.allowRemote)
        )
    }

    private mutating func readSim(_ top: ConfigMapping, profile: ProfileKind) -> SimConfig {
        let d = SimConfig(enabled: profile == .demo)
        guard let m = reader.section(top, "sim", allowed: ProfileSchema.sim) else { return d }
        return SimConfig(
            enabled: reader.bool(m, "enabled", default: d.enabled),
            seed: UInt64(reader.int(m, "seed", default: Int(d.seed), range: ProfileSchema.seedRange)),
            port: reader.int(m, "port", default: d.port, range: ProfileSchema.portRange),
            tickMs: reader.int(m, "tick_ms", default: d.tickMs, range: ProfileSchema.tickMsRange)
        )
    }

    private mutating func readStorage(_ top: ConfigMapping, profile: ProfileKind) -> StorageConfig {
        let d = StorageConfig(path: profile.defaultStoragePath)
        guard let m = reader.section(top, "storage", allowed: ProfileSchema.storage) else { return d }
        return StorageConfig(path: reader.string(m, "path")?.text ?? d.path)
    }

    private mutating func readMarketData(_ top: ConfigMapping) -> MarketDataConfig {
        let d = MarketDataConfig()
        guard let m = reader.section(top, "market_data", allowed: ProfileSchema.marketData) else { return d }
        var reconnect = d.reconnect
        if let r = reader.section(m, "reconnect", allowed: ProfileSchema.reconnect) {
            reconnect = ReconnectConfig(
                initialMs: reader.int(r, "initial_ms", default: d.reconnect.initialMs,
                                      range: ProfileSchema.reconnectInitialMsRange),
                maxMs: reader.int(r, "max_ms", default: d.reconnect.maxMs, range: ProfileSchema.reconnectMaxMsRange),
                jitter: reader.double(r, "jitter", default: d.reconnect.jitter, range: ProfileSchema.jitterRange)
            )
        }
        return MarketDataConfig(
            staleMs: reader.int(m, "stale_ms", default: d.staleMs, range: ProfileSchema.staleMsRange),
            depth: reader.int(m, "depth", default: d.depth, range: ProfileSchema.depthRange),
            reconnect: reconnect,
            pingIntervalMs: reader.int(m, "ping_interval_ms", default: d.pingIntervalMs,
                                       range: ProfileSchema.pingIntervalMsRange),
            snapshotLimit: reader.int(m, "snapshot_limit", default: d.snapshotLimit,
                                      range: ProfileSchema.snapshotLimitRange)
        )
    }

    private mutating func readExecution(_ top: ConfigMapping) -> ExecutionConfig {
        let d = ExecutionConfig()
        guard let m = reader.section(top, "execution", allowed: ProfileSchema.execution) else { return d }
        let timeouts = ProfileSchema.orderTimeoutMsRange
        return ExecutionConfig(
            placeTimeoutMs: reader.int(m, "place_timeout_ms", default: d.placeTimeoutMs, range: timeouts),
            cancelTimeoutMs: reader.int(m, "cancel_timeout_ms", default: d.cancelTimeoutMs, range: timeouts),
            maxResends: reader.int(m, "max_resends", default: d.maxResends, range: ProfileSchema.maxResendsRange),
            deadManTimeoutMs: reader.int(m, "dead_man_timeout_ms", default: d.deadManTimeoutMs,
                                         range: ProfileSchema.deadManTimeoutMsRange),
            deadManRefreshMs: reader.int(m, "dead_man_refresh_ms", default: d.deadManRefreshMs,
                                         range: ProfileSchema.deadManRefreshMsRange),
            cancelOnDisconnectMs: reader.int(m, "cancel_on_disconnect_ms", default: d.cancelOnDisconnectMs,
                                             range: ProfileSchema.cancelOnDisconnectMsRange),
            recvWindowMs: reader.int(m, "recv_window_ms", default: d.recvWindowMs, range: ProfileSchema.recvWindowMsRange),
            requestTimeoutMs: reader.int(m, "request_timeout_ms", default: d.requestTimeoutMs, range: timeouts)
        )
    }

    private mutating func readLogging(_ top: ConfigMapping) -> LoggingConfig {
        let d = LoggingConfig()
        guard let m = reader.section(top, "logging", allowed: ProfileSchema.logging) else { return d }
        return LoggingConfig(
            level: reader.choice(m, "level", default: d.level),
            format: reader.choice(m, "format", default: d.format)
        )
    }

    mutating func readOps(_ top: ConfigMapping, profile: ProfileKind) -> OpsConfig {
        let d = OpsConfig.defaults(for: profile)
        guard let m = reader.section(top, "ops", allowed: ProfileSchema.ops) else { return d }
        return OpsConfig(
            tokensFile: reader.string(m, "tokens_file")?.text ?? d.tokensFile,
            anonymousLocalReads: reader.bool(m, "anonymous_local_reads", default: d.anonymousLocalReads),
            approvalTTLSeconds: reader.int(m, "approval_ttl_s", default: d.approvalTTLSeconds,
                                           range: ProfileSchema.approvalTTLSecondsRange),
            auditPath: reader.string(m, "audit_path")?.text ?? d.auditPath,
            stateFile: reader.string(m, "state_file")?.text ?? d.stateFile,
            maxClockSkewMs: reader.int(m, "max_clock_skew_ms", default: d.maxClockSkewMs, range: ProfileSchema.maxClockSkewMsRange),
            requireLeaderLease: reader.bool(m, "require_leader_lease", default: d.requireLeaderLease),
            leasePath: reader.string(m, "lease_path")?.text ?? d.leasePath,
            leaseTTLms: reader.int(m, "lease_ttl_ms", default: d.leaseTTLms, range: ProfileSchema.leaseTTLmsRange)
        )
    }

    /// `status:`: the SLO site, the thresholds file and overrides of it, checked like the file itself.
    mutating func readStatus(_ top: ConfigMapping) -> StatusConfig {
        guard let m = reader.section(top, "status", allowed: ProfileSchema.status) else { return StatusConfig() }
        let overrides = reader.statusOverrides(m)
        reader.checkMerged(StatusThresholds.defaults.applying(overrides), path: m.path, line: m.line)
        return StatusConfig(site: reader.choice(m, "site", default: SLOSite.local),
                            thresholdsFile: reader.string(m, "thresholds_file")?.text, overrides: overrides)
    }

    /// `secrets_file: ${PROPBOT_SECRETS_FILE:-}` expanding to nothing means "no secrets file", so shipped
    /// profiles can offer the option without requiring the file.
    private mutating func readSecretsFile(_ top: ConfigMapping) -> String? {
        guard let node = top.value("secrets_file"), !NodeReader.isNull(node) else { return nil }
        if case .scalar(let s) = node, case .text(let text, true) = reader.resolver.expand(s.string),
            text.trimmingWhitespace.isEmpty
        {
            return nil
        }
        return reader.string(top, "secrets_file")?.text
    }

    // MARK: venues

    private mutating func readVenues(_ top: ConfigMapping, profile: ProfileKind, sim: SimConfig) -> VenuesConfig {
        var venues = readVenueSections(top, profile: profile, sim: sim)
        // Every venue carries its fee tier, so a profile read from a file equals one built with explicit fees.
        for venue in Venue.allCases where venues[venue].fees == nil { venues[venue].fees = .publishedBaseTier(venue) }
        return venues
    }

    private mutating func readVenueSections(_ top: ConfigMapping, profile: ProfileKind, sim: SimConfig) -> VenuesConfig {
        // Demo without a venues section runs all three simulated venues; other modes only what is listed.
        let absent = profile == .demo ? VenueConfig(enabled: true) : .disabled
        var venues = VenuesConfig(binance: absent, okx: absent, bybit: absent)
        guard let node = top.value("venues"), !NodeReader.isNull(node),
              let m = reader.mapping(node, path: "venues") else { return venues }
        reportUnknownVenues(m)
        for venue in Venue.allCases {
            venues[venue] = .disabled
            guard let node = m.value(venue.rawValue) else { continue }
            let path = m.path(of: venue.rawValue)
            // `binance:` with nothing under it means "on, with defaults", like `binance: {}`.
            let block = NodeReader.isNull(node) ? Node.mapping(Node.Mapping([], .implicit, .any, node.mark)) : node
            guard let v = reader.mapping(block, path: path) else { continue }
            reader.checkKeys(v, allowed: venue == .okx ? ProfileSchema.okxVenue : ProfileSchema.venue)
            venues[venue] = readVenue(v, venue: venue, profile: profile, sim: sim)
        }
        return venues
    }

    private mutating func readVenue(
        _ m: ConfigMapping, venue: Venue, profile: ProfileKind, sim: SimConfig
    ) -> VenueConfig {
        let enabled = reader.bool(m, "enabled", default: true)
        // In demo with the in-process simulator the URLs are the simulator's, filled in at run time.
        let urlsRequired = enabled && !(profile == .demo && sim.enabled)
        let rest = readURL(m, "rest_url", schemes: ["https", "http"], required: urlsRequired, profile: profile)
        let ws = readURL(m, "ws_url", schemes: ["wss", "ws"], required: urlsRequired, profile: profile)

        let keysRequired = enabled && profile.requiresVenueKeys
        let apiKey = readSecret(m, "api_key", required: keysRequired, profile: profile)
        let apiSecret = readSecret(m, "api_secret", required: keysRequired, profile: profile)
        var passphrase = SecretField.absent
        var simulated = false
        if venue == .okx {
            passphrase = readSecret(m, "passphrase", required: keysRequired, profile: profile)
            simulated = reader.bool(m, "simulated_trading", default: false)
            if simulated, profile == .live {
                reader.report(m.path(of: "simulated_trading"), line: m.line(of: "simulated_trading"),
                              code: "live_simulated_trading",
                              problem: "в профиле live включена демо-торговля OKX (simulated_trading: true)",
                              hint: "Для live уберите simulated_trading; демо-торговля OKX — это профиль testnet")
            }
        }
        // Where keys are required the missing secret is already reported; elsewhere half a key pair is a mistake.
        if enabled, !keysRequired, apiKey.secret != nil, case .absent = apiSecret {
            reader.report(m.path(of: "api_secret"), line: m.line, code: "secret_incomplete",
                          problem: "задан api_key, но не задан api_secret",
                          hint: "Укажите api_secret: ${\(venue.canonicalName)_API_SECRET} или уберите api_key")
        }
        return VenueConfig(
            enabled: enabled, restURL: rest, wsURL: ws,
            apiKey: apiKey.secret, apiSecret: apiSecret.secret, passphrase: passphrase.secret,
            simulatedTrading: simulated, fees: readFees(m, venue: venue)
        )
    }

    /// A venue name PropBot has no connector for: named as such, with the closest supported one if any.
    private mutating func reportUnknownVenues(_ m: ConfigMapping) {
        let known = ProfileSchema.venues
        for entry in m.entries where !known.contains(entry.key) {
            var hint = "PropBot работает с биржами \(known.joined(separator: ", ")); уберите раздел или исправьте имя"
            if let guess = KeySuggester.closest(to: entry.key, in: known) { hint = "возможно, вы имели в виду «\(guess)». " + hint }
            reader.report(m.path(of: entry.key), line: entry.keyLine, column: entry.keyColumn, code: "venue_unknown",
                          problem: "неизвестная биржа «\(entry.key)»", hint: hint)
        }
    }

    /// `fees: {maker_bps, taker_bps}`; a key left out keeps the venue's published base-tier rate.
    private mutating func readFees(_ m: ConfigMapping, venue: Venue) -> FeeTierConfig {
        let d = FeeTierConfig.publishedBaseTier(venue)
        guard let f = reader.section(m, "fees", allowed: ProfileSchema.venueFees) else { return d }
        return FeeTierConfig(
            makerBps: reader.double(f, "maker_bps", default: d.makerBps, range: ProfileSchema.makerFeeBpsRange),
            takerBps: reader.double(f, "taker_bps", default: d.takerBps, range: ProfileSchema.takerFeeBpsRange,
                                    floor: Self.takerFeeFloor)
        )
    }

    /// Venues pay rebates to resting orders only; a negative taker rate is a sign error.
    static let takerFeeFloor = NodeReader.Floor(
        code: "venue_fee_taker_negative",
        problem: { "комиссия тейкера \($0) б.п. отрицательная: биржи не платят за снятие ликвидности" },
        hint: "Укажите taker_bps ≥ 0 (базовый уровень: 5 б.п. на Binance и OKX, 5.5 б.п. на Bybit); скидка (rebate) "
            + "бывает только у мейкера — maker_bps может быть отрицательным")

    private mutating func readURL(
        _ m: ConfigMapping, _ key: String, schemes: [String], required: Bool, profile: ProfileKind
    ) -> String? {
        let path = m.path(of: key)
        guard let s = reader.string(m, key, nullIsAbsent: true) else {
            if required, !m.has(key) || ConfigMapping.isNullValue(m.value(key)) {
                reader.report(path, line: m.line, code: "missing_key",
                              problem: "не задан обязательный ключ «\(key)» для включённой биржи",
                              hint: "Укажите адрес биржи (см. docs/runbooks/config.md) или выключите биржу: enabled: false")
            }
            return nil
        }
        guard let url = URLCheck(s.text), schemes.contains(url.scheme), !url.host.isEmpty else {
            reader.report(path, line: s.line, column: s.column, code: "url_invalid",
                          problem: "неверный адрес \(s.shown)",
                          hint: "Ожидается адрес вида \(schemes[0])://хост[:порт]")
            return s.text
        }
        // Connectors append each venue's channel paths themselves, so a path here would be doubled.
        guard url.path.isEmpty || url.path == "/" else {
            reader.report(path, line: s.line, column: s.column, code: "url_has_path",
                          problem: "адрес \(s.shown) содержит путь «\(url.path)»",
                          hint: "Укажите только схему, хост и порт (например \(schemes[0])://\(url.host)"
                              + "\(url.port.map { ":\($0)" } ?? "")) — пути каналов бот добавляет сам")
            return s.text
        }
        if profile.movesRealMoney, url.scheme == "http" || url.scheme == "ws" {
            reader.report(path, line: s.line, column: s.column, code: "live_insecure_url",
                          problem: "в профиле live адрес без TLS (\(url.scheme)://)",
                          hint: "Используйте \(url.scheme == "http" ? "https" : "wss"):// — ключи и ордера "
                              + "не должны идти по незашифрованному каналу")
        }
        return url.path == "/" ? String(s.text.dropLast()) : s.text
    }

    /// Reads a credential. Its value never enters an issue; only the key and variable names do.
    private mutating func readSecret(
        _ m: ConfigMapping, _ key: String, required: Bool, profile: ProfileKind
    ) -> SecretField {
        let path = m.path(of: key)
        let field: SecretField
        if let node = m.value(key), !NodeReader.isNull(node) {
            reader.remember(path, node.mark?.line)
            if case .scalar(let s) = node {
                switch reader.resolver.expand(s.string) {
                case .text(let text, let substituted):
                    field = text.isEmpty ? .unset([], line: s.mark?.line)
                        : .value(Secret(text), inline: !substituted, line: s.mark?.line)
                case .missing(let names):
                    field = .unset(names, line: s.mark?.line)
                case .malformed:
                    reader.report(path, line: s.mark?.line, code: "env_reference_malformed",
                                  problem: "неверная ссылка на переменную окружения",
                                  hint: "Формат: ${ИМЯ} или ${ИМЯ:-значение_по_умолчанию}")
                    field = .invalid
                }
            } else {
                reader.report(path, line: node.mark?.line, code: "wrong_type",
                              problem: "ожидалась строка, получено: "
                                  + (node.mapping != nil ? "таблица" : "список"),
                              hint: "Укажите ссылку на переменную: \(key): ${ИМЯ_ПЕРЕМЕННОЙ}")
                field = .invalid
            }
        } else {
            field = .absent
        }

        switch field {
        case .value(_, true, let line) where profile != .demo && profile != .paper:
            reader.report(path, line: line, code: "secret_inline",
                          problem: "секрет записан прямо в файле профиля (значение не показывается)",
                          hint: "Замените на ссылку ${ИМЯ_ПЕРЕМЕННОЙ} и задайте значение в окружении или в "
                              + "secrets_file вне репозитория; считайте этот ключ скомпрометированным и выпустите новый")
        case .unset(let names, let line) where required:
            if names.isEmpty {
                reader.report(path, line: line, code: "secret_missing",
                              problem: "секрет пустой", hint: "Задайте непустое значение переменной окружения")
            } else {
                reader.reportMissingVariables(names, path: path, line: line, offerDefault: false)
            }
        case .absent where required:
            reader.report(path, line: m.line, code: "secret_missing",
                          problem: "не задан обязательный секрет «\(key)» для профиля \(profile.rawValue)",
                          hint: "Добавьте «\(key): ${ИМЯ_ПЕРЕМЕННОЙ}» и задайте переменную окружения")
        default:
            break
        }
        return field
    }

    // MARK: instruments

    private mutating func readInstruments(
        _ top: ConfigMapping, profile: ProfileKind, venues: VenuesConfig
    ) -> [InstrumentId] {
        guard let nodes = reader.sequence(top, "instruments") else {
            guard profile == .demo, !top.has("instruments") else { return [] }
            // Demo default: the built-in pairs on whichever venues the demo runs.
            let defaults = ProfileConfig.demoInstruments.filter { venues[$0.venue].enabled }
            instrumentPositions = defaults.indices.map { InstrumentPosition(index: $0, line: nil, column: nil) }
            return defaults
        }
        var out: [InstrumentId] = []
        for (i, node) in nodes.enumerated() {
            let path = "instruments[\(i)]"
            guard let s = reader.scalar(node, path: path, expected: "идентификатор инструмента") else { continue }
            do {
                out.append(try InstrumentId(parsing: s.text))
                instrumentPositions.append(InstrumentPosition(index: i, line: s.line, column: s.column))
            } catch {
                // The id error quotes its input; an expanded `${…}` must not be quoted back.
                let problem = s.substituted ? "неверный идентификатор инструмента \(s.shown)" : Self.lowerFirst(error.messageRu)
                reader.report(path, line: s.line, column: s.column, code: error.code, problem: problem, hint: error.hintRu)
            }
        }
        return out
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
