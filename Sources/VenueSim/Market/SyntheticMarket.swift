public import PropCore

/// The synthetic, correlated market behind all three simulated venues: a random-walk mid per asset
/// (BTC, ETH, SOL) with a shared factor, per-venue noise and occasional cross-venue dislocations that
/// revert after a few seconds, and a 500-level exact book per venue and asset that moves a few levels
/// near the top each step. Fully determined by the seed and the step times.
public struct SyntheticMarket: Sendable {
    /// Tunables of the synthetic market.
    public struct Parameters: Sendable, Hashable {
        /// Levels kept on each side of every book.
        public var levels: Int = 500
        /// Per-step volatility of an asset's mid, in bps.
        public var stepVolatilityBps: Double = 0.2
        /// Correlation of assets through the shared factor.
        public var correlation: Double = 0.8
        /// Chance per instrument and step that a dislocation starts.
        public var dislocationProbability: Double = 1.0 / 400
        /// Size range of a dislocation, in bps.
        public var dislocationBps: ClosedRange<Int> = 8...30
        /// Duration range of a dislocation, in ms.
        public var dislocationMillis: ClosedRange<Int> = 2_000...6_000
        /// Chance per instrument and step that a trade prints.
        public var tradeProbability: Double = 0.35
        /// Defaults.
        public init() {}
    }

    /// Tunables in use.
    public let parameters: Parameters
    /// All nine instruments, in `SimInstrumentSpec.all` order.
    public private(set) var instruments: [SimInstrumentState]
    /// Current mid of each asset, keyed by base coin.
    public private(set) var assetMids: [String: Double]
    private var rng: SimRandom
    private let assets = ["BTC", "ETH", "SOL"]

    /// Builds the initial books at `nowMs` from `seed`.
    public init(seed: UInt64, nowMs: Int64, parameters: Parameters = Parameters()) {
        self.parameters = parameters
        var rng = SimRandom(seed: seed)
        instruments = SimInstrumentSpec.all.map { SimInstrumentState(spec: $0, rng: &rng) }
        assetMids = SimInstrumentSpec.startMid
        self.rng = rng
        for i in instruments.indices {
            instruments[i].mid = assetMids[instruments[i].spec.id.base] ?? 100
            rebuild(i, nowMs: nowMs)
            for v in instruments[i].views.indices { _ = instruments[i].views[v].advance(to: instruments[i].book) }
            let mid = (instruments[i].book.bestBid ?? 0)
            instruments[i].lastPrice = mid; instruments[i].openPrice = mid
            instruments[i].high = mid; instruments[i].low = mid
            instruments[i].lastQty = instruments[i].spec.lotUnits
            instruments[i].lastChangeMs = nowMs
        }
    }

    /// Index of an instrument by canonical id.
    public func index(of id: InstrumentId) -> Int? { instruments.firstIndex { $0.spec.id == id } }

