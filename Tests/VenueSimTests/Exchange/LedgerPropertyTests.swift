import PropCore
import Testing
@testable import VenueSim

/// For random order sequences (seeded, replayable) on all three venues, with maker fills, cancels, funding
/// and reduce-only orders mixed in: wallet = start + realised − fees + funding, each position equals the
/// signed sum of its fills, realised PnL equals an independent cost-basis model, and no order overfills.
@Suite struct LedgerPropertyTests {
    typealias R = ExchangeRig

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func ledgerInvariantsHoldForRandomOrderFlow(seed: UInt64) async throws {
        let (state, clock) = R.make(seed: seed, balance: "20000", fundingPeriodMs: 700, volatilityBps: 5)
        var rng = SimRandom(seed: seed &* 7919)
        let instruments = SimInstrumentSpec.all.map(\.id)
        var clientSeq = 0
        for step in 0..<400 {
            let inst = instruments[rng.int(0...instruments.count - 1)]
            let (book, spec) = await R.book(state, inst)
            let side: OrderSide = rng.chance(0.5) ? .buy : .sell
            let lots = Int64(rng.int(1...60)) * spec.lotUnits * (inst.venue == .binance ? 3 : 1)
            let reduceOnly = rng.chance(0.15)
            clientSeq += 1
            let id = "p\(seed)-\(clientSeq)"
            switch rng.int(0...9) {
            case 0...3:
                let top = side == .buy ? book.bids[0].price : book.asks[0].price
                let offset = Int64(rng.int(-3...3)) * spec.tickUnits
                let tifs: [TimeInForce] = [.gtc, .gtc, .ioc, .fok, .postOnly]
                _ = await state.placeOrder(R.limit(id, inst, side, price: top + offset, qty: lots, spec: spec,
                                                   tif: tifs[rng.int(0...tifs.count - 1)], reduceOnly: reduceOnly))
            case 4...5:
                _ = await state.placeOrder(R.market(id, inst, side, qty: lots, spec: spec, reduceOnly: reduceOnly))
            case 6:
                if let o = await state.openOrders(venue: inst.venue, instrument: nil).first {
                    _ = await state.cancelOrder(instrument: o.instrument, clientOrderId: o.clientOrderId, venueOrderId: nil)
                }
            default:
                await R.tick(state, clock, stepMs: Int64(rng.int(50...400)))
            }
            if step % 50 == 49 { try await checkInvariants(state) }
        }
        try await checkInvariants(state)
        // The flow really traded, settled funding and left something resting (the invariants were not vacuous).
        var fills = 0, fundings = 0
        for v in Venue.allCases {
            fills += await state.fills(venue: v, instrument: nil, sinceMs: 0).count
            fundings += await state.fundingPayments(venue: v, sinceMs: 0).count
        }
        #expect(fills > 50 && fundings > 0)
    }

    private func checkInvariants(_ state: SimState) async throws {
        for venue in Venue.allCases {
            let ledger = await state.ledger(venue: venue)
            #expect(ledger.walletE8 == ledger.startE8 + ledger.realisedE8 - ledger.feesE8 + ledger.fundingE8)
            let fills = await state.fills(venue: venue, instrument: nil, sinceMs: 0)
            #expect(fills.reduce(Int64(0)) { $0 + $1.fee.units } == ledger.feesE8)
            #expect(Set(fills.map(\.tradeId)).count == fills.count)
            let funding = await state.fundingPayments(venue: venue, sinceMs: 0)
            #expect(funding.reduce(Int64(0)) { $0 + $1.amount.units } == ledger.fundingE8)
            var models: [InstrumentId: ReferencePosition] = [:]
            var filledByOrder: [String: Int64] = [:]
            for f in fills {
                let spec = SimInstrumentSpec.all.first { $0.id == f.instrument }!
                models[f.instrument, default: ReferencePosition()].apply(f, spec: spec)
                filledByOrder[f.venueOrderId, default: 0] += f.qty.units
            }
            #expect(models.values.reduce(Int64(0)) { $0 + $1.realisedE8 } == ledger.realisedE8)
            let positions = await state.positions(venue: venue)
            for (inst, model) in models {
                let pos = positions.first { $0.instrument == inst }
                #expect((pos?.qty.units ?? 0) == model.qtyUnits, "\(inst)")
            }
            #expect(positions.allSatisfy { models[$0.instrument] != nil })
            for (orderId, filled) in filledByOrder {
                let first = try #require(fills.first { $0.venueOrderId == orderId })
                let o = try #require(await state.queryOrder(instrument: first.instrument, clientOrderId: nil, venueOrderId: orderId))
                #expect(o.filledQty.units == filled && filled <= o.qty.units)
                let own = await state.orderFills(instrument: first.instrument, venueOrderId: orderId)
                #expect(own.reduce(Int64(0)) { $0 + $1.qty.units } == filled)
                if o.reduceOnly { #expect(o.status != .new) }
            }
            for o in await state.openOrders(venue: venue, instrument: nil) { #expect(!o.status.isFinal) }
        }
    }
}
