import Engine
import PropCore
import PropertyBased
import Testing

/// Random sequences of fills (both sides, flips, fees and rebates), funding, marks and replays: every invariant holds
/// exactly after every step, the books match a plain model kept here, and closing everything leaves realized PnL
/// equal to the fills' cash flows.
@Suite struct PortfolioPropertyTests {
    typealias F = PFx
    static let instruments = [F.btc, F.okxBtc, F.eth, F.bybitEth]

    /// What the test itself sums, independently of the portfolio.
    struct Model {
        var qty: [InstrumentId: Qty] = [:]
        var flows: [InstrumentId: Qty] = [:]
        var cash: [Venue: Qty] = [.binance: F.q("10000"), .okx: F.q("5000"), .bybit: F.q("0")]
    }

    /// A random fill; price scale + qty scale ≤ 8, so `Price.notional` (truncating) is exact and can be the model.
    static func randomFill(_ id: InstrumentId, _ n: Int, _ rng: inout Xoshiro, side: OrderSide? = nil, qty: Qty? = nil) -> PortfolioFill {
        let btc = id.base == "BTC"
        let mid: Int64 = btc ? 5_000_000 : 300_000 // cents
        let price = Price(units: mid + Int64.random(in: -mid / 10...mid / 10, using: &rng), scale: 2)
        let size = qty ?? Qty(units: Int64.random(in: 1...(btc ? 50 : 3_000), using: &rng), scale: id.venue == .okx ? 2 : 3)
        let fee = Qty(units: Int64.random(in: -5_000_000...50_000_000, using: &rng), scale: 8)
        return PortfolioFill(instrument: id, side: side ?? (Bool.random(using: &rng) ? .buy : .sell), qty: size,
                             price: price, fee: fee, isMaker: fee.isNegative || Bool.random(using: &rng),
                             tradeId: "t\(n)", tsMs: Int64(n))
    }

    static func book(_ fill: PortfolioFill, into pf: inout Portfolio, model m: inout Model) {
        let booked = pf.apply(fill)
        #expect(booked)
        let n = fill.price.notional(fill.qty)
        let flow = fill.side == .buy ? -n : n
        m.qty[fill.instrument] = (m.qty[fill.instrument] ?? .zero) + fill.signedQty
        m.flows[fill.instrument] = (m.flows[fill.instrument] ?? .zero) + flow
        m.cash[fill.instrument.venue, default: .zero] += flow - fill.fee
    }

    static func checkAll(_ pf: Portfolio, _ m: Model, _ seed: UInt64, _ step: Int) {
        let expected = m.qty.filter { !$0.value.isZero }
        #expect(pf.violations(expected) == [], "seed \(seed) step \(step)")
        for v in Venue.allCases { #expect(pf.cash(venue: v) == (m.cash[v] ?? .zero), "cash \(v) seed \(seed)") }
        let t = pf.total
        #expect(t.realized + t.unrealized - t.netFees + t.funding == pf.equity - t.startingCash, "seed \(seed)")
        #expect(t.netPnl == pf.equity - t.startingCash && pf.pnlToday == pf.equity - t.startingCash)
        #expect(pf.peakEquityToday >= pf.equity && !pf.maxDrawdown.isNegative && pf.maxDrawdown >= pf.intraday.currentDrawdown)
    }

    @Test func invariantsHoldOverRandomSequences() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 11))
            var pf = Portfolio(startingCash: [.binance: F.q("10000"), .okx: F.q("5000"), .bybit: F.q("0")])
            var m = Model(), fills: [PortfolioFill] = [], fundingIds: [String] = [], fundingKeys: Set<String> = []
            for step in 0..<Int.random(in: 1...60, using: &rng) {
                let id = Self.instruments.randomElement(using: &rng)!
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<5:
                    let fill = Self.randomFill(id, step, &rng)
                    Self.book(fill, into: &pf, model: &m)
                    fills.append(fill)
                case 5 where !fills.isEmpty:
                    let before = pf.snapshot()
                    let replayed = pf.apply(fills.randomElement(using: &rng)!)
                    #expect(!replayed, "replayed fill booked twice, seed \(seed)")
                    #expect(pf.snapshot() == before)
                case 6:
                    // Funding ids repeat on purpose; they are unique per instrument, as the venues' are.
                    let fid = fundingIds.isEmpty || Bool.random(using: &rng) ? "f\(step)" : fundingIds.randomElement(using: &rng)!
                    let amount = Qty(units: Int64.random(in: -300_000_000...300_000_000, using: &rng), scale: 8)
                    let fresh = fundingKeys.insert("\(id)|\(fid)").inserted
                    let booked = pf.applyFunding(instrument: id, amount: amount, id: fid)
                    #expect(booked == fresh, "funding \(id) \(fid) seed \(seed)")
                    if fresh { fundingIds.append(fid); m.cash[id.venue, default: .zero] += amount }
                default:
                    let mid: Int64 = id.base == "BTC" ? 500_000 : 30_000 // dimes
                    let marked = pf.mark(id, price: Price(units: mid + Int64.random(in: -mid / 5...mid / 5, using: &rng), scale: 1))
                    #expect(marked)
                }
                Self.checkAll(pf, m, seed, step)
            }
            // Close everything at random prices: nothing is left unrealized and realized PnL is the cash that moved.
            for id in Self.instruments {
                guard let q = m.qty[id], !q.isZero else { continue }
                let close = Self.randomFill(id, 1_000 + fills.count, &rng, side: q.isNegative ? .buy : .sell, qty: q.magnitude)
                Self.book(close, into: &pf, model: &m)
                fills.append(close)
            }
            Self.checkAll(pf, m, seed, -1)
            for id in Self.instruments {
                let p = pf.position(id)
                #expect(p?.isFlat ?? true && (p?.costBasis.isZero ?? true) && (p?.unrealizedPnl.isZero ?? true))
                #expect((p?.realizedPnl ?? .zero) == (m.flows[id] ?? .zero), "realized \(id) seed \(seed)")
            }
            #expect(pf.total.unrealized.isZero && pf.globalGross.isZero && pf.riskPositions().isEmpty)
        }
    }
}
