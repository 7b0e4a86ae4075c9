import PropCore

/// Rules across `strategy` and `risk`: the strategy must fit inside the caps, and the caps inside each other.
extension ProfileRules {
    static func checkStrategyAndRisk(_ c: ProfileConfig, _ r: inout NodeReader) {
        let s = c.strategy, k = c.risk
        if s.orderAmount > k.maxOrderNotional {
            r.report("strategy.order_amount", line: r.line("strategy.order_amount") ?? r.line("risk.max_order_notional"),
                     code: "strategy_amount_over_risk_cap",
                     problem: "order_amount \(s.orderAmount) USDT больше risk.max_order_notional \(k.maxOrderNotional) USDT: "
                         + "риск-контроль отклонит каждый ордер",
                     hint: "Уменьшите strategy.order_amount или поднимите risk.max_order_notional")
        }
        for id in s.overrides.keys.sorted() {
            guard let amount = s.overrides[id]?.orderAmount, amount > k.maxOrderNotional else { continue }
            let path = "strategy.overrides.\(id).order_amount"
            r.report(path, line: r.line(path), code: "strategy_amount_over_risk_cap",
                     problem: "order_amount \(amount) USDT для «\(id)» больше risk.max_order_notional "
                         + "\(k.maxOrderNotional) USDT",
                     hint: "Уменьшите order_amount в переопределении или поднимите risk.max_order_notional")
        }
        if k.maxInstrumentNotional > k.maxVenueGross {
            r.report("risk.max_instrument_notional", line: r.line("risk.max_instrument_notional"),
                     code: "risk_instrument_over_venue_cap",
                     problem: "max_instrument_notional \(k.maxInstrumentNotional) USDT больше max_venue_gross "
                         + "\(k.maxVenueGross) USDT",
                     hint: "Должно быть max_instrument_notional ≤ max_venue_gross ≤ max_gross")
        }
        if k.maxVenueGross > k.maxGross {
            r.report("risk.max_venue_gross", line: r.line("risk.max_venue_gross"), code: "risk_venue_over_gross_cap",
                     problem: "max_venue_gross \(k.maxVenueGross) USDT больше max_gross \(k.maxGross) USDT",
                     hint: "Должно быть max_instrument_notional ≤ max_venue_gross ≤ max_gross")
        }
        if k.maxOrdersPerMinute < k.maxOrdersPerSecond {
            r.report("risk.max_orders_per_minute", line: r.line("risk.max_orders_per_minute"),
                     code: "risk_throttle_inverted",
                     problem: "лимит в минуту (\(k.maxOrdersPerMinute)) меньше лимита в секунду (\(k.maxOrdersPerSecond))",
                     hint: "Сделайте max_orders_per_minute не меньше max_orders_per_second (например, 5 и 120)")
        }
        if c.profile.movesRealMoney, r.line("risk.daily_loss_limit") == nil {
            r.report("risk.daily_loss_limit", line: r.line("risk") ?? r.line("profile"),
                     code: "live_daily_loss_limit_missing",
                     problem: "в профиле \(c.profile.rawValue) не задан risk.daily_loss_limit",
                     hint: "Укажите явно дневной лимит убытка в USDT, например: risk: {daily_loss_limit: 200}")
        }
        checkEntryStyle(c, &r)
        checkLegRisk(c, &r)
        checkFees(c, &r)
    }
}
