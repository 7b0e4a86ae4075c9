import Engine
import PropCore
import Testing

/// Shared inputs for the risk gate tests: generous limits, one fresh BTC book at 50 000, equity 10 000 USDT.
enum RiskFx {
    static let sec: UInt64 = 1_000_000_000
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let okxBtc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let okxEth = InstrumentId(venue: .okx, base: "ETH", quote: "USDT")
    static let binanceEth = InstrumentId(venue: .binance, base: "ETH", quote: "USDT")

    static func q(_ s: String) -> Qty { Qty(s)! }
    static func p(_ s: String) -> Price { Price(s)! }

    static var limits: RiskLimits {
        RiskLimits(maxOrderNotional: q("1000"), maxInstrumentNotional: q("5000"), maxLongNotional: q("5000"),
                   maxShortNotional: q("5000"), maxVenueGross: q("10000"), maxGlobalGross: q("20000"),
                   maxNetPerAsset: q("8000"), maxLeverage: q("5"), maxOpenArbitrages: 3, maxInFlightOrders: 10,
                   maxOrdersPerSecond: 5, maxOrdersPerMinute: 100, runawayActionsPerMinute: 50, priceBandBps: 50,
                   maxBookAgeMs: 500, maxMidMarkDivergenceBps: 30, maxFundingBps: 10, maxBasisBps: 50,
                   dailyLossCap: q("1000"), maxIntradayDrawdown: q("2000"))
    }

    static var market: RiskMarket {
        RiskMarket(bestBid: p("49999"), bestAsk: p("50001"), bookAgeMs: 100, mark: p("50000"), index: p("50000"),
                   funding: FundingRate("0.0001")!)
    }

    static func snapshot(positions: [InstrumentId: Qty] = [:]) -> RiskSnapshot {
        RiskSnapshot(positions: positions, equity: q("10000"), markets: [btc: market])
    }

    static func order(_ side: OrderSide = .buy, qty: String = "0.01", price: String? = "50000", reduceOnly: Bool = false,
                      opensArbitrage: Bool = false, id: String = "c1") -> RiskOrder {
        RiskOrder(OrderRequest(clientOrderId: id, instrument: btc, side: side, type: price == nil ? .market : .limit,
                               price: price.map(p), qty: q(qty), reduceOnly: reduceOnly),
                  opensArbitrage: opensArbitrage)
    }

    /// One decision's inputs.
    struct Case {
        var limits = RiskFx.limits
        var snapshot = RiskFx.snapshot()
        var order = RiskFx.order()
        var level = RiskLevel.full

        func decide() -> RiskDecision {
            var gate = RiskGate(limits: limits, level: level)
            return gate.check(order, snapshot: snapshot, nowNs: 10 * RiskFx.sec)
        }
    }

    /// `below` is allowed; `above` is denied with `code`, and its Russian text names `field`.
    static func expectEdge(_ code: String, field: String, below: Case, above: Case,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let allowed = below.decide()
        #expect(allowed == .allow, "just below \(code): \(allowed.denial?.messageRu ?? "")", sourceLocation: sourceLocation)
        let denied = above.decide()
        #expect(denied.denial?.code == code, "just above: \(denied)", sourceLocation: sourceLocation)
        let text = denied.denial?.messageRu ?? ""
        #expect(text.contains(field), "\(text)", sourceLocation: sourceLocation)
        let hint = denied.denial?.hintRu ?? ""
        #expect(hint.isEmpty == false, sourceLocation: sourceLocation)
    }
}
