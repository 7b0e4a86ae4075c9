public import PropCore

/// Computes the executable cross-venue spread for one asset and size: both books walked for the size (not top
/// of book only), net of our fees, a slippage buffer on taker legs and the funding carried over the holding
/// time. A pure function of its inputs: no clock, no I/O.
public enum OpportunityCalculator {
    /// Every combination for two venues: both directions × (taker/taker, maker buy, maker sell), in that order.
    public static func evaluateAll(_ a: VenueMarket, _ b: VenueMarket, parameters: OpportunityParameters) -> [Opportunity] {
        var out: [Opportunity] = []
        out.reserveCapacity(6)
        for (buy, sell) in [(a, b), (b, a)] {
            for style in ExecutionStyle.allCases {
                out.append(evaluate(buyOn: buy, sellOn: sell, style: style, parameters: parameters))
            }
        }
        return out
    }

    /// Buy on `buy`, sell on `sell`, executed as `style`.
    public static func evaluate(buyOn buy: VenueMarket, sellOn sell: VenueMarket, style: ExecutionStyle,
                                parameters p: OpportunityParameters) -> Opportunity {
        var o = Opportunity(pair: buy.rules.id.pair, buyVenue: buy.venue, sellVenue: sell.venue, style: style, sizeBase: .zero)
        // Compared by parts: `pair` builds a string.
        guard buy.rules.id.base == sell.rules.id.base, buy.rules.id.quote == sell.rules.id.quote else {
            o.rejection = .assetMismatch(buy: buy.rules.id.pair, sell: sell.rules.id.pair)
            return o
        }
        if let r = bookProblem(buy) ?? bookProblem(sell) { o.rejection = r; return o }
        let size: Qty
        switch commonSize(p.sizeBase, buy.rules, sell.rules) {
        case .success(let s): size = s
        case .failure(let r): o.rejection = r; return o
        }
        o.sizeBase = size
        let buyRole: LiquidityRole = style == .makerBuy ? .maker : .taker
        let sellRole: LiquidityRole = style == .makerSell ? .maker : .taker
        do throws(OpportunityRejection) {
            let buyLeg = try leg(buy, side: .buy, role: buyRole, size: size, bufferBps: p.slippageBufferBps)
            let sellLeg = try leg(sell, side: .sell, role: sellRole, size: size, bufferBps: p.slippageBufferBps)
            o.buyLeg = buyLeg
            o.sellLeg = sellLeg
            let funding = try fundingCarry(buy: buy, sell: sell, buyNotional: buyLeg.notional,
                                           sellNotional: sellLeg.notional, holdingSeconds: p.holdingSeconds)
            // Every amount here is USDT at 8 decimals; sums are checked because fee rates come from outside.
            guard let gross = FixedMath.add(sellLeg.notional.units, -buyLeg.notional.units),
                  let fees = FixedMath.add(buyLeg.fee.units, sellLeg.fee.units),
                  let slip = FixedMath.add(buyLeg.slippage.units, sellLeg.slippage.units),
                  let buffer = FixedMath.add(buyLeg.slippageBuffer.units, sellLeg.slippageBuffer.units),
                  let afterFees = FixedMath.add(gross, -fees), let afterBuffer = FixedMath.add(afterFees, -buffer),
                  let net = FixedMath.add(afterBuffer, funding.units)
            else { throw .outOfRange(field: "fees") }
            o.grossEdge = Qty(units: gross, scale: 8)
            o.fees = Qty(units: fees, scale: 8)
            o.expectedSlippage = Qty(units: slip, scale: 8)
            o.slippageBuffer = Qty(units: buffer, scale: 8)
            o.funding = funding
            o.netEdge = Qty(units: net, scale: 8)
            try checkRules(buy, buyLeg, size: size)
            try checkRules(sell, sellLeg, size: size)
            try checkThreshold(o, minBps: p.minProfitabilityBps)
        } catch {
            o.rejection = error
        }
        return o
    }

