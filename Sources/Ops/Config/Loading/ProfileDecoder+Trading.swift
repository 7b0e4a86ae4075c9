import PropCore
import Yams

/// The `strategy` (with `leg_risk`) and `risk` sections: each key on its own; the rules across them are in
/// `ProfileRules`.
extension ProfileDecoder {
    mutating func readStrategy(_ top: ConfigMapping) -> StrategyConfig {
        let d = StrategyConfig()
        guard let m = reader.section(top, "strategy", allowed: ProfileSchema.strategy) else { return d }
        let style = reader.choice(m, "style", default: d.style)
        // Maker/taker is sequential by construction, so an absent key means false there (written true is refused).
        return StrategyConfig(
            orderAmount: reader.int(m, "order_amount", default: d.orderAmount, range: ProfileSchema.usdtAmountRange,
                                    floor: Self.orderAmountFloor),
            minProfitability: reader.int(m, "min_profitability", default: d.minProfitability,
                                         range: ProfileSchema.profitabilityBpsRange, floor: Self.minProfitabilityFloor),
            slippageBuffer: reader.int(m, "slippage_buffer", default: d.slippageBuffer,
                                       range: ProfileSchema.slippageBpsRange),
            concurrentOrdersSubmission: reader.bool(m, "concurrent_orders_submission",
                                                    default: style == .makerTaker ? false : d.concurrentOrdersSubmission),
            style: style,
            maxHoldingMs: reader.int(m, "max_holding_ms", default: d.maxHoldingMs, range: ProfileSchema.holdingMsRange),
            exit: readStrategyExit(m),
            legRisk: readLegRisk(m)
        )
    }

    /// `order_amount` must be a positive size: zero or less would size every leg below one lot.
    static let orderAmountFloor = NodeReader.Floor(
        code: "strategy_order_amount_not_positive",
        problem: { "сумма ордера \($0) USDT не положительна: ни одна нога не наберёт даже одного лота" },
        hint: "Укажите order_amount — номинал одной ноги в USDT, целое число ≥ 1 (например, 100)")

    /// The threshold is already net of both legs' fees and the slippage buffer: below zero it admits
    /// trades that are expected to lose money.
    static let minProfitabilityFloor = NodeReader.Floor(
        code: "strategy_min_profitability_negative",
        problem: { "порог \($0) б.п. отрицательный: он пропустит сделки, которые после комиссий тейкера на обеих "
            + "ногах и буфера проскальзывания ожидаемо убыточны" },
        hint: "min_profitability — чистая доходность уже за вычетом комиссий и slippage_buffer; укажите 0 "
            + "(безубыточность) или больше, обычно 5–20 б.п.")

    private mutating func readLegRisk(_ strategy: ConfigMapping) -> LegRiskConfig {
        let d = LegRiskConfig()
        guard let m = reader.section(strategy, "leg_risk", allowed: ProfileSchema.strategyLegRisk) else { return d }
        return LegRiskConfig(
            legTimeoutMs: reader.int(m, "leg_timeout_ms", default: d.legTimeoutMs, range: ProfileSchema.legTimeoutMsRange),
            makerRestMs: reader.int(m, "maker_rest_ms", default: d.makerRestMs, range: ProfileSchema.makerRestMsRange),
            hedgeDeadlineMs: reader.int(m, "hedge_deadline_ms", default: d.hedgeDeadlineMs,
                                        range: ProfileSchema.hedgeDeadlineMsRange),
            maxHedgeAttempts: reader.int(m, "max_hedge_attempts", default: d.maxHedgeAttempts,
                                         range: ProfileSchema.maxHedgeAttemptsRange),
            hedgeSlippageBps: reader.int(m, "hedge_slippage_bps", default: d.hedgeSlippageBps,
                                         range: ProfileSchema.hedgeSlippageBpsRange),
            maxUnhedgedUsd: reader.int(m, "max_unhedged_usd", default: d.maxUnhedgedUsd, range: ProfileSchema.usdtAmountRange),
            maxUnhedgedMs: reader.int(m, "max_unhedged_ms", default: d.maxUnhedgedMs, range: ProfileSchema.maxUnhedgedMsRange),
            pairCooldownMs: reader.int(m, "pair_cooldown_ms", default: d.pairCooldownMs,
                                       range: ProfileSchema.pairCooldownMsRange),
            marginLeverage: reader.int(m, "margin_leverage", default: d.marginLeverage,
                                       range: ProfileSchema.marginLeverageRange)
        )
    }

    private mutating func readStrategyExit(_ strategy: ConfigMapping) -> StrategyExitConfig {
        let d = StrategyExitConfig()
        guard let m = reader.section(strategy, "exit", allowed: ProfileSchema.strategyExit) else { return d }
        return StrategyExitConfig(
            convergeBps: reader.int(m, "converge_bps", default: d.convergeBps, range: ProfileSchema.convergeBpsRange),
            onFunding: reader.bool(m, "on_funding", default: d.onFunding),
            maxAgeMs: reader.int(m, "max_age_ms", default: d.maxAgeMs, range: ProfileSchema.holdingMsRange)
        )
    }

