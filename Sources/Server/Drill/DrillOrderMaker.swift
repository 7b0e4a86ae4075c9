public import PropCore

/// Picks the drill's random orders: marketable IOC limits (fill at once), market orders, and resting GTC
/// limits far from the touch (stay open, some cancelled) — so a crash can land at every life-cycle point.
public struct DrillOrderMaker: Sendable {
    public enum Kind: Sendable { case marketableIOC, market, resting }
    let plan: DrillPlan

    public init(plan: DrillPlan) { self.plan = plan }

    /// A random order; nil if the plan is empty or unusable.
    public func next(using rng: inout some RandomNumberGenerator) -> (draft: DraftParts, kind: Kind)? {
        guard let spec = plan.instruments.randomElement(using: &rng),
              let id = try? InstrumentId(parsing: spec.id),
              let tick = Price(spec.tick), let lot = Qty(spec.lot), tick.units > 0, lot.units > 0, spec.mid > 0 else { return nil }
        let side: OrderSide = Bool.random(using: &rng) ? .buy : .sell
        let roll = Int.random(in: 0..<10, using: &rng)
        let kind: Kind = roll < 4 ? .marketableIOC : (roll < 6 ? .market : .resting)
        // Smallest lot multiple clearly above the minimum notional (5 USDT where the venue has none).
        let minNotional = spec.minNotional.flatMap { Double($0) } ?? 5
        let lotValue = lot.doubleValue * spec.mid
        let lots = max(1, Int64((minNotional * 1.5 / lotValue).rounded(.up)))
        let qty = Qty(units: lot.units * lots, scale: lot.scale)
        let factor: Double
        switch kind {
        case .marketableIOC: factor = side == .buy ? 1.02 : 0.98
        case .market: factor = 1
        case .resting: factor = side == .buy ? 0.9 : 1.1
        }
        let units = Int64((spec.mid * factor / tick.doubleValue).rounded()) * tick.units
        let price = Price(units: units, scale: tick.scale)
        return (DraftParts(instrument: id, side: side, price: kind == .market ? nil : price, qty: qty), kind)
    }

    public struct DraftParts: Sendable {
        public var instrument: InstrumentId
        public var side: OrderSide
        public var price: Price?
        public var qty: Qty
    }
}
