import Engine
import PropCore
import PropertyBased
import Testing

/// Random true venue lives delivered shuffled, duplicated and partly dropped (then recovered by a query and a
/// REST fill fetch): the final state and filled quantity always equal the venue's, every fill is booked
/// exactly once, filled quantity never goes down, nothing is reported illegal, and no new id is ever placed.
@Suite struct OrderLifePropertyTests {
    static let ms: UInt64 = 1_000_000

    @Test func anyDeliveryOrderEndsWhereTheVenueDid() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            // Xoshiro's first output depends on the second state word only, so the seed goes there too.
            var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 3))
            for _ in 0..<4 { _ = rng.next() }
            let life = VenueLife(rng: &rng)
            var m = OrderManager(settings: OrderManagerSettings(placeTimeoutMs: 2_000, cancelTimeoutMs: 1_000, maxResends: 1))
            let request = Fx.request(life.id, qty: life.qty)
            #expect(m.submit(request, parentId: "arb", nowNs: 0) == .place(request))
            m.markSent(life.id, nowNs: 1)

            var steps: [Step] = life.delivered(rng: &rng).map { .venue($0) }
            steps.insert(.placeAnswer(life.placeAnswer(rng: &rng)), at: Int.random(in: 0...steps.count, using: &rng))
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                steps.insert(.timer, at: Int.random(in: 0...steps.count, using: &rng))
            }
            if Bool.random(using: &rng) { steps.insert(.cancel, at: Int.random(in: 0...steps.count, using: &rng)) }

            var booked: [String] = []
            var commands: [OrderCommand] = []
            var illegal: [IllegalTransition] = []
            var lastFilled = Qty.zero
            var now: UInt64 = 1
            func absorb(_ out: ApplyOutcome) {
                booked += out.newFills.map(\.tradeId); commands += out.commands; illegal += out.illegal
            }
            func checkMonotonic() {
                let f = m.order(life.id)?.filledQty ?? .zero
                #expect(f >= lastFilled, "filled quantity went down: \(lastFilled) → \(f)")
                lastFilled = f
            }
            for step in steps {
                now += UInt64.random(in: 1...1_500, using: &rng) * Self.ms
                switch step {
                case .venue(let e): absorb(m.apply(e, nowNs: now))
                case .placeAnswer(let a): absorb(m.placeResult(life.id, a, nowNs: now))
                case .timer: commands += m.onTimer(nowNs: now)
                case .cancel: if let c = m.requestCancel(life.id, nowNs: now) { commands.append(c) }
                }
                checkMonotonic()
            }
            // Recovery: ask the venue by client id, then fetch the fills over REST (all of them, in any order).
            now += Self.ms
            absorb(m.reconcile(life.id, venueAnswer: life.latest, nowNs: now))
            for f in life.fills.shuffled(using: &rng) { absorb(m.apply(.fill(f), nowNs: now)); checkMonotonic() }

            let order = m.order(life.id)
            #expect(order?.state == life.expectedState, "\(life.ending) seed \(seed)")
            #expect(order?.filledQty == Fx.q(life.filled), "seed \(seed)")
            #expect(order?.bookedFillQty == Fx.q(life.filled) && order?.unbookedQty == .zero)
            #expect(booked.sorted() == life.fills.map(\.tradeId).sorted(), "each fill booked exactly once")
            #expect(illegal.isEmpty, "\(illegal.map(\.reasonRu))")
            #expect(commands.allSatisfy { $0.clientOrderId == life.id && !$0.isPlace && !$0.isResend })
            #expect(m.count == 1)
        }
    }

    enum Step {
        case venue(PrivateStreamEvent)
        case placeAnswer(Result<OrderReport, PlaceOutcome>)
        case timer
        case cancel
    }
}
