import PropCore

/// Rules for `strategy.leg_risk`, the entry style and the venues' fee tiers: values that each pass their range
/// but together would stall the hedge, trip HOLD on every trade, or make the bounds meaningless.
extension ProfileRules {
    static func checkLegRisk(_ c: ProfileConfig, _ r: inout NodeReader) {
        let s = c.strategy, l = s.legRisk, k = c.risk
        func report(_ key: String, _ code: String, _ problem: String, _ hint: String) {
            let path = "strategy.leg_risk.\(key)"
            r.report(path, line: r.line(path) ?? r.line("strategy.leg_risk") ?? r.line("strategy"), code: code,
                     problem: problem, hint: hint)
        }
        // A hedge IOC is cancelled only after leg_timeout_ms; a shorter deadline HOLDs before the first hedge ends.
        if l.hedgeDeadlineMs < l.legTimeoutMs {
            report("hedge_deadline_ms", "leg_risk_deadline_below_leg_timeout",
                   "срок закрытия непокрытой ноги \(l.hedgeDeadlineMs) мс меньше тайм-аута ноги leg_timeout_ms "
                       + "\(l.legTimeoutMs) мс: HOLD наступит раньше, чем завершится первый же хедж",
                   "Сделайте hedge_deadline_ms ≥ leg_timeout_ms, с запасом на повтор (например, 5000 и 2000)")
        }
        if l.maxUnhedgedMs < l.hedgeDeadlineMs {
            report("max_unhedged_ms", "leg_risk_unhedged_ms_below_deadline",
                   "предел длительности непокрытой позиции \(l.maxUnhedgedMs) мс меньше срока хеджа hedge_deadline_ms "
                       + "\(l.hedgeDeadlineMs) мс: HOLD по экспозиции сработает раньше, чем хедж исчерпает свой срок",
                   "Сделайте max_unhedged_ms ≥ hedge_deadline_ms (например, 10000 и 5000)")
        }
        // The risk gate applies the band scaled by the level to every order, hedges and exits included.
        let band = k.priceBandBps * k.level / 100
        if k.level > 0, l.hedgeSlippageBps >= band {
            report("hedge_slippage_bps", "leg_risk_hedge_slippage_over_price_band",
                   "хедж заходит за лучшую цену на \(l.hedgeSlippageBps) б.п., а ценовой коридор риск-контроля при "
                       + "уровне \(k.level) — \(band) б.п. (price_band_bps \(k.priceBandBps) × \(k.level)/100): "
                       + "хедж, сворачивание и выход будут отклонены коридором",
                   "Сделайте hedge_slippage_bps меньше \(band) с запасом на половину спреда, или поднимите "
                       + "risk.price_band_bps / risk.level")
        }
        // Legs fill one at a time, so a whole leg is unhedged for a moment on every trade.
        let largestAmount = ([s.orderAmount] + s.overrides.values.compactMap(\.orderAmount)).max() ?? s.orderAmount
        if l.maxUnhedgedUsd < largestAmount {
            report("max_unhedged_usd", "leg_risk_unhedged_usd_below_order",
                   "предел непокрытой позиции \(l.maxUnhedgedUsd) USDT меньше номинала ноги \(largestAmount) USDT: "
                       + "ноги исполняются не одновременно, и HOLD сработает почти на каждой сделке",
                   "Сделайте max_unhedged_usd не меньше order_amount (и его переопределений), например \(largestAmount * 2)")
        }
        // One arbitrage per pair at a time, each leg ≤ max_order_notional: twice that already covers a lone leg
        // plus an overshooting hedge; a larger bound would never trip on notional.
        if l.maxUnhedgedUsd > 2 * k.maxOrderNotional {
            report("max_unhedged_usd", "leg_risk_unhedged_usd_over_bound",
                   "предел непокрытой позиции \(l.maxUnhedgedUsd) USDT больше 2 × risk.max_order_notional "
                       + "(\(2 * k.maxOrderNotional) USDT): такой предел никогда не сработает по сумме",
                   "Сделайте max_unhedged_usd ≤ \(2 * k.maxOrderNotional) или поднимите risk.max_order_notional")
        }
        if c.profile.movesRealMoney, r.line("strategy.leg_risk.max_unhedged_usd") == nil {
            r.report("strategy.leg_risk.max_unhedged_usd",
                     line: r.line("strategy.leg_risk") ?? r.line("strategy") ?? r.line("profile"),
                     code: "live_max_unhedged_usd_missing",
                     problem: "в профиле \(c.profile.rawValue) не задан strategy.leg_risk.max_unhedged_usd",
                     hint: "Укажите явно предел непокрытой позиции в USDT, например: "
                         + "strategy: {leg_risk: {max_unhedged_usd: 500}}")
        }
    }

    /// Maker/taker places the post-only leg first and the taker only on its fills: it cannot be concurrent.
    static func checkEntryStyle(_ c: ProfileConfig, _ r: inout NodeReader) {
        let s = c.strategy
        guard s.style == .makerTaker, s.concurrentOrdersSubmission else { return }
        let path = "strategy.concurrent_orders_submission"
        r.report(path, line: r.line(path) ?? r.line("strategy.style"), code: "strategy_maker_taker_concurrent",
                 problem: "style: maker_taker несовместим с concurrent_orders_submission: true — мейкер-нога "
                     + "выставляется первой, а тейкер-хедж только на её исполнение",
                 hint: "Уберите concurrent_orders_submission или укажите false; одновременная отправка обеих ног — "
                     + "это style: taker_taker с concurrent_orders_submission: true")
    }

    /// A maker rate above the taker rate is a swapped pair of numbers: no venue charges more for resting.
    static func checkFees(_ c: ProfileConfig, _ r: inout NodeReader) {
        for venue in Venue.allCases {
            guard let f = c.venues[venue].fees, f.makerBps > f.takerBps else { continue }
            let path = "venues.\(venue.rawValue).fees.maker_bps"
            r.report(path, line: r.line(path) ?? r.line("venues.\(venue.rawValue).fees"),
                     code: "venue_fee_maker_above_taker",
                     problem: "комиссия мейкера \(Self.bps(f.makerBps)) б.п. больше комиссии тейкера "
                         + "\(Self.bps(f.takerBps)) б.п.",
                     hint: "Похоже, значения перепутаны местами: у бирж maker_bps ≤ taker_bps "
                         + "(базовый уровень \(venue.rawValue): \(Self.bps(FeeTierConfig.publishedBaseTier(venue).makerBps)) "
                         + "и \(Self.bps(FeeTierConfig.publishedBaseTier(venue).takerBps)) б.п.)")
        }
    }

    /// `5` for 5.0, `5.5` for 5.5: bps as an operator writes them.
    static func bps(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
