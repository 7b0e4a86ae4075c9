import Engine
import PropCore
import PropertyBased
import Testing

/// For random rules and inputs, every order the quantizer produces is on the tick and step grids, at least
/// `minQty` and `minNotional`, never larger than requested and no smaller than one step below it; price
/// moves in the stated direction by less than one tick; and a refusal happens only when a minimum is really missed.
@Suite struct OrderQuantizerPropertyTests {
    static func onGrid<A: FixedPoint, B: FixedPoint>(_ x: A, _ grid: B) -> Bool {
        let s = max(x.scale, grid.scale)
        func p10(_ e: Int) -> Int64 { (0..<e).reduce(1) { acc, _ in acc * 10 } }
        let a = x.units * p10(s - x.scale), g = grid.units * p10(s - grid.scale)
        return a % g == 0
    }

    static func dec<T: FixedPoint>(_ rng: inout Xoshiro, units: ClosedRange<Int64>, scales: ClosedRange<Int>) -> T {
        T(units: Int64.random(in: units, using: &rng), scale: Int.random(in: scales, using: &rng))
    }

    struct Case {
        var rules: InstrumentRules
        var side: OrderSide
        var rounding: PriceRounding
        var base: Qty
        var price: Price
    }

    static func randomCase(seed: UInt64) -> Case {
        var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 7))
        for _ in 0..<4 { _ = rng.next() }
        let step: Qty = dec(&rng, units: 1...100, scales: 0...6)
        let contractValue: Qty = Bool.random(using: &rng) ? Qty(units: 1, scale: 0) : dec(&rng, units: 1...100, scales: 0...3)
        let minQty = Qty(units: step.units * Int64.random(in: 0...5, using: &rng), scale: step.scale)
        let minNotional: Price? = Bool.random(using: &rng) ? nil : dec(&rng, units: 0...500, scales: 0...1)
        let rules = InstrumentRules(
            id: InstrumentId(venue: .okx, base: "X", quote: "USDT"), nativeSymbol: "X-USDT-SWAP",
            tickSize: dec(&rng, units: 1...50, scales: 0...6), stepSize: step, minQty: minQty,
            minNotional: minNotional, contractValue: contractValue)
        return Case(rules: rules, side: Bool.random(using: &rng) ? .buy : .sell,
                    rounding: Bool.random(using: &rng) ? .passive : .aggressive,
                    base: dec(&rng, units: 1...1_000_000_000, scales: 0...8),
                    price: dec(&rng, units: 1...1_000_000_000, scales: 0...8))
    }

    @Test func everyOrderFitsTheRules() async {
        await propertyCheck(count: 5_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let c = Self.randomCase(seed: seed)
            let q = OrderQuantizer(rules: c.rules)
            let r = c.rules
            do {
                let o = try q.quantize(side: c.side, baseQty: c.base, price: c.price, rounding: c.rounding)
                #expect(Self.onGrid(o.qty, r.stepSize), "seed \(seed)")
                #expect(Self.onGrid(o.price, r.tickSize), "seed \(seed)")
                #expect(o.qty >= r.minQty && o.qty.units > 0, "seed \(seed)")
                if let m = r.minNotional { #expect(o.notional >= Qty(units: m.units, scale: m.scale), "seed \(seed)") }
                #expect(o.baseQty <= c.base, "seed \(seed)")
                #expect(o.baseQty == r.baseQuantity(o.qty), "seed \(seed)")
                // Rounded down by less than one step (in base coin).
                let oneStep = r.baseQuantity(r.stepSize)
                #expect(o.baseQty + oneStep > c.base, "seed \(seed)")
                // Price moves the stated way, by less than one tick.
                let up = (c.side == .buy) == (c.rounding == .aggressive)
                if up { #expect(o.price >= c.price && o.price - r.tickSize < c.price, "seed \(seed)") }
                else { #expect(o.price <= c.price && o.price + r.tickSize > c.price, "seed \(seed)") }
                #expect(o.notional == o.price.notional(o.baseQty), "seed \(seed)")
            } catch let error as QuantizerError {
                switch error {
                case .belowMinQty:
                    let venueQty = (try? q.venueQty(forBase: c.base)) ?? .zero
                    #expect(venueQty < r.minQty || venueQty.isZero, "seed \(seed)")
                case .belowMinNotional(_, let n, let m):
                    #expect(Qty(n)! < Qty(m)!, "seed \(seed)")
                case .nonPositivePrice:
                    #expect(c.price < r.tickSize, "seed \(seed)")
                case .outOfRange:
                    break // absurd combinations (e.g. 10^8 BTC at 10^9) are refused, never trapped
                default:
                    Issue.record("unexpected refusal \(error.messageRu) seed \(seed)")
                }
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
    }
}
