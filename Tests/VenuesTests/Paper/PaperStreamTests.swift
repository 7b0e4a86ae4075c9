import PropCore
import Testing
import Venues

/// The private stream the paper venue emits, and determinism of the whole model.
@Suite("Paper venue: private stream and determinism")
struct PaperStreamTests {
    @Test("events come in the order a real private stream sends them, with unique trade ids")
    func eventsStreamOrder() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "5")], asks: [("100.0", "1"), ("100.5", "1")], at: 1_000))
        _ = try await paper.place(Paper.order("e1", .buy, price: "100.5", qty: "3"))
        _ = try await paper.cancel(instrument: Paper.btc, clientOrderId: "e1")
        let events = await Paper.drain(paper)
        #expect(events.map(\.kind) == [
            "connected", "order:new",
            "fill", "order:partially_filled", "position", "balance",
            "fill", "order:partially_filled", "position", "balance",
            "order:canceled",
        ])
        let fills = events.compactMap { if case .fill(let f) = $0 { f } else { nil } }
        #expect(Set(fills.map(\.tradeId)).count == 2)
        #expect(fills.allSatisfy { $0.clientOrderId == "e1" && !$0.isMaker })
        let lastPosition = events.compactMap { if case .position(let p) = $0 { p } else { nil } }.last
        #expect(lastPosition?.qty == Paper.qty("2"))
        let last = events.compactMap { if case .order(let o) = $0 { o } else { nil } }.last
        #expect(last?.filledQty == Paper.qty("2") && last?.status == .canceled)
    }

    /// Plays a random but seeded session (books, orders of every kind, cancels) and returns every event.
    static func session(seed: UInt64, steps: Int) async -> (events: [PrivateStreamEvent], paper: PaperTradingVenue) {
        var rng = SeededGenerator(seed: seed)
        let paper = Paper.venue(seed: seed)
        var t: Int64 = 1_000
        var mid: Int64 = 10_000   // cents
        var ids: [String] = []
        for step in 0..<steps {
            t += Int64.random(in: 1...20, using: &rng)
            if Bool.random(using: &rng) || step == 0 {
                mid += Int64.random(in: -30...30, using: &rng)
                let bids = (0..<3).map { (Price(units: mid - 10 - $0 * 10, scale: 2), Qty(units: Int64.random(in: 1...40, using: &rng), scale: 1)) }
                let asks = (0..<3).map { (Price(units: mid + 10 + $0 * 10, scale: 2), Qty(units: Int64.random(in: 1...40, using: &rng), scale: 1)) }
                await paper.onBook(Paper.btc, PaperBook(bids: bids, asks: asks, receivedMs: t))
                continue
            }
            let id = "s\(step)"
            let side: OrderSide = Bool.random(using: &rng) ? .buy : .sell
            let price = Price(units: mid + Int64.random(in: -40...40, using: &rng), scale: 2)
            let qty = Qty(units: Int64.random(in: 1...30, using: &rng), scale: 1)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: _ = try? await paper.place(OrderRequest(clientOrderId: id, instrument: Paper.btc, side: side, type: .market, qty: qty))
            case 1: _ = try? await paper.place(OrderRequest(clientOrderId: id, instrument: Paper.btc, side: side, type: .limit, timeInForce: .ioc, price: price, qty: qty))
            case 2: _ = try? await paper.place(OrderRequest(clientOrderId: id, instrument: Paper.btc, side: side, type: .limit, timeInForce: .postOnly, price: price, qty: qty))
            case 3: _ = try? await paper.place(OrderRequest(clientOrderId: id, instrument: Paper.btc, side: side, type: .limit, price: price, qty: qty, reduceOnly: Bool.random(using: &rng)))
            case 4: if let victim = ids.randomElement(using: &rng) { _ = try? await paper.cancel(instrument: Paper.btc, clientOrderId: victim) }
            default: _ = try? await paper.place(OrderRequest(clientOrderId: id, instrument: Paper.btc, side: side, type: .limit, price: price, qty: qty))
            }
            ids.append(id)
        }
        return (await Paper.drain(paper), paper)
    }

    @Test("same seed and same events give the same stream; fills add up to orders and to the position",
          arguments: [UInt64(1), 7, 42, 2024])
    func deterministicAndConsistent(seed: UInt64) async throws {
        let (first, paper) = await Self.session(seed: seed, steps: 400)
        let (second, _) = await Self.session(seed: seed, steps: 400)
        #expect(first == second)
        let fills = first.compactMap { if case .fill(let f) = $0 { f } else { nil } }
        #expect(!fills.isEmpty)
        #expect(Set(fills.map(\.tradeId)).count == fills.count)
        // Last report of every order: filled quantity equals the sum of its fills and never exceeds its size.
        var lastReport: [String: OrderReport] = [:]
        for case .order(let o) in first { lastReport[o.clientOrderId] = o }
        for (id, report) in lastReport {
            let sum = fills.filter { $0.clientOrderId == id }.reduce(Qty.zero) { $0 + $1.qty }
            #expect(sum == report.filledQty, "\(id)")
            #expect(report.filledQty <= report.qty, "\(id)")
        }
        let signed = fills.reduce(Qty.zero) { $0 + ($1.side == .buy ? $1.qty : -$1.qty) }
        let position = try await paper.positions().first?.qty ?? .zero
        #expect(position == signed)
        let fees = fills.reduce(Qty.zero) { $0 + $1.fee }
        #expect(fees > .zero)
    }
}
