import PropCore

/// One net (one-way) position: signed size in venue units and the USDT cost of that size at entry.
struct PaperPosition: Sendable, Hashable {
    var qty: Qty = .zero
    /// Σ entry price × base quantity of the open size (always ≥ 0).
    var entryCost: Qty = .zero
}

/// Wallet and positions of the paper account. Wallet = start + realised PnL − fees; available =
/// wallet + unrealised PnL − position margin − open-order margin (margins are notional / leverage).
struct PaperAccount: Sendable {
    var wallet: Qty
    var positions: [InstrumentId: PaperPosition] = [:]

    init(startingBalance: Qty) { wallet = startingBalance }

    /// Signed position size of `instrument` (0 when flat).
    func positionQty(_ instrument: InstrumentId) -> Qty { positions[instrument]?.qty ?? .zero }

    /// Books one fill: opens, adds to, reduces, closes or flips the position, realises PnL and pays `fee`.
    mutating func apply(instrument: InstrumentId, side: OrderSide, price: Price, qty: Qty, fee: Qty, settings: PaperSettings) {
        var pos = positions[instrument] ?? PaperPosition()
        let delta = side == .buy ? qty : -qty
        let reducing = !pos.qty.isZero && pos.qty.isNegative != delta.isNegative
        var opening = qty
        if reducing {
            let held = pos.qty.magnitude
            let closed = min(qty, held)
            let closedCost = PaperMath.share(pos.entryCost, closed, of: held)
            let closedValue = PaperMath.notional(price, settings.baseQuantity(closed, of: instrument))
            // Long: sold above entry is profit; short: bought back below entry is profit.
            wallet += pos.qty.isNegative ? closedCost - closedValue : closedValue - closedCost
            pos.entryCost -= closedCost
            pos.qty += side == .buy ? closed : -closed
            if pos.qty.isZero { pos.entryCost = .zero }
            opening = qty - closed
        }
        if opening > .zero {
            pos.qty += side == .buy ? opening : -opening
            pos.entryCost += PaperMath.notional(price, settings.baseQuantity(opening, of: instrument))
        }
        wallet -= fee
        positions[instrument] = pos
    }

    /// Unrealised PnL of `instrument` at `mark` (0 without a mark).
    func unrealizedPnl(_ instrument: InstrumentId, mark: Price?, settings: PaperSettings) -> Qty {
        guard let pos = positions[instrument], !pos.qty.isZero, let mark else { return Qty(units: 0, scale: PaperMath.moneyScale) }
        let value = PaperMath.notional(mark, settings.baseQuantity(pos.qty.magnitude, of: instrument))
        return pos.qty.isNegative ? pos.entryCost - value : value - pos.entryCost
    }

    /// The venue's position report.
    func report(_ instrument: InstrumentId, mark: Price?, settings: PaperSettings) -> PositionReport {
        let pos = positions[instrument] ?? PaperPosition()
        let entry = pos.qty.isZero ? nil
            : PaperMath.quotient(pos.entryCost, settings.baseQuantity(pos.qty.magnitude, of: instrument))
        return PositionReport(instrument: instrument, qty: pos.qty, entryPrice: entry,
                              unrealizedPnl: unrealizedPnl(instrument, mark: mark, settings: settings))
    }
}
