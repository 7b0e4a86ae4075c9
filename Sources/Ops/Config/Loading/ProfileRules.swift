import PropCore

/// Checks that span several keys (consistency and safety rules), after every key has been read on its own.
enum ProfileRules {
    /// `positions[i]` is the list index and line of `c.instruments[i]` in the file.
    static func check(_ c: ProfileConfig, positions: [InstrumentPosition], reader: inout NodeReader) {
        checkServer(c, &reader)
        checkReconnect(c, &reader)
        checkDeadMan(c, &reader)
        checkStrategyAndRisk(c, &reader)
        checkLiveSafety(c, &reader)
        checkInstruments(c, positions, &reader)
    }

    private static func checkServer(_ c: ProfileConfig, _ r: inout NodeReader) {
        guard !c.server.isLoopback, !c.server.allowRemote else { return }
        r.report("server.host", line: r.line("server.host"), code: "server_remote_not_allowed",
                 problem: "API будет доступен извне по адресу «\(c.server.host)», но allow_remote не разрешён",
                 hint: "Оставьте host: 127.0.0.1 и ходите через SSH-туннель или обратный прокси с TLS; если доступ "
                     + "извне действительно нужен, добавьте server.allow_remote: true")
    }

    private static func checkReconnect(_ c: ProfileConfig, _ r: inout NodeReader) {
        let rc = c.marketData.reconnect
        guard rc.initialMs > rc.maxMs else { return }
        r.report("market_data.reconnect.initial_ms", line: r.line("market_data.reconnect.initial_ms"),
                 code: "reconnect_range_inverted",
                 problem: "начальная задержка переподключения \(rc.initialMs) мс больше максимальной \(rc.maxMs) мс",
                 hint: "Сделайте initial_ms не больше max_ms (например, 250 и 30000)")
    }

    private static func checkDeadMan(_ c: ProfileConfig, _ r: inout NodeReader) {
        let e = c.execution
        guard e.deadManRefreshMs * 2 > e.deadManTimeoutMs else { return }
        r.report("execution.dead_man_refresh_ms", line: r.line("execution.dead_man_refresh_ms"),
                 code: "dead_man_refresh_too_slow",
                 problem: "выключатель «мёртвой руки» обновляется раз в \(e.deadManRefreshMs) мс, а срабатывает через "
                     + "\(e.deadManTimeoutMs) мс: одна задержка обновления отменит все ордера",
                 hint: "Сделайте dead_man_refresh_ms не больше половины dead_man_timeout_ms (например, 15000 и 60000)")
    }

    private static func checkLiveSafety(_ c: ProfileConfig, _ r: inout NodeReader) {
        if c.profile.movesRealMoney, c.sim.enabled {
            r.report("sim.enabled", line: r.line("sim.enabled") ?? r.line("sim"), code: "live_sim_enabled",
                     problem: "в профиле live включён встроенный симулятор бирж",
                     hint: "Уберите sim или укажите sim.enabled: false; для работы с симулятором используйте профиль demo")
        }
        if c.profile != .demo, c.venues.enabledVenues.isEmpty {
            r.report("venues", line: r.line("venues"), code: "no_venues_enabled",
                     problem: "в профиле \(c.profile.rawValue) не включена ни одна биржа",
                     hint: "Опишите хотя бы две биржи в разделе venues (binance, okx, bybit) с enabled: true")
        }
    }

    private static func checkInstruments(
        _ c: ProfileConfig, _ positions: [InstrumentPosition], _ r: inout NodeReader
    ) {
        if c.profile != .demo, c.instruments.isEmpty, !r.issues.contains(where: { $0.path.hasPrefix("instruments") }) {
            r.report("instruments", line: r.line("instruments"), code: "instruments_missing",
                     problem: "в профиле \(c.profile.rawValue) не задан ни один инструмент",
                     hint: "Добавьте список, например: instruments: [BINANCE:PERP:BTC-USDT, OKX:PERP:BTC-USDT]")
        }
        var seen: [InstrumentId: Int] = [:]
        for (id, position) in zip(c.instruments, positions) {
            let index = position.index
            let path = "instruments[\(index)]"
            if let first = seen[id] {
                r.report(path, line: position.line, column: position.column, code: "instrument_duplicate",
                         problem: "инструмент «\(id)» указан повторно (впервые — instruments[\(first)])",
                         hint: "Удалите повтор")
                continue
            }
            seen[id] = index
            if id.type != .perp {
                r.report(path, line: position.line, column: position.column, code: "instrument_type_unsupported",
                         problem: "тип рынка \(id.type.rawValue) в «\(id)» не поддерживается",
                         hint: "PropBot торгует только бессрочными фьючерсами: используйте \(id.venue.canonicalName):PERP:\(id.pair)")
            }
            if !c.venues[id.venue].enabled {
                r.report(path, line: position.line, column: position.column, code: "instrument_venue_disabled",
                         problem: "инструмент «\(id)» относится к бирже \(id.venue.rawValue), которая выключена",
                         hint: "Включите venues.\(id.venue.rawValue) (enabled: true) или удалите инструмент")
            }
        }
    }
}
