import Engine
import PropCore
import PropertyBased

/// One order's true life on the venue (ack, fills, final status) and the reference answer for it, for the
/// property test: whatever order the events arrive in, the manager must end where the venue did.
struct VenueLife {
    enum Ending: CaseIterable { case resting, partiallyResting, filled, canceled, expired, rejected }

    let id = "c1"
    var qty: Int64
    var ending: Ending
    /// Every event the venue emits, in venue order (reports and fills, strictly increasing venue time).
    var events: [PrivateStreamEvent] = []
    var fills: [FillReport] = []
    /// What a REST query returns at the end.
    var latest: OrderReport

    var filled: Int64 { fills.reduce(0) { $0 + $1.qty.units } }

    /// The state the order manager must reach.
    var expectedState: OrderState {
        switch ending {
        case .resting: .acked
        case .partiallyResting: .partiallyFilled
        case .filled: .filled
        case .canceled: .canceled
        case .expired: .expired
        case .rejected: .rejected
        }
    }

    init(rng: inout Xoshiro) {
        qty = Int64.random(in: 1...12, using: &rng)
        ending = Ending.allCases.randomElement(using: &rng) ?? .filled
        let target: Int64 = switch ending {
        case .resting, .rejected: 0
        case .filled: qty
        case .partiallyResting: qty == 1 ? 0 : Int64.random(in: 1...(qty - 1), using: &rng)
        case .canceled, .expired: Int64.random(in: 0...(qty - 1), using: &rng)
        }
        if ending == .partiallyResting, target == 0 { ending = .resting }
        var ms: Int64 = 1_000
        let q = qty
        func report(_ s: VenueOrderStatus, _ c: Int64) -> OrderReport {
            Fx.report(s, filled: c, ms: ms, qty: q, venueId: "v-77")
        }
        latest = report(.rejected, 0)
        if ending == .rejected {
            events = [.order(latest)]
            return
        }
        latest = report(.new, 0)
        events.append(.order(latest))
        var done: Int64 = 0
        var n = 0
        while done < target {
            ms += Int64.random(in: 1...3, using: &rng)
            let piece = Int64.random(in: 1...(target - done), using: &rng)
            done += piece; n += 1
            let f = Fx.fill(trade: "T\(n)", qty: piece, price: Fx.p(65_000 + Int64.random(in: -5...5, using: &rng)), ms: ms, venueId: "v-77")
            fills.append(f)
            events.append(.fill(f))
            latest = report(done == qty ? .filled : .partiallyFilled, done)
            events.append(.order(latest))
        }
        if ending == .canceled || ending == .expired {
            ms += 1
            latest = report(ending == .canceled ? .canceled : .expired, done)
            events.append(.order(latest))
        }
    }

    /// The events as a flaky stream delivers them: some dropped, some duplicated, all shuffled.
    func delivered(rng: inout Xoshiro) -> [PrivateStreamEvent] {
        var out: [PrivateStreamEvent] = []
        for e in events {
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll < 3 { continue }
            out.append(e)
            if roll == 9 { out.append(e) }
        }
        out.shuffle(using: &rng)
        return out
    }

    /// What the REST answer to the place request says (or how it failed), consistent with the truth.
    func placeAnswer(rng: inout Xoshiro) -> Result<OrderReport, PlaceOutcome> {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: .failure(.unresolved(reason: "timeout"))
        case 1 where ending != .rejected: .failure(.duplicate)
        default: ending == .rejected ? .failure(.rejected(code: "order_post_only_would_take")) : .success(Fx.report(.new, ms: 1_000, qty: qty, venueId: "v-77"))
        }
    }
}
