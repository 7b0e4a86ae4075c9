import Engine
import PropCore
import Testing

/// One test per exposure cap: allowed exactly at the cap, denied one cent above, Russian text names the limit.
@Suite struct RiskCapTests {
    typealias C = RiskFx.Case
    static func with(_ body: (inout C) -> Void) -> C { var c = C(); body(&c); return c }

    @Test func orderNotional() {
        RiskFx.expectEdge("risk_order_notional_cap", field: "max_order_notional",
                          below: Self.with { $0.order = RiskFx.order(qty: "0.02") },
                          above: Self.with { $0.order = RiskFx.order(qty: "0.0201") })
    }

    @Test func instrumentNotional() {
        RiskFx.expectEdge("risk_instrument_notional_cap", field: "max_instrument_notional",
                          below: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("4500")]) },
                          above: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("4500.01")]) })
    }

    @Test func longCap() {
        RiskFx.expectEdge("risk_long_cap", field: "max_long_notional",
                          below: Self.with { $0.limits.maxLongNotional = RiskFx.q("3000")
                              $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("2500")]) },
                          above: Self.with { $0.limits.maxLongNotional = RiskFx.q("3000")
                              $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("2500.01")]) })
    }

    @Test func shortCap() {
        RiskFx.expectEdge("risk_short_cap", field: "max_short_notional",
                          below: Self.with { $0.limits.maxShortNotional = RiskFx.q("3000"); $0.order = RiskFx.order(.sell)
                              $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("-2500")]) },
                          above: Self.with { $0.limits.maxShortNotional = RiskFx.q("3000"); $0.order = RiskFx.order(.sell)
                              $0.snapshot = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("-2500.01")]) })
    }

    @Test func venueGross() {
        RiskFx.expectEdge("risk_venue_gross_cap", field: "max_venue_gross",
                          below: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.binanceEth: RiskFx.q("9500")]) },
                          above: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.binanceEth: RiskFx.q("9500.01")]) })
    }

    @Test func globalGross() {
        RiskFx.expectEdge("risk_global_gross_cap", field: "max_global_gross",
                          below: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.okxEth: RiskFx.q("19500")]) },
                          above: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.okxEth: RiskFx.q("19500.01")]) })
    }

    @Test func netPerAsset() {
        RiskFx.expectEdge("risk_net_asset_cap", field: "max_net_per_asset",
                          below: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.okxBtc: RiskFx.q("7500")]) },
                          above: Self.with { $0.snapshot = RiskFx.snapshot(positions: [RiskFx.okxBtc: RiskFx.q("7500.01")]) })
    }

    @Test func leverage() {
        func c(_ eth: String) -> C {
            Self.with { $0.limits.maxGlobalGross = RiskFx.q("100000")
                $0.snapshot = RiskFx.snapshot(positions: [RiskFx.okxEth: RiskFx.q(eth)]) }
        }
        // Equity 10 000 × leverage 5 = 50 000 of gross.
        RiskFx.expectEdge("risk_leverage_cap", field: "max_leverage", below: c("49500"), above: c("49500.01"))
    }

    @Test func openArbitrages() {
        func c(_ open: Int) -> C {
            Self.with { $0.order = RiskFx.order(opensArbitrage: true); $0.snapshot.openArbitrages = open }
        }
        RiskFx.expectEdge("risk_open_arbitrages_cap", field: "max_open_arbitrages", below: c(2), above: c(3))
    }

    @Test func inFlightOrders() {
        RiskFx.expectEdge("risk_in_flight_cap", field: "max_in_flight_orders",
                          below: Self.with { $0.snapshot.inFlightOrders = 9 }, above: Self.with { $0.snapshot.inFlightOrders = 10 })
    }

    @Test func priceBand() {
        // ± 50 bps around the mid 50 000 is 49 750 … 50 250.
        RiskFx.expectEdge("risk_price_band", field: "price_band_bps",
                          below: Self.with { $0.order = RiskFx.order(price: "50250") },
                          above: Self.with { $0.order = RiskFx.order(price: "50250.01") })
        RiskFx.expectEdge("risk_price_band", field: "price_band_bps",
                          below: Self.with { $0.order = RiskFx.order(.sell, price: "49750") },
                          above: Self.with { $0.order = RiskFx.order(.sell, price: "49749.99") })
    }

    @Test func marketOrderPricedFromTheTouch() {
        // A market buy of 0.02 at the ask 50 001 is 1 000.02 USDT: over the 1 000 cap.
        let d = Self.with { $0.order = RiskFx.order(qty: "0.02", price: nil) }.decide()
        #expect(d.denial?.code == "risk_order_notional_cap")
        #expect(d.denial?.messageRu.contains("1000.02") == true)
    }

    @Test func riskLevelScalesCapsDown() {
        RiskFx.expectEdge("risk_order_notional_cap", field: "max_order_notional",
                          below: Self.with { $0.level = RiskLevel(50); $0.order = RiskFx.order(qty: "0.01") },
                          above: Self.with { $0.level = RiskLevel(50); $0.order = RiskFx.order(qty: "0.0101") })
        let zero = Self.with { $0.level = RiskLevel(0); $0.order = RiskFx.order(qty: "0.0001") }.decide()
        #expect(zero.denial != nil, "level 0 allows no new risk")
    }

    @Test func reductionsPassExposureCapsButReduceOnlyMustReduce() {
        // Position already over every BTC cap; selling part of it is still allowed.
        let over = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("6000")])
        let reduce = Self.with { $0.snapshot = over; $0.order = RiskFx.order(.sell, qty: "0.01", reduceOnly: true) }
        #expect(reduce.decide() == .allow)
        let plainSell = Self.with { $0.snapshot = over; $0.order = RiskFx.order(.sell, qty: "0.01") }
        #expect(plainSell.decide() == .allow)
        let flip = Self.with { $0.snapshot = over; $0.order = RiskFx.order(.sell, qty: "0.13", price: "50000", reduceOnly: true) }
        #expect(flip.decide().denial?.code == "risk_reduce_only_increases")
        let wrongSide = Self.with { $0.snapshot = over; $0.order = RiskFx.order(.buy, reduceOnly: true) }
        #expect(wrongSide.decide().denial?.code == "risk_reduce_only_increases")
    }

    @Test func invalidQuantityDenied() {
        let d = Self.with { $0.order = RiskFx.order(qty: "0") }.decide()
        #expect(d.denial?.code == "risk_invalid_order")
    }
}

/// Absurd caller inputs never trap; they are denied (saturated sums fail the caps).
@Suite struct RiskAbsurdInputTests {
    @Test func extremeValuesAreDeniedNotCrashed() {
        var c = RiskFx.Case()
        c.order = RiskFx.order(qty: "900000000000", price: "50000")
        #expect(c.decide().denial?.code == "risk_order_notional_cap")
        c = RiskFx.Case()
        c.snapshot.positions = [RiskFx.okxBtc: Qty(units: .max, scale: 0), RiskFx.okxEth: Qty(units: .min, scale: 0),
                                RiskFx.binanceEth: Qty(units: .max, scale: 0)]
        #expect(c.decide().denial != nil)
        c = RiskFx.Case()
        c.snapshot.pnlToday = Qty(units: .min, scale: 0)
        #expect(c.decide().denial?.code == "risk_daily_loss_cap")
        c = RiskFx.Case()
        c.snapshot.inFlightOrders = .max
        c.snapshot.openArbitrages = .max
        #expect(c.decide().denial?.code == "risk_in_flight_cap")
    }
}
