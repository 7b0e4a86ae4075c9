import PropCore

/// Why the risk gate stopped an order before it reached the journal ("denied" is ours; "rejected" is the venue's).
/// Each case has a stable code for metrics and the journal, and Russian text naming the limit and the values.
public enum RiskDenial: PropError, Hashable {
    case invalidOrder(InstrumentId, qty: Qty)
    case noReferencePrice(InstrumentId)
    case reduceOnlyWouldIncrease(InstrumentId, position: Qty, orderNotional: Qty)
    case orderNotionalCap(InstrumentId, notional: Qty, cap: Qty)
    case instrumentNotionalCap(InstrumentId, after: Qty, cap: Qty)
    case longCap(InstrumentId, after: Qty, cap: Qty)
    case shortCap(InstrumentId, after: Qty, cap: Qty)
    case venueGrossCap(Venue, after: Qty, cap: Qty)
    case globalGrossCap(after: Qty, cap: Qty)
    case netAssetCap(base: String, after: Qty, cap: Qty)
    case leverageCap(grossAfter: Qty, equity: Qty, maxLeverage: Qty)
    case openArbitragesCap(open: Int, cap: Int)
    case inFlightCap(inFlight: Int, cap: Int)
    case ordersPerSecond(count: Int, cap: Int)
    case ordersPerMinute(count: Int, cap: Int)
    case runawayBreaker(InstrumentId, actions: Int, cap: Int)
    case routeStopped(InstrumentId)
    case priceBand(InstrumentId, price: Price, reference: Price, bandBps: Int64)
    case noBook(InstrumentId)
    case staleBook(InstrumentId, ageMs: UInt64, maxMs: UInt64)
    case crossedBook(InstrumentId, bid: Price, ask: Price)
    case midMarkDivergence(InstrumentId, mid: Price, mark: Price, capBps: Int64)
    case fundingCap(InstrumentId, rate: FundingRate, capBps: Int64)
    case basisCap(InstrumentId, mark: Price, index: Price, capBps: Int64)
    case dailyLossCap(pnlToday: Qty, cap: Qty)
    case drawdownCap(drawdown: Qty, cap: Qty)
    case hold(reason: String)

    public var code: String {
        switch self {
        case .invalidOrder: "risk_invalid_order"
        case .noReferencePrice: "risk_no_reference_price"
        case .reduceOnlyWouldIncrease: "risk_reduce_only_increases"
        case .orderNotionalCap: "risk_order_notional_cap"
        case .instrumentNotionalCap: "risk_instrument_notional_cap"
        case .longCap: "risk_long_cap"
        case .shortCap: "risk_short_cap"
        case .venueGrossCap: "risk_venue_gross_cap"
        case .globalGrossCap: "risk_global_gross_cap"
        case .netAssetCap: "risk_net_asset_cap"
        case .leverageCap: "risk_leverage_cap"
        case .openArbitragesCap: "risk_open_arbitrages_cap"
        case .inFlightCap: "risk_in_flight_cap"
        case .ordersPerSecond: "risk_orders_per_second"
        case .ordersPerMinute: "risk_orders_per_minute"
        case .runawayBreaker: "risk_runaway_breaker"
        case .routeStopped: "risk_route_stopped"
        case .priceBand: "risk_price_band"
        case .noBook: "risk_no_book"
        case .staleBook: "risk_stale_book"
        case .crossedBook: "risk_crossed_book"
        case .midMarkDivergence: "risk_mid_mark_divergence"
        case .fundingCap: "risk_funding_cap"
        case .basisCap: "risk_basis_cap"
        case .dailyLossCap: "risk_daily_loss_cap"
        case .drawdownCap: "risk_drawdown_cap"
        case .hold: "risk_hold"
        }
    }

