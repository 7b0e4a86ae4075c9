import Engine
import PropCore
import PropertyBased
import Testing

/// For random limits, risk levels, exposure snapshots and orders: an allowed order never takes any capped quantity
/// beyond its cap (the level's cap, which is never above the hard cap), a reduction never grows exposure, and a
/// higher risk level never allows less than a lower one.
@Suite struct RiskPropertyTests {
    static let instruments = [RiskFx.btc, RiskFx.okxBtc, RiskFx.binanceEth, RiskFx.okxEth]

    /// One random world.
    struct World {
        var limits: RiskLimits
        var level: RiskLevel
        var snapshot: RiskSnapshot
        var order: RiskOrder
        var calm = false
    }

    static func money(_ maxCents: Int64, _ rng: inout Xoshiro) -> Qty { Qty(units: Int64.random(in: 0...maxCents, using: &rng), scale: 2) }

    /// A value in `0...max`, or in `max/2...max` in a calm world (so that calm worlds mostly allow).
    static func pick(_ max: Int64, calm: Bool, _ rng: inout Xoshiro) -> Int64 {
        Int64.random(in: (calm ? max / 2 : 0)...max, using: &rng)
    }

    static func world(seed: UInt64) -> World {
        var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 7))
        for _ in 0..<4 { _ = rng.next() }
        // A third of the worlds are calm, a third calm but with tight exposure caps (so the exposure caps decide),
        // a third anything.
        let calm = seed % 3 != 2, tight = seed % 3 == 1
        func cap(_ maxCents: Int64) -> Qty {
            Qty(units: tight ? Int64.random(in: 0...maxCents / 6, using: &rng) : pick(maxCents, calm: calm, &rng), scale: 2)
        }
        func hazard(_ range: ClosedRange<Int64>) -> Int64 {
            Int64.random(in: calm ? range.lowerBound / 4...range.upperBound / 4 : range, using: &rng)
        }
        let big: Int64 = 2_000_000 // 20 000 USDT in cents
        let limits = RiskLimits(
            maxOrderNotional: cap(big / 4), maxInstrumentNotional: cap(big), maxLongNotional: cap(big),
            maxShortNotional: cap(big), maxVenueGross: cap(big * 2), maxGlobalGross: cap(big * 3), maxNetPerAsset: cap(big),
            maxLeverage: Qty(units: pick(100, calm: calm, &rng), scale: 1),
            maxOpenArbitrages: Int(pick(5, calm: calm, &rng)), maxInFlightOrders: Int(pick(20, calm: calm, &rng)) + 1,
            maxOrdersPerSecond: Int.random(in: 1...10, using: &rng), maxOrdersPerMinute: Int.random(in: 1...100, using: &rng),
            runawayActionsPerMinute: Int.random(in: 1...50, using: &rng), priceBandBps: pick(300, calm: calm, &rng),
            maxBookAgeMs: UInt64(pick(1_000, calm: calm, &rng)), maxMidMarkDivergenceBps: pick(100, calm: calm, &rng),
            maxFundingBps: pick(30, calm: calm, &rng), maxBasisBps: pick(100, calm: calm, &rng),
            dailyLossCap: Qty(units: pick(500_000, calm: calm, &rng), scale: 2),
            maxIntradayDrawdown: Qty(units: pick(500_000, calm: calm, &rng), scale: 2))
        var positions: [InstrumentId: Qty] = [:]
        var markets: [InstrumentId: RiskMarket] = [:]
        for id in instruments {
            if Bool.random(using: &rng) { positions[id] = Qty(units: hazard(-big / 2...big / 2), scale: 2) }
            let mid: Int64 = id.base == "BTC" ? 5_000_000 : 300_000 // cents
            let half = calm ? Int64.random(in: 1...(mid / 20_000), using: &rng) : Int64.random(in: -2...(mid / 2_000), using: &rng)
            let mark = mid + mid * hazard(-60...60) / 10_000
            markets[id] = RiskMarket(
                bestBid: Price(units: mid - half, scale: 2), bestAsk: Price(units: mid + half, scale: 2),
                bookAgeMs: UInt64(hazard(0...1_200)), mark: Price(units: mark, scale: 2),
                index: Price(units: mark + mark * hazard(-80...80) / 10_000, scale: 2),
                funding: FundingRate(units: hazard(-3_000...3_000), scale: 6))
        }
        let equity = Qty(units: pick(big, calm: calm, &rng), scale: 2)
        let snapshot = RiskSnapshot(
            positions: positions, openArbitrages: Int(hazard(0...6)),
            inFlightOrders: Int(hazard(0...22)), equity: equity,
            pnlToday: Qty(units: hazard(-600_000...300_000), scale: 2),
            peakEquityToday: equity + Qty(units: hazard(0...600_000), scale: 2), markets: markets)
        let id = instruments.randomElement(using: &rng)!
        let mid = markets[id]!.mid!
        let offsetBps = hazard(-400...400)
        let price: Price? = Int.random(in: 0..<5, using: &rng) == 0
            ? nil : Price(units: mid.units + mid.units * offsetBps / 10_000, scale: mid.scale)
        let request = OrderRequest(clientOrderId: "p\(seed)", instrument: id, side: Bool.random(using: &rng) ? .buy : .sell,
                                   type: price == nil ? .market : .limit, price: price,
                                   qty: Qty(units: hazard(0...(id.base == "BTC" ? 300 : 3_000)), scale: 3),
                                   reduceOnly: Int.random(in: 0..<4, using: &rng) == 0)
        let contractValue = id.venue == .okx ? Qty(units: Int64.random(in: 1...100, using: &rng), scale: 2) : Qty(units: 1, scale: 0)
        let order = RiskOrder(request, contractValue: contractValue, opensArbitrage: Bool.random(using: &rng))
        return World(limits: limits, level: RiskLevel(Int(pick(100, calm: calm, &rng))), snapshot: snapshot, order: order)
    }

    /// Every capped quantity after an allowed order, checked against `caps` (the level's, then the hard ones).
    static func violations(_ w: World, caps: RiskLimits) -> [String] {
        let s = w.snapshot, req = w.order.request, id = req.instrument, m = s.markets[id]!
        let price = req.price ?? (req.side == .buy ? m.bestAsk : m.bestBid) ?? m.mark!
        let cv = w.order.contractValue
        let notional = price.notional(Price(units: cv.units, scale: cv.scale).notional(req.qty, scale: 12), scale: 8)
        let before = s.position(id)
        let after = before + (req.side == .buy ? notional : -notional)
        let grossAfter = s.globalGross - before.magnitude + after.magnitude
        var bad: [String] = []
        if s.inFlightOrders + 1 > w.limits.maxInFlightOrders { bad.append("in-flight") }
        if let p = req.price, let ref = m.mid {
            let diff = (p - ref).magnitude.rescaled(to: ref.scale)!.units
            if diff * 10_000 > caps.priceBandBps * ref.units { bad.append("price band") }
        }
        let reducing = !before.isZero && after.magnitude < before.magnitude && (after.isZero || after.isNegative == before.isNegative)
        if req.reduceOnly && !reducing { bad.append("reduce-only increased") }
        if reducing {
            if grossAfter > s.globalGross { bad.append("reduction grew gross") }
            return bad
        }
        if notional > caps.maxOrderNotional { bad.append("order notional") }
        if after.magnitude > caps.maxInstrumentNotional { bad.append("instrument") }
        if !after.isNegative && after > caps.maxLongNotional { bad.append("long") }
        if after.isNegative && after.magnitude > caps.maxShortNotional { bad.append("short") }
        if s.venueGross(id.venue) - before.magnitude + after.magnitude > caps.maxVenueGross { bad.append("venue gross") }
        if grossAfter > caps.maxGlobalGross { bad.append("global gross") }
        if (s.net(base: id.base) - before + after).magnitude > caps.maxNetPerAsset { bad.append("net") }
        if grossAfter > Price(units: caps.maxLeverage.units, scale: caps.maxLeverage.scale).notional(s.equity) { bad.append("leverage") }
        if w.order.opensArbitrage && s.openArbitrages + 1 > caps.maxOpenArbitrages { bad.append("arbitrages") }
        if s.pnlToday.isNegative && s.pnlToday.magnitude > w.limits.dailyLossCap { bad.append("daily loss") }
        if s.peakEquityToday - s.equity > w.limits.maxIntradayDrawdown { bad.append("drawdown") }
        if (m.bookAgeMs ?? .max) > caps.maxBookAgeMs { bad.append("stale book") }
        if let b = m.bestBid, let a = m.bestAsk, b >= a { bad.append("crossed") }
        return bad
    }

    static func decide(_ w: World, level: RiskLevel) -> RiskDecision {
        RiskGate(limits: w.limits, level: level).evaluate(w.order, snapshot: w.snapshot, nowNs: 1_000 * RiskFx.sec)
    }

    @Test func allowedOrdersStayInsideEveryCap() async {
        await propertyCheck(count: 5_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let w = Self.world(seed: seed)
            guard Self.decide(w, level: w.level) == .allow else { return }
            #expect(Self.violations(w, caps: w.limits.scaled(to: w.level)) == [], "level caps, seed \(seed)")
            #expect(Self.violations(w, caps: w.limits) == [], "hard caps, seed \(seed)")
        }
    }

    @Test func higherLevelNeverAllowsLess() async {
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...100)) { seed, other in
            let w = Self.world(seed: seed)
            let (low, high) = (min(w.level, RiskLevel(other)), max(w.level, RiskLevel(other)))
            if Self.decide(w, level: low) == .allow {
                #expect(Self.decide(w, level: high) == .allow, "seed \(seed) levels \(low.percent)→\(high.percent)")
            }
        }
    }

    @Test func scaledCapsNeverExceedHardCaps() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let w = Self.world(seed: seed)
            let s = w.limits.scaled(to: w.level), h = w.limits
            #expect(s.maxOrderNotional <= h.maxOrderNotional && s.maxGlobalGross <= h.maxGlobalGross)
            #expect(s.maxNetPerAsset <= h.maxNetPerAsset && s.maxLeverage <= h.maxLeverage)
            #expect(s.priceBandBps <= h.priceBandBps && s.maxBookAgeMs <= h.maxBookAgeMs)
            #expect(s.maxOpenArbitrages <= h.maxOpenArbitrages)
        }
    }

    /// The generator is not vacuous: a fair share of the random orders is allowed, both adding and reducing risk.
    @Test func generatorReachesAllowedOrders() {
        var adding = 0, reducing = 0, denials = Set<String>(), hist: [String: Int] = [:]
        for seed in UInt64(0)..<4_000 {
            let w = Self.world(seed: seed)
            switch Self.decide(w, level: w.level) {
            case .allow:
                let before = w.snapshot.position(w.order.instrument)
                let buys = w.order.request.side == .buy
                if !before.isZero, buys == before.isNegative { reducing += 1 } else { adding += 1 }
            case .deny(let d): denials.insert(d.code); hist[d.code, default: 0] += 1
            }
        }
        #expect(adding >= 400 && reducing >= 200, "adding \(adding), reducing \(reducing) of 4000 \(hist)")
        #expect(denials.count >= 15, "\(denials.sorted())")
    }
}
