import PropCore
import Server
import VenueSim

/// Order drafts priced off the simulator's true book: marketable = mid ± 2 %, resting = mid ∓ 10 %,
/// sized to the smallest lot multiple worth at least 150 USDT (above every venue's minimum notional).
extension ExecutionRig {
    /// The BTC perpetual of `venue` (any simulated instrument would do; BTC has the coarsest grids).
    static func btc(_ venue: Venue) -> InstrumentId { InstrumentId(venue: venue, base: "BTC", quote: "USDT") }

    /// Grid of a simulated instrument.
    static func spec(_ id: InstrumentId) -> SimInstrumentSpec {
        SimInstrumentSpec.all.first { $0.id == id }!
    }

    /// Mid of the true book as a price mantissa at the instrument's scale.
    func midUnits(_ id: InstrumentId) async -> Int64 {
        let state = await sim.instrumentState(id)!
        let bid = state.book.bestBid ?? state.lastPrice, ask = state.book.bestAsk ?? state.lastPrice
        return (bid + ask) / 2
    }

    /// Mid moved by `percent` (may be negative), rounded down to the tick.
    func price(_ id: InstrumentId, percent: Int64) async -> Price {
        let spec = Self.spec(id)
        let mid = await midUnits(id)
        let raw = mid + mid * percent / 100
        return Price(units: raw - raw % spec.tickUnits, scale: spec.priceScale)
    }

    /// The smallest lot multiple whose notional at `price` is at least 150 USDT.
    static func quantity(_ id: InstrumentId, at price: Price) -> Qty {
        let spec = spec(id)
        let target = Qty(units: 150, scale: 0)
        var lots: Int64 = 1
        while true {
            let qty = Qty(units: spec.lotUnits * lots, scale: spec.qtyScale)
            let base = Price(units: qty.units, scale: qty.scale).notional(spec.contractValue)
            if price.notional(base) >= target { return qty }
            lots += 1
        }
    }

    /// A buy (or sell) IOC limit 2 % through the mid: takes liquidity at once.
    func marketableIOC(_ id: InstrumentId, side: OrderSide = .buy) async -> OrderDraft {
        let price = await self.price(id, percent: side == .buy ? 2 : -2)
        return OrderDraft(instrument: id, side: side, type: .limit, timeInForce: .ioc, price: price,
                          qty: Self.quantity(id, at: price))
    }

    /// A GTC limit 10 % away from the mid on its own side: rests and does not fill.
    func resting(_ id: InstrumentId, side: OrderSide = .buy) async -> OrderDraft {
        let price = await self.price(id, percent: side == .buy ? -10 : 10)
        return OrderDraft(instrument: id, side: side, type: .limit, timeInForce: .gtc, price: price,
                          qty: Self.quantity(id, at: price))
    }

    /// A post-only limit 2 % through the mid: would take, so the venue refuses (or cancels) it.
    func crossingPostOnly(_ id: InstrumentId, side: OrderSide = .buy) async -> OrderDraft {
        var draft = await marketableIOC(id, side: side)
        draft.timeInForce = .postOnly
        return draft
    }

    /// Client ids the simulated venue has ever accepted.
    func clientIds(_ venue: Venue) async -> Set<String> {
        Set(await sim.state.allClientOrderIds(venue: venue))
    }

    /// The simulator's fills of one order.
    func simFills(of clientOrderId: String, on id: InstrumentId) async -> [FillReport] {
        await sim.state.fills(venue: id.venue, instrument: id, sinceMs: 0).filter { $0.clientOrderId == clientOrderId }
    }

    /// True when the simulator holds `clientOrderId` open.
    func isOpenOnSim(_ clientOrderId: String, on id: InstrumentId) async -> Bool {
        await sim.state.openOrders(venue: id.venue, instrument: id).contains { $0.clientOrderId == clientOrderId }
    }
}