    public var messageRu: String {
        switch self {
        case .invalidOrder(let i, let q):
            "Заявка по \(i) с количеством \(q): количество должно быть больше нуля"
        case .noReferencePrice(let i):
            "Нет цены для оценки заявки по \(i): ни цены заявки, ни стакана, ни mark"
        case .reduceOnlyWouldIncrease(let i, let p, let n):
            "Заявка reduce_only по \(i) на \(n) USDT не уменьшает позицию \(p) USDT"
        case .orderNotionalCap(let i, let n, let cap):
            "Объём заявки по \(i) \(n) USDT превышает лимит max_order_notional \(cap) USDT"
        case .instrumentNotionalCap(let i, let a, let cap):
            "Позиция по \(i) после заявки \(a) USDT превысит лимит max_instrument_notional \(cap) USDT"
        case .longCap(let i, let a, let cap):
            "Длинная позиция по \(i) после заявки \(a) USDT превысит лимит max_long_notional \(cap) USDT"
        case .shortCap(let i, let a, let cap):
            "Короткая позиция по \(i) после заявки \(a) USDT превысит лимит max_short_notional \(cap) USDT"
        case .venueGrossCap(let v, let a, let cap):
            "Валовая позиция на бирже \(v.canonicalName) после заявки \(a) USDT превысит лимит max_venue_gross \(cap) USDT"
        case .globalGrossCap(let a, let cap):
            "Общая валовая позиция после заявки \(a) USDT превысит лимит max_global_gross \(cap) USDT"
        case .netAssetCap(let b, let a, let cap):
            "Чистая позиция по \(b) после заявки \(a) USDT превысит лимит max_net_per_asset \(cap) USDT"
        case .leverageCap(let g, let e, let l):
            "Плечо после заявки (валовая позиция \(g) USDT при капитале \(e) USDT) превысит лимит max_leverage \(l)"
        case .openArbitragesCap(let o, let cap):
            "Открыто арбитражей: \(o), лимит max_open_arbitrages \(cap)"
        case .inFlightCap(let n, let cap):
            "Заявок в пути: \(n), лимит max_in_flight_orders \(cap)"
        case .ordersPerSecond(let n, let cap):
            "Заявок за последнюю секунду: \(n), лимит max_orders_per_second \(cap)"
        case .ordersPerMinute(let n, let cap):
            "Заявок за последнюю минуту: \(n), лимит max_orders_per_minute \(cap)"
        case .runawayBreaker(let i, let n, let cap):
            "Маршрут \(i) остановлен: \(n) заявок и отмен за минуту, лимит runaway_actions_per_minute \(cap)"
        case .routeStopped(let i):
            "Маршрут \(i) остановлен предохранителем runaway_actions_per_minute"
        case .priceBand(let i, let p, let r, let band):
            "Цена заявки по \(i) \(p) отклоняется от опорной \(r) на \(Bps.display(p, r, ref: r)) б.п., лимит price_band_bps \(band)"
        case .noBook(let i):
            "Нет стакана по \(i): новая позиция не открывается"
        case .staleBook(let i, let age, let max):
            "Стакан по \(i) устарел: возраст \(age) мс, лимит book_freshness_ms \(max)"
        case .crossedBook(let i, let b, let a):
            "Стакан по \(i) пересечён или сомкнут: bid \(b) ≥ ask \(a)"
        case .midMarkDivergence(let i, let mid, let mark, let cap):
            "Середина стакана \(mid) и mark \(mark) по \(i) расходятся на \(Bps.display(mid, mark, ref: mark)) б.п., лимит max_mid_mark_divergence_bps \(cap)"
        case .fundingCap(let i, let r, let cap):
            "Ставка финансирования по \(i) \(r) (\(Bps.display(fraction: r)) б.п.) превышает лимит max_funding_bps \(cap)"
        case .basisCap(let i, let mark, let index, let cap):
            "Базис по \(i): mark \(mark), индекс \(index), \(Bps.display(mark, index, ref: index)) б.п., лимит max_basis_bps \(cap)"
        case .dailyLossCap(let pnl, let cap):
            "Убыток за день \(pnl) USDT превысил лимит daily_loss_cap \(cap) USDT: режим HOLD"
        case .drawdownCap(let dd, let cap):
            "Просадка за день \(dd) USDT превысила лимит max_intraday_drawdown \(cap) USDT: режим HOLD"
        case .hold(let reason):
            "Режим HOLD: новые позиции запрещены (\(reason))"
        }
    }

    public var hintRu: String {
        switch self {
        case .invalidOrder: "Проверьте расчёт размера заявки"
        case .noReferencePrice: "Дождитесь стакана или mark-цены по инструменту"
        case .reduceOnlyWouldIncrease: "Проверьте сторону и размер закрывающей заявки"
        case .orderNotionalCap, .instrumentNotionalCap, .longCap, .shortCap, .venueGrossCap, .globalGrossCap,
             .netAssetCap, .leverageCap:
            "Уменьшите размер заявки или уровень риска, либо поднимите лимит в профиле"
        case .openArbitragesCap: "Дождитесь закрытия открытых арбитражей"
        case .inFlightCap: "Дождитесь ответов биржи по отправленным заявкам"
        case .ordersPerSecond, .ordersPerMinute: "Заявки пойдут снова, когда окно освободится"
        case .runawayBreaker, .routeStopped: "Разберитесь в причине лавины заявок и сбросьте маршрут явной командой"
        case .priceBand: "Проверьте цену заявки и актуальность стакана"
        case .noBook, .staleBook, .crossedBook: "Дождитесь свежего непересечённого стакана"
        case .midMarkDivergence, .basisCap: "Дождитесь схождения цен или поднимите порог в профиле"
        case .fundingCap: "Дождитесь нормализации ставки финансирования или поднимите max_funding_bps"
        case .dailyLossCap, .drawdownCap, .hold:
            "Закрывающие (reduce_only) заявки разрешены; снятие HOLD — только явной командой сброса"
        }
    }
}

/// The gate's answer for one order.
public enum RiskDecision: Sendable, Hashable {
    case allow
    case deny(RiskDenial)

    public var isAllowed: Bool { self == .allow }
    public var denial: RiskDenial? { if case .deny(let d) = self { d } else { nil } }
}
