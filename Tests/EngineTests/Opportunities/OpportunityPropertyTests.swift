import Engine
import PropCore
import PropertyBased
import Testing

/// Random books, sizes, fees and buffers: walking deeper never gives a better VWAP, and higher fees or a larger
/// slippage buffer never raise the net edge (gross edge unchanged).
@Suite struct OpportunityPropertyTests {
    typealias F = OppFx

    static func rng(_ seed: UInt64) -> Xoshiro {
        var r = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 11))
        for _ in 0..<4 { _ = r.next() }
        return r
    }

    /// A random sane book around `mid` (scale 1): 1–8 levels per side, strictly worse going down; quantities in
    /// venue units (scale 3 for base-coin lots, scale 2 for OKX contracts).
    static func market(_ rng: inout Xoshiro, okx: Bool, mid: Int64) -> VenueMarket {
        func side(_ start: Int64, _ dir: Int64) -> [DepthLevel] {
            var price = start
            return (0..<Int.random(in: 1...8, using: &rng)).map { _ in
                defer { price += dir * Int64.random(in: 1...30, using: &rng) }
                return DepthLevel(price: Price(units: price, scale: 1),
                                  qty: Qty(units: Int64.random(in: 1...5_000, using: &rng), scale: okx ? 2 : 3))
            }
        }
        let half = Int64.random(in: 1...20, using: &rng)
        var rules = okx ? F.okxRules : F.binanceRules
        rules.minNotional = nil
        return VenueMarket(rules: rules, depth: DepthLevels(bids: side(mid - half, -1), asks: side(mid + half, 1)), fees: F.noFees)
    }

    static func params(_ units: Int64, buffer: BasisPoints = BasisPoints(units: 0, scale: 0)) -> OpportunityParameters {
        OpportunityParameters(sizeBase: Qty(units: units, scale: 3), slippageBufferBps: buffer,
                              minProfitabilityBps: BasisPoints(units: 0, scale: 0), holdingSeconds: 0)
    }

    @Test func walkingDeeperNeverImprovesVWAP() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var r = Self.rng(seed)
            let a = Self.market(&r, okx: Bool.random(using: &r), mid: 650_000 + Int64.random(in: -500...500, using: &r))
            let b = Self.market(&r, okx: Bool.random(using: &r), mid: 650_000 + Int64.random(in: -500...500, using: &r))
            let small = Int64.random(in: 1...10_000, using: &r)
            let large = small + Int64.random(in: 0...10_000, using: &r)
            let o1 = OpportunityCalculator.evaluate(buyOn: a, sellOn: b, style: .takerTaker, parameters: Self.params(small))
            let o2 = OpportunityCalculator.evaluate(buyOn: a, sellOn: b, style: .takerTaker, parameters: Self.params(large))
            for o in [o1, o2] {
                if let leg = o.buyLeg { #expect(leg.topPrice <= leg.vwap && leg.vwap <= leg.worstPrice, "seed \(seed)") }
                if let leg = o.sellLeg { #expect(leg.topPrice >= leg.vwap && leg.vwap >= leg.worstPrice, "seed \(seed)") }
                #expect(o.expectedSlippage >= .zero, "seed \(seed)")
            }
            if let b1 = o1.buyLeg, let b2 = o2.buyLeg { #expect(b1.vwap <= b2.vwap, "seed \(seed)") }
            if let s1 = o1.sellLeg, let s2 = o2.sellLeg { #expect(s1.vwap >= s2.vwap, "seed \(seed)") }
            // If the larger size fits the book, so does the smaller one.
            if o2.buyLeg != nil && o2.sellLeg != nil { #expect(o1.buyLeg != nil && o1.sellLeg != nil, "seed \(seed)") }
        }
    }

    @Test func feesAndSlippageLowerNetEdgeMonotonically() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var r = Self.rng(seed)
            var a = Self.market(&r, okx: Bool.random(using: &r), mid: 650_000)
            var b = Self.market(&r, okx: Bool.random(using: &r), mid: 650_000 + Int64.random(in: -200...200, using: &r))
            let size = Int64.random(in: 1...3_000, using: &r)
            let style = ExecutionStyle.allCases.randomElement(using: &r)!
            func fee(_ units: Int64) -> FeeRate { FeeRate(units: units, scale: 6) }
            let (f1, f2) = (Int64.random(in: -100...1_000, using: &r), Int64.random(in: 0...1_000, using: &r))
            let (g1, g2) = (Int64.random(in: -100...1_000, using: &r), Int64.random(in: 0...1_000, using: &r))
            let (k1, k2) = (Int64.random(in: 0...500, using: &r), Int64.random(in: 0...500, using: &r))
            a.fees = FeeSchedule(maker: fee(g1), taker: fee(f1))
            b.fees = FeeSchedule(maker: fee(g1), taker: fee(f1))
            let low = OpportunityCalculator.evaluate(buyOn: a, sellOn: b, style: style,
                                                     parameters: Self.params(size, buffer: BasisPoints(units: k1, scale: 1)))
            a.fees = FeeSchedule(maker: fee(g1 + g2), taker: fee(f1 + f2))
            b.fees = FeeSchedule(maker: fee(g1 + g2), taker: fee(f1 + f2))
            let high = OpportunityCalculator.evaluate(buyOn: a, sellOn: b, style: style,
                                                      parameters: Self.params(size, buffer: BasisPoints(units: k1 + k2, scale: 1)))
            #expect(high.grossEdge == low.grossEdge, "seed \(seed)")
            #expect(high.fees >= low.fees && high.slippageBuffer >= low.slippageBuffer, "seed \(seed)")
            #expect(high.netEdge <= low.netEdge, "seed \(seed)")
            // Passing the bar with the higher costs implies passing it with the lower ones.
            if high.isTradeable { #expect(low.isTradeable, "seed \(seed)") }
        }
    }
}