    /// Index of an instrument by venue and native symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public func index(venue: Venue, nativeSymbol: String) -> Int? {
        instruments.firstIndex { $0.spec.id.venue == venue && $0.spec.nativeSymbol == nativeSymbol }
    }

    /// Advances the market one step to `nowMs`. Books listed in `frozen` keep still (their streams only
    /// heartbeat), which lets tests and drills reproduce a quiet market.
    public mutating func step(nowMs: Int64, frozen: Set<InstrumentId> = []) -> [SimInstrumentTick] {
        let common = rng.gaussian()
        let rho = parameters.correlation
        for asset in assets {
            let z = rho * common + (1 - rho * rho).squareRoot() * rng.gaussian()
            assetMids[asset, default: 100] *= 1 + z * parameters.stepVolatilityBps / 10_000
        }
        var out: [SimInstrumentTick] = []
        out.reserveCapacity(instruments.count)
        for i in instruments.indices {
            out.append(stepInstrument(i, nowMs: nowMs, frozen: frozen.contains(instruments[i].spec.id)))
        }
        return out
    }

    private mutating func stepInstrument(_ i: Int, nowMs: Int64, frozen: Bool) -> SimInstrumentTick {
        var s = instruments[i]
        s.noiseBps = 0.9 * s.noiseBps + 0.3 * rng.gaussian()
        if s.dislocationBps != 0, nowMs >= s.dislocationUntilMs { s.dislocationBps = 0 }
        if s.dislocationBps == 0, rng.chance(parameters.dislocationProbability) {
            let sign: Double = rng.chance(0.5) ? 1 : -1
            s.dislocationBps = sign * Double(rng.int(parameters.dislocationBps))
            s.dislocationUntilMs = nowMs + Int64(rng.int(parameters.dislocationMillis))
        }
        s.mid = (assetMids[s.spec.id.base] ?? 100) * (1 + (s.noiseBps + s.dislocationBps) / 10_000)
        let oldTop = (s.book.top(.buy, 1).first, s.book.top(.sell, 1).first)
        instruments[i] = s
        var trades: [SimTrade] = []
        if !frozen {
            moveBook(i)
            if rng.chance(parameters.tradeProbability) { trades.append(printTrade(i, nowMs: nowMs)) }
        }
        s = instruments[i]
        var views: [SimViewUpdate] = []
        var anyChange = false
        let crossStep = Int64(rng.int(100...3_000))
        for v in s.views.indices {
            let prev = s.views[v].updateId
            let (b, a) = s.views[v].advance(to: s.book)
            let changes = Int64(b.count + a.count)
            var first = prev, last = prev
            if changes > 0 {
                anyChange = true
                switch s.spec.id.venue {
                case .binance: first = prev + 1; last = prev + changes
                case .okx: first = prev + changes; last = first
                case .bybit: first = prev + 1; last = first
                }
                s.views[v].updateId = last
            }
            views.append(SimViewUpdate(viewIndex: v, depth: s.views[v].depth, bids: b, asks: a,
                                       firstId: first, lastId: last, prevId: prev))
        }
        if anyChange { s.crossSequence += crossStep; s.lastChangeMs = nowMs }
        let newTop = (s.book.top(.buy, 1).first, s.book.top(.sell, 1).first)
        instruments[i] = s
        return SimInstrumentTick(index: i, views: views, trades: trades,
                                 topChanged: newTop.0 != oldTop.0 || newTop.1 != oldTop.1)
    }

    /// Target best bid/ask mantissas for the instrument's current mid.
    private mutating func targetTop(_ i: Int) -> (bid: Int64, ask: Int64) {
        let s = instruments[i]
        let ticks = Int64((s.mid / s.priceUnitValue / Double(s.tick)).rounded(.down))
        let bid = max(1, ticks) * s.tick
        let ask = bid + s.tick * (rng.chance(0.1) ? 2 : 1)
        return (bid, ask)
    }

    /// Builds both sides from scratch around the current mid.
    private mutating func rebuild(_ i: Int, nowMs: Int64) {
        let (bid, ask) = targetTop(i)
        instruments[i].book = SimBook()
        fillSide(i, .buy, from: bid, count: parameters.levels)
        fillSide(i, .sell, from: ask, count: parameters.levels)
    }

    /// Adds `count` levels going away from `start` (inclusive), skipping some prices.
    private mutating func fillSide(_ i: Int, _ side: Side, from start: Int64, count: Int) {
        let tick = instruments[i].tick
        let dir: Int64 = side == .buy ? -1 : 1
        var price = start, added = 0, distance = instruments[i].book.count(side)
        while added < count, price > 0 {
            if added == 0 || rng.chance(0.85) {
                let size = instruments[i].levelSize(distance: distance, rng: &rng)
                instruments[i].book.set(side, price: price, qty: size)
                added += 1; distance += 1
            }
            price += dir * tick
        }
    }

    /// One step of book motion: follow the mid, churn a few levels near the top, keep the depth.
    private mutating func moveBook(_ i: Int) {
        let (bid, ask) = targetTop(i)
        let tick = instruments[i].tick
        for (side, target) in [(Side.buy, bid), (Side.sell, ask)] {
            let better: (Int64, Int64) -> Bool = side == .buy ? { $0 > $1 } : { $0 < $1 }
            // Levels that would now cross the spread leave the book.
            while let best = side == .buy ? instruments[i].book.bestBid : instruments[i].book.bestAsk, better(best, target) {
                instruments[i].book.set(side, price: best, qty: 0)
            }
            let dir: Int64 = side == .buy ? -1 : 1
            if let best = side == .buy ? instruments[i].book.bestBid : instruments[i].book.bestAsk {
                let gap = abs(target - best) / tick
                if gap > Int64(parameters.levels) {
                    instruments[i].book = clearedSide(instruments[i].book, side)
                    fillSide(i, side, from: target, count: parameters.levels)
                } else if best != target {
                    // The mid moved away from this side's old top: new levels appear in between.
                    instruments[i].book.set(side, price: target, qty: instruments[i].levelSize(distance: 0, rng: &rng))
                    var p = target + dir * tick
                    while p != best {
                        if rng.chance(0.85) { instruments[i].book.set(side, price: p, qty: instruments[i].levelSize(distance: 1, rng: &rng)) }
                        p += dir * tick
                    }
                }
            } else {
                fillSide(i, side, from: target, count: parameters.levels)
            }
            // A few size changes, deletions and insertions within the top 20 ticks.
            for _ in 0..<rng.int(1...4) {
                let d = rng.int(0...19)
                let p = target + dir * tick * Int64(d)
                guard p > 0 else { continue }
                let exists = instruments[i].book.qty(side, price: p) > 0
                if d > 0, exists, rng.chance(0.2) {
                    instruments[i].book.set(side, price: p, qty: 0)
                } else {
                    instruments[i].book.set(side, price: p, qty: instruments[i].levelSize(distance: d, rng: &rng))
                }
            }
            while instruments[i].book.count(side) > parameters.levels { instruments[i].book.removeWorst(side) }
            if instruments[i].book.count(side) < parameters.levels {
                let worst = (side == .buy ? instruments[i].book.bids.last : instruments[i].book.asks.last)?.price ?? target
                fillSide(i, side, from: worst + dir * tick, count: parameters.levels - instruments[i].book.count(side))
            }
        }
    }

    private func clearedSide(_ book: SimBook, _ side: Side) -> SimBook {
        var b = book
        while b.count(side) > 0 { b.removeWorst(side) }
        return b
    }

    /// Prints one taker trade at the touch; the book is left as is (the churn models the refill).
    private mutating func printTrade(_ i: Int, nowMs: Int64) -> SimTrade {
        var s = instruments[i]
        let buy = rng.chance(0.5)
        let price = (buy ? s.book.bestAsk : s.book.bestBid) ?? s.lastPrice
        let maxLots = max(1, Int(s.levelSize(distance: 0, rng: &rng) / s.spec.lotUnits / 3))
        let qty = Int64(rng.int(1...maxLots)) * s.spec.lotUnits
        s.lastTradeId += 1
        s.lastPrice = price; s.lastQty = qty
        s.high = max(s.high, price); s.low = min(s.low, price)
        s.volume += qty
        instruments[i] = s
        return SimTrade(id: s.lastTradeId, price: price, qty: qty, takerSide: buy ? .buy : .sell, timeMs: nowMs)
    }
}