    /// `strategy.overrides`: canonical id → partial values. Read after `instruments` so unknown ids are named.
    mutating func readStrategyOverrides(_ top: ConfigMapping, instruments: [InstrumentId]) -> [InstrumentId: StrategyOverride] {
        guard let strategyNode = top.value("strategy"), !NodeReader.isNull(strategyNode),
              case .mapping(let sm) = strategyNode,
              let node = sm.first(where: { $0.key.string == "overrides" })?.value, !NodeReader.isNull(node),
              let m = reader.mapping(node, path: "strategy.overrides")
        else { return [:] }
        var out: [InstrumentId: StrategyOverride] = [:]
        for entry in m.entries {
            let path = m.path(of: entry.key)
            reader.remember(path, entry.keyLine)
            let id: InstrumentId
            do {
                id = try InstrumentId(parsing: entry.key)
            } catch {
                reader.report(path, line: entry.keyLine, column: entry.keyColumn, code: error.code,
                              problem: Self.lowerFirst(error.messageRu), hint: error.hintRu)
                continue
            }
            if !instruments.contains(id) {
                let listed = instruments.map(\.description)
                var hint = "Переопределять можно только инструменты из списка instruments; добавьте «\(id)» в instruments "
                    + "или удалите переопределение"
                if let guess = KeySuggester.closest(to: entry.key, in: listed) { hint = "возможно, вы имели в виду «\(guess)». " + hint }
                reader.report(path, line: entry.keyLine, column: entry.keyColumn, code: "override_instrument_unknown",
                              problem: "переопределение для инструмента «\(id)», которого нет в instruments", hint: hint)
                continue
            }
            guard !NodeReader.isNull(entry.value), let o = reader.mapping(entry.value, path: path) else { continue }
            reader.checkKeys(o, allowed: ProfileSchema.strategyOverride)
            out[id] = StrategyOverride(
                orderAmount: optionalInt(o, "order_amount", range: ProfileSchema.usdtAmountRange, floor: Self.orderAmountFloor),
                minProfitability: optionalInt(o, "min_profitability", range: ProfileSchema.profitabilityBpsRange,
                                              floor: Self.minProfitabilityFloor),
                slippageBuffer: optionalInt(o, "slippage_buffer", range: ProfileSchema.slippageBpsRange)
            )
        }
        return out
    }

    private mutating func optionalInt(
        _ m: ConfigMapping, _ key: String, range: ClosedRange<Int>, floor: NodeReader.Floor? = nil
    ) -> Int? {
        guard m.has(key) else { return nil }
        let count = reader.issues.count
        let v = reader.int(m, key, default: range.lowerBound, range: range, floor: floor)
        return reader.issues.count == count ? v : nil
    }

    mutating func readRisk(_ top: ConfigMapping) -> RiskConfig {
        let d = RiskConfig()
        guard let m = reader.section(top, "risk", allowed: ProfileSchema.risk) else { return d }
        let usdt = ProfileSchema.usdtAmountRange
        let counts = ProfileSchema.countCapRange
        let guardBps = ProfileSchema.guardBpsRange
        return RiskConfig(
            level: reader.int(m, "level", default: d.level, range: ProfileSchema.riskLevelRange),
            maxOrderNotional: reader.int(m, "max_order_notional", default: d.maxOrderNotional, range: usdt),
            maxInstrumentNotional: reader.int(m, "max_instrument_notional", default: d.maxInstrumentNotional, range: usdt),
            maxVenueGross: reader.int(m, "max_venue_gross", default: d.maxVenueGross, range: usdt),
            maxGross: reader.int(m, "max_gross", default: d.maxGross, range: usdt),
            maxNet: reader.int(m, "max_net", default: d.maxNet, range: usdt),
            maxOpenArbitrages: reader.int(m, "max_open_arbitrages", default: d.maxOpenArbitrages, range: counts),
            maxInFlightOrders: reader.int(m, "max_in_flight_orders", default: d.maxInFlightOrders, range: counts),
            maxOrdersPerSecond: reader.int(m, "max_orders_per_second", default: d.maxOrdersPerSecond,
                                           range: ProfileSchema.ordersPerSecondRange),
            maxOrdersPerMinute: reader.int(m, "max_orders_per_minute", default: d.maxOrdersPerMinute,
                                           range: ProfileSchema.ordersPerMinuteRange),
            runawayOrdersPerMinute: reader.int(m, "runaway_orders_per_minute", default: d.runawayOrdersPerMinute,
                                               range: ProfileSchema.ordersPerMinuteRange),
            priceBandBps: reader.int(m, "price_band_bps", default: d.priceBandBps, range: ProfileSchema.priceBandBpsRange),
            maxLeverage: reader.int(m, "max_leverage", default: d.maxLeverage, range: ProfileSchema.leverageRange),
            dailyLossLimit: reader.int(m, "daily_loss_limit", default: d.dailyLossLimit, range: usdt),
            maxDrawdown: reader.int(m, "max_drawdown", default: d.maxDrawdown, range: usdt),
            staleBookMs: reader.int(m, "stale_book_ms", default: d.staleBookMs, range: ProfileSchema.staleBookMsRange),
            maxMidMarkDivergenceBps: reader.int(m, "max_mid_mark_divergence_bps", default: d.maxMidMarkDivergenceBps,
                                                range: guardBps),
            maxFundingBps: reader.int(m, "max_funding_bps", default: d.maxFundingBps, range: guardBps),
            maxBasisBps: reader.int(m, "max_basis_bps", default: d.maxBasisBps, range: guardBps),
            allow1000Prefixed: reader.bool(m, "allow_1000_prefixed", default: d.allow1000Prefixed),
            allowLeveragedTokens: reader.bool(m, "allow_leveraged_tokens", default: d.allowLeveragedTokens)
        )
    }
}
