import Engine
import PropCore

/// Inputs for the arbitrage engine tests: BTC-USDT on the three venues with their real lot rules, generous risk
/// limits, strategy settings sized so one arbitrage is 0.03 BTC (≈ 1 950 USDT), and 10 000 USDT per venue.
enum ArbFx {
    static func p(_ s: String) -> Price { Price(s)! }
    static func q(_ s: String) -> Qty { Qty(s)! }

    static let binance = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let okx = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let bybit = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")

    /// Binance USDⓈ-M BTCUSDT: tick 0.1, step 0.001 BTC, min notional 100 USDT.
    static let binanceRules = InstrumentRules(id: binance, nativeSymbol: "BTCUSDT", tickSize: p("0.1"), stepSize: q("0.001"),
                                              minQty: q("0.001"), minNotional: p("100"))
    /// OKX BTC-USDT-SWAP: whole contracts of 0.01 BTC, tick 0.1, no min notional.
    static let okxRules = InstrumentRules(id: okx, nativeSymbol: "BTC-USDT-SWAP", tickSize: p("0.1"), stepSize: q("1"),
                                          minQty: q("1"), minNotional: nil, contractValue: q("0.01"))
    /// Bybit linear BTCUSDT: tick 0.1, step 0.001 BTC, min notional 5 USDT.
    static let bybitRules = InstrumentRules(id: bybit, nativeSymbol: "BTCUSDT", tickSize: p("0.1"), stepSize: q("0.001"),
                                            minQty: q("0.001"), minNotional: p("5"))
    static let allRules = [binanceRules, okxRules, bybitRules]

    static func rules(_ venue: Venue) -> InstrumentRules {
        switch venue {
        case .binance: binanceRules
        case .okx: okxRules
        case .bybit: bybitRules
        }
    }

    static var limits: RiskLimits {
        RiskLimits(maxOrderNotional: q("5000"), maxInstrumentNotional: q("10000"), maxLongNotional: q("10000"),
                   maxShortNotional: q("10000"), maxVenueGross: q("20000"), maxGlobalGross: q("50000"),
                   maxNetPerAsset: q("10000"), maxLeverage: q("5"), maxOpenArbitrages: 3, maxInFlightOrders: 20,
                   maxOrdersPerSecond: 20, maxOrdersPerMinute: 600, runawayActionsPerMinute: 300, priceBandBps: 100,
                   maxBookAgeMs: 500, maxMidMarkDivergenceBps: 30, maxFundingBps: 10, maxBasisBps: 50,
                   dailyLossCap: q("1000"), maxIntradayDrawdown: q("2000"))
    }

    /// `order_amount` 2 000 USDT, `min_profitability` 5 bps, `slippage_buffer` 1 bp, taker/taker, concurrent.
    static var settings: ArbitrageSettings {
        ArbitrageSettings(orderAmountUsdt: q("2000"), minProfitabilityBps: BasisPoints("5")!, slippageBufferBps: BasisPoints("1")!)
    }

    static func engine(settings: ArbitrageSettings = ArbFx.settings, limits: RiskLimits = ArbFx.limits,
                       venues: [Venue] = [.binance, .okx, .bybit]) -> ArbitrageEngine {
        let cash = Dictionary(uniqueKeysWithValues: venues.map { ($0, q("10000")) })
        return ArbitrageEngine(settings: settings, instruments: venues.map(rules), risk: RiskGate(limits: limits),
                               portfolio: Portfolio(startingCash: cash))
    }

    /// Five levels a tick apart on each side from `bid` / `ask`, `baseQty` BTC per level in the venue's unit.
    static func depth(_ venue: Venue, bid: String, ask: String, baseQty: String = "5") -> DepthLevels {
        let r = rules(venue), b = p(bid), a = p(ask), tick = r.tickSize
        let base = q(baseQty)
        let venueQty = venue == .okx ? Qty(units: base.units * 100, scale: base.scale) : base
        func level(_ price: Price, _ i: Int, _ sign: Int64) -> DepthLevel {
            DepthLevel(price: price + Price(units: tick.units * Int64(i) * sign, scale: tick.scale), qty: venueQty)
        }
        return DepthLevels(bids: (0..<5).map { level(b, $0, -1) }, asks: (0..<5).map { level(a, $0, 1) })
    }
}

extension ArbitrageEngine {
    /// `checkInvariants` on a copy, so it can sit inside `#expect`.
    var portfolioViolations: [PortfolioViolation] {
        var copy = portfolio
        return copy.checkInvariants()
    }
}

extension EngineCommand {
    var placed: [LegOrder]? { if case .place(let legs) = self { legs } else { nil } }
    var cancelled: LegKey? { if case .cancel(let key) = self { key } else { nil } }
    var alertCode: String? { if case .alert(let code, _) = self { code } else { nil } }
    var isHold: Bool { if case .hold = self { true } else { false } }
}
