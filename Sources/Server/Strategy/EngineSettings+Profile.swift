import Engine
import Ops
import PropCore

extension ArbitrageSettings {
    /// The profile's `strategy` section in engine units (per-instrument overrides become per-pair values:
    /// the engine sizes an arbitrage per asset, and the validator keeps override ids inside `instruments`).
    init(profile: ProfileConfig) {
        let s = profile.strategy
        self.init(orderAmountUsdt: Qty(units: Int64(s.orderAmount), scale: 0),
                  minProfitabilityBps: BasisPoints(units: Int64(s.minProfitability), scale: 0),
                  slippageBufferBps: BasisPoints(units: Int64(s.slippageBuffer), scale: 0),
                  style: s.style == .makerTaker ? .makerTaker : .takerTaker,
                  concurrentOrdersSubmission: s.concurrentOrdersSubmission,
                  maxHoldingMs: Int64(s.maxHoldingMs), exitConvergeBps: Double(s.exit.convergeBps),
                  exitOnFunding: s.exit.onFunding, exitMaxAgeMs: Int64(s.exit.maxAgeMs))
        for (id, o) in s.overrides.sorted(by: { $0.key < $1.key }) {
            if let a = o.orderAmount { orderAmountByPair[id.pair] = Qty(units: Int64(a), scale: 0) }
            if let m = o.minProfitability { minProfitabilityByPair[id.pair] = BasisPoints(units: Int64(m), scale: 0) }
            if let b = o.slippageBuffer { slippageBufferByPair[id.pair] = BasisPoints(units: Int64(b), scale: 0) }
        }
        let l = s.legRisk
        legTimeoutMs = Int64(l.legTimeoutMs); makerRestMs = Int64(l.makerRestMs)
        hedgeDeadlineMs = Int64(l.hedgeDeadlineMs); maxHedgeAttempts = l.maxHedgeAttempts
        hedgeSlippageBps = Int64(l.hedgeSlippageBps); maxUnhedgedUsd = Double(l.maxUnhedgedUsd)
        maxUnhedgedMs = Int64(l.maxUnhedgedMs); pairCooldownMs = Int64(l.pairCooldownMs)
        marginLeverage = Int64(l.marginLeverage)
        for venue in Venue.allCases {
            guard let f = profile.venues[venue].fees else { continue }
            fees[venue] = FeeSchedule(maker: FeeRate(bps: f.makerBps), taker: FeeRate(bps: f.takerBps))
        }
    }
}

extension FeeRate {
    /// A rate from the profile's bps (`5.5` → 0.00055), kept to 0.0001 bps: exact for any rate a venue publishes.
    init(bps: Double) { self.init(units: Int64((bps * 10_000).rounded()), scale: 8) }
}

extension RiskLimits {
    /// The profile's `risk` caps (whole USDT). Long and short caps per instrument are the instrument cap.
    init(profile: ProfileConfig) {
        let r = profile.risk
        func usdt(_ v: Int) -> Qty { Qty(units: Int64(v), scale: 0) }
        self.init(maxOrderNotional: usdt(r.maxOrderNotional), maxInstrumentNotional: usdt(r.maxInstrumentNotional),
                  maxLongNotional: usdt(r.maxInstrumentNotional), maxShortNotional: usdt(r.maxInstrumentNotional),
                  maxVenueGross: usdt(r.maxVenueGross), maxGlobalGross: usdt(r.maxGross), maxNetPerAsset: usdt(r.maxNet),
                  maxLeverage: usdt(r.maxLeverage), maxOpenArbitrages: r.maxOpenArbitrages,
                  maxInFlightOrders: r.maxInFlightOrders, maxOrdersPerSecond: r.maxOrdersPerSecond,
                  maxOrdersPerMinute: r.maxOrdersPerMinute, runawayActionsPerMinute: r.runawayOrdersPerMinute,
                  priceBandBps: Int64(r.priceBandBps), maxBookAgeMs: UInt64(max(0, r.staleBookMs)),
                  maxMidMarkDivergenceBps: Int64(r.maxMidMarkDivergenceBps), maxFundingBps: Int64(r.maxFundingBps),
                  maxBasisBps: Int64(r.maxBasisBps), dailyLossCap: usdt(r.dailyLossLimit), maxIntradayDrawdown: usdt(r.maxDrawdown))
    }
}

extension RiskGate {
    /// A gate with the profile's caps at the profile's risk level.
    init(profile: ProfileConfig) {
        self.init(limits: RiskLimits(profile: profile), level: RiskLevel(profile.risk.level))
    }
}
