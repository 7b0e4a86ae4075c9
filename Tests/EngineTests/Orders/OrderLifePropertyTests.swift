import Engine
import PropCore
import PropertyBased
import Testing

/// Random true venue lives delivered shuffled, duplicated and partly dropped (then recovered by a query and a
/// REST fill fetch): the final state and filled quantity always equal the venue's, every fill is booked
/// exactly once, filled quantity never goes down, nothing is reported illegal, no new id is ever placed,
/// and the same inputs replayed give exactly the same manager.
@Suite struct OrderLifePropertyTests {
    static let ms: UInt64 = 1_000_000

    enum Step: Sendable {
        case venue(PrivateStreamEvent)
        case placeAnswer(Result<OrderReport, PlaceOutcome>)
        case timer
        case cancel
        /// Recovery after the stream: the REST answer to a query by client id.
        case queryAnswer(OrderReport)
    }

    /// Everything one run produced.
    struct Run: Equatable {
        var orders: [TrackedOrder] = []
        var booked: [String] = []
        var commands: [OrderCommand] = []
        var illegal: [IllegalTransition] = []
        var filledTrace: [Qty] = []
    }

    /// The script for one seed: the delivered events, our own actions and timers, each with its time.
    static func script(seed: UInt64) -> (VenueLife, [(Step, UInt64)]) {
        // Xoshiro's first output depends on the second state word only, so the seed goes there too.
        var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 3))
        for _ in 0..<4 { _ = rng.next() }
        let life = VenueLife(rng: &rng)
        var steps: [Step] = life.delivered(rng: &rng).map { .venue($0) }
        steps.insert(.placeAnswer(life.placeAnswer(rng: &rng)), at: Int.random(in: 0...steps.count, using: &rng))
        for _ in 0..<Int.random(in: 0...3, using: &rng) { steps.insert(.timer, at: Int.random(in: 0...steps.count, using: &rng)) }
        if Bool.random(using: &rng) { steps.insert(.cancel, at: Int.random(in: 0...steps.count, using: &rng)) }
        // Recovery: ask the venue by client id, then fetch every fill over REST, in any order.
        steps.append(.queryAnswer(life.latest))
        steps += life.fills.shuffled(using: &rng).map { .venue(.fill($0)) }
        var now: UInt64 = 1
        let timed = steps.map { step in
            now += UInt64.random(in: 1...1_500, using: &rng) * ms
            return (step, now)
        }
        return (life, timed)
    }

    static func run(_ life: VenueLife, _ script: [(Step, UInt64)]) -> Run {
        var m = OrderManager(settings: OrderManagerSettings(placeTimeoutMs: 2_000, cancelTimeoutMs: 1_000, maxResends: 1))
        var r = Run()
        func absorb(_ out: ApplyOutcome) { r.booked += out.newFills.map(\.tradeId); r.commands += out.commands; r.illegal += out.illegal }
        r.commands.append(m.submit(Fx.request(life.id, qty: life.qty), parentId: "arb", nowNs: 0))
        absorb(m.markSent(life.id, nowNs: 1))
        for (step, now) in script {
            switch step {
            case .venue(let e): absorb(m.apply(e, nowNs: now))
            case .placeAnswer(let a): absorb(m.placeResult(life.id, a, nowNs: now))
            case .timer: r.commands += m.onTimer(nowNs: now)
            case .cancel: if let c = m.requestCancel(life.id, nowNs: now) { r.commands.append(c) }
            case .queryAnswer(let report): absorb(m.reconcile(life.id, venueAnswer: report, nowNs: now))
            }
            r.filledTrace.append(m.order(life.id)?.filledQty ?? .zero)
        }
        r.orders = m.allOrders
        return r
    }

    @Test func anyDeliveryOrderEndsWhereTheVenueDid() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let (life, script) = Self.script(seed: seed)
            let r = Self.run(life, script)
            let order = r.orders.first
            #expect(r.orders.count == 1)
            #expect(order?.state == life.expectedState, "\(life.ending) seed \(seed)")
            #expect(order?.filledQty == Fx.q(life.filled), "seed \(seed)")
            #expect(order?.bookedFillQty == Fx.q(life.filled) && order?.unbookedQty == .zero)
            #expect(r.booked.sorted() == life.fills.map(\.tradeId).sorted(), "each fill booked exactly once")
            #expect(r.illegal.isEmpty, "\(r.illegal.map(\.reasonRu))")
            #expect(zip(r.filledTrace, r.filledTrace.dropFirst()).allSatisfy { $0 <= $1 }, "filled quantity went down")
            #expect(r.commands.first == .place(Fx.request(life.id, qty: life.qty)))
            #expect(r.commands.dropFirst().allSatisfy { $0.clientOrderId == life.id && !$0.isPlace && !$0.isResend })
        }
    }

    @Test func theSameInputsReplayToTheSameManager() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let (life, script) = Self.script(seed: seed)
            #expect(Self.run(life, script) == Self.run(life, script))
        }
    }
}
