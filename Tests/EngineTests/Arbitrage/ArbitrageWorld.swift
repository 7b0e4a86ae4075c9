import Engine
import PropCore
import PropertyBased

/// A random but reproducible market and venue for the property tests: books that wander around 65 000 with
/// thin levels (so walks go deep and fills are partial), a venue that fills, partially fills, rejects, lets
/// expire or rests each order by a hash of the seed and the order's key, and timer ticks of random length.
struct ArbWorld {
    let seed: UInt64
    var rig: ArbRig
    var rng: Xoshiro
    let venues: [Venue]

    init(seed: UInt64) {
        self.seed = seed
        var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 11))
        for _ in 0..<4 { _ = rng.next() }
        venues = seed % 4 == 3 ? [.binance, .okx] : [.binance, .okx, .bybit]
        var settings = ArbFx.settings
        switch seed % 3 {
        case 0: break
        case 1: settings.concurrentOrdersSubmission = false
        default: settings.style = .makerTaker
        }
        settings.orderAmountUsdt = Qty(units: Int64.random(in: 700...4_000, using: &rng), scale: 0)
        settings.exitMaxAgeMs = Int64.random(in: 3_000...20_000, using: &rng)
        var limits = ArbFx.limits
        limits.maxOrdersPerSecond = Int.random(in: 2...20, using: &rng)
        limits.maxOrderNotional = Qty(units: Int64.random(in: 1_500...5_000, using: &rng), scale: 0)
        var engine = ArbFx.engine(settings: settings, limits: limits, venues: venues)
        for v in venues { engine.venueLatencyNs[v] = UInt64.random(in: 1...50, using: &rng) * 1_000_000 }
        rig = ArbRig(engine)
        self.rng = rng
        let s = seed
        rig.venue = { leg in Self.answer(seed: s, leg) }
    }

    /// The venue's answer to one order: a pure function of the seed and the order (no shared state).
    static func answer(seed: UInt64, _ leg: LegOrder) -> VenueAnswer {
        var h = seed ^ 0xCBF2_9CE4_8422_2325
        for byte in leg.key.description.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        h ^= h >> 29; h = h &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 32
        let step = ArbFx.rules(leg.instrument.venue).stepSize.rescaled(to: leg.qty.scale)?.units ?? 1
        let lots = leg.qty.units / max(step, 1)
        switch h % 10 {
        case 0: return .reject
        case 1: return .expire
        case 2: return .rest
        case 3, 4:
            guard lots > 1 else { return .fill() }
            return .fill(Qty(units: (1 + Int64((h >> 8) % UInt64(lots - 1))) * step, scale: leg.qty.scale))
        default: return .fill()
        }
    }

    /// One random event: a book, a tick, or an answer to a resting order.
    mutating func step() {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<5:
            let v = venues.randomElement(using: &rng)!
            let mid = 650_000 + Int64.random(in: -1_500...1_500, using: &rng) // tenths of a USDT: ±23 bps
            let half = Int64.random(in: 1...3, using: &rng)
            let qty = ["0.01", "0.02", "0.05", "0.5"].randomElement(using: &rng)!
            rig.book(v, bid: Price(units: mid - half, scale: 1).description, ask: Price(units: mid + half, scale: 1).description,
                     baseQty: qty)
        case 5..<8:
            rig.tick(Int64.random(in: 20...700, using: &rng))
        default:
            guard let key = rig.resting.keys.sorted().first, let leg = rig.resting[key] else { return }
            if Bool.random(using: &rng) {
                let lots = Int64.random(in: 1...3, using: &rng)
                let step = ArbFx.rules(leg.instrument.venue).stepSize
                rig.fill(key, Qty(units: min(step.units * lots, leg.qty.rescaled(to: step.scale)!.units), scale: step.scale).description)
            }
            rig.final(key, Bool.random(using: &rng) ? .done : .rejected(code: "late_reject"))
        }
    }

    /// A cooperative venue from now on: every order fills, resting ones are answered, books stay fresh.
    /// Half the worlds end on converged books (open arbitrages exit), half keep OKX 30 bps rich (new ones open).
    mutating func settleDown(ticks: Int = 150) {
        rig.venue = { _ in .fill() }
        for key in rig.resting.keys.sorted() { rig.final(key) }
        let okxBid = seed % 2 == 0 ? "64999.9" : "65195.0"
        for i in 0..<ticks {
            if i % 2 == 0 {
                for v in venues {
                    let bid = v == .okx ? okxBid : "64999.9"
                    rig.book(v, bid: bid, ask: (ArbFx.p(bid) + ArbFx.p("0.2")).description)
                }
            }
            rig.tick(200)
        }
    }
}