    /// An empty side or a crossed book makes the venue's prices meaningless.
    static func bookProblem(_ m: VenueMarket) -> OpportunityRejection? {
        if m.depth.bids.isEmpty { return .emptyBook(venue: m.venue, side: "bids") }
        if m.depth.asks.isEmpty { return .emptyBook(venue: m.venue, side: "asks") }
        if m.depth.isCrossed { return .crossedBook(venue: m.venue) }
        return nil
    }

    /// The largest size ≤ `target` that is a whole number of lots on both venues: a multiple of the least
    /// common multiple of their lot sizes in base coin (stepSize × contractValue).
    static func commonSize(_ target: Qty, _ a: InstrumentRules, _ b: InstrumentRules) -> Result<Qty, OpportunityRejection> {
        guard target.units > 0 else { return .failure(.sizeBelowStep(size: target.description, commonStep: "—")) }
        guard let ua = FixedMath.mul(a.stepSize.units, a.contractValue.units), ua > 0,
              let ub = FixedMath.mul(b.stepSize.units, b.contractValue.units), ub > 0 else {
            return .failure(.outOfRange(field: "stepSize"))
        }
        let lotA = Qty(units: ua, scale: a.stepSize.scale + a.contractValue.scale)
        let lotB = Qty(units: ub, scale: b.stepSize.scale + b.contractValue.scale)
        guard let (x, y, s) = FixedMath.aligned(lotA, lotB), let lcm = FixedMath.mul(x / FixedMath.gcd(x, y), y),
              let (t, l, scale) = FixedMath.aligned(target, Qty(units: lcm, scale: s)) else {
            return .failure(.outOfRange(field: "order_amount"))
        }
        let lots = t / l
        guard lots > 0 else {
            return .failure(.sizeBelowStep(size: target.description, commonStep: Qty(units: l, scale: scale).trimmedDescription))
        }
        return .success(Qty(units: lots * l, scale: scale))
    }

    /// One leg's expected execution: a taker walks the opposite side; a maker rests at its own side's best level.
    static func leg(_ m: VenueMarket, side: OrderSide, role: LiquidityRole, size: Qty, bufferBps: BasisPoints) throws(OpportunityRejection) -> LegQuote {
        // What we pay rounds up, what we receive rounds down.
        let against: FixedMath.Rounding = side == .buy ? .up : .down
        let levels: [DepthLevel]
        switch role {
        case .taker: levels = m.depth.levels(takenBy: side)
        // A post-only order joins its own side: best bid for a buy, best ask for a sell, for the whole size.
        case .maker:
            let own = side == .buy ? m.depth.bids[0] : m.depth.asks[0]
            levels = [DepthLevel(price: own.price, qty: size)]
        }
        let walk: BookWalk
        switch BookWalk.walk(levels, contractValue: role == .maker ? Qty(units: 1, scale: 0) : m.rules.contractValue, size: size) {
        case .filled(let w): walk = w
        case .insufficient(let available):
            throw .insufficientDepth(venue: m.venue, side: side == .buy ? "asks" : "bids",
                                     needed: size.trimmedDescription, available: available.trimmedDescription)
        case .outOfRange: throw .outOfRange(field: "depth")
        }
        guard let notional = walk.quote(against), let vwap = walk.vwap(size: size, against),
              let atTop = topNotional(walk.top, size, against)
        else { throw .outOfRange(field: "depth") }
        // Never negative: the top level is the best price there is (a maker leg is exactly at it).
        let slippage = Qty(units: max(0, side == .buy ? notional.units - atTop.units : atTop.units - notional.units), scale: 8)
        let rate = role == .maker ? m.fees.maker : m.fees.taker
        guard (0...18).contains(rate.scale), (0...14).contains(bufferBps.scale),
              let fee = FixedMath.mulDiv(notional.units, rate.units, FixedMath.pow10[rate.scale], .up),
              let buffer = role == .maker ? 0 : FixedMath.mulDiv(notional.units, bufferBps.units, FixedMath.pow10[bufferBps.scale + 4], .up)
        else { throw .outOfRange(field: "fees") }
        let venueQty: Qty
        do { venueQty = try OrderQuantizer(rules: m.rules).venueQty(forBase: size) } catch { throw .legRules(venue: m.venue, error) }
        return LegQuote(venue: m.venue, side: side, role: role, topPrice: walk.top, vwap: vwap, worstPrice: walk.worst,
                        venueQty: venueQty, notional: notional, fee: Qty(units: fee, scale: 8), slippage: slippage,
                        slippageBuffer: Qty(units: buffer, scale: 8), levelsUsed: walk.levelsUsed)
    }

    /// `price × size` as a quote amount at 8 decimals, rounded `rounding`.
    static func topNotional(_ price: Price, _ size: Qty, _ rounding: FixedMath.Rounding) -> Qty? {
        guard let product = FixedMath.mul(price.units, size.units) else { return nil }
        return FixedMath.rescale(product, from: price.scale + size.scale, to: 8, rounding).map { Qty(units: $0, scale: 8) }
    }

    /// Funding over the holding time: the short (sell) leg receives its rate, the long (buy) leg pays its rate,
    /// each pro rata of its own funding interval. Received rounds down, paid rounds up.
    static func fundingCarry(buy: VenueMarket, sell: VenueMarket, buyNotional: Qty, sellNotional: Qty,
                             holdingSeconds: Int64) throws(OpportunityRejection) -> Qty {
        guard holdingSeconds > 0 else { return Qty(units: 0, scale: 8) }
        func carry(_ notional: Qty, _ f: FundingTerms, _ r: FixedMath.Rounding) -> Int64? {
            guard f.intervalSeconds > 0, (0...18).contains(f.rate.scale),
                  let perInterval = FixedMath.mulDiv(notional.units, f.rate.units, FixedMath.pow10[f.rate.scale], r)
            else { return nil }
            return FixedMath.mulDiv(perInterval, holdingSeconds, f.intervalSeconds, r)
        }
        guard let received = carry(sellNotional, sell.funding, .down), let paid = carry(buyNotional, buy.funding, .up),
              let net = FixedMath.add(received, -paid) else { throw .outOfRange(field: "funding") }
        return Qty(units: net, scale: 8)
    }

    /// Both legs must pass the venue rules at the price they would be sent with: a taker IOC at its deepest
    /// level (rounded aggressively so it still reaches it), a maker at its own level (rounded passively).
    static func checkRules(_ m: VenueMarket, _ leg: LegQuote, size: Qty) throws(OpportunityRejection) {
        let rounding: PriceRounding = leg.role == .taker ? .aggressive : .passive
        do {
            _ = try OrderQuantizer(rules: m.rules).quantize(side: leg.side, baseQty: size, price: leg.worstPrice, rounding: rounding)
        } catch {
            throw .legRules(venue: m.venue, error)
        }
    }

    /// Net edge must reach `min_profitability` bps of the buy notional, compared exactly (the bar rounds up).
    static func checkThreshold(_ o: Opportunity, minBps: BasisPoints) throws(OpportunityRejection) {
        guard (0...14).contains(minBps.scale),
              let bar = FixedMath.mulDiv(o.buyNotional.units, minBps.units, FixedMath.pow10[minBps.scale + 4], .up)
        else { throw .outOfRange(field: "min_profitability") }
        guard o.netEdge.units >= bar else {
            throw .belowThreshold(netEdge: o.netEdge, buyNotional: o.buyNotional, minBps: minBps)
        }
    }

    /// `amount / base × 10 000` with two decimals, rounded down, for the operator's text.
    static func bpsText(_ amount: Qty, of base: Qty) -> String {
        guard base.units > 0, let hundredths = FixedMath.mulDiv(amount.units, 1_000_000, base.units, .down) else { return "—" }
        return Qty(units: hundredths, scale: 2).description
    }
}
