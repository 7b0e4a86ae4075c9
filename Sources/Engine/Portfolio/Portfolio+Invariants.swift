public import PropCore

extension Portfolio {
    /// Checks the books against each other and returns every disagreement (empty = consistent); the result is also
    /// kept in `lastViolations`. The identities, per instrument and per venue, exactly:
    /// - (a) position = Σ signed fill quantities, and = `expectedPositions[id]` when given (missing = flat);
    /// - (b) cash ledger = starting cash + Σ over its instruments (realized − basis − fees + funding), because each
    ///   fill's cash flow either moves into the basis (opening) or into realized PnL plus the removed basis (closing);
    /// - (c) realized + unrealized − fees + funding = equity − starting cash, per venue and in total.
    /// Inputs refused earlier are reported too, so one bad fill keeps the caller in HOLD until someone looks.
    @discardableResult
    public mutating func checkInvariants(expectedPositions: [InstrumentId: Qty]? = nil) -> [PortfolioViolation] {
        var out = refused
        let zero = Qty(units: 0, scale: 0)
        for id in Set(positions.keys).union(ledger.fillQty.keys).sorted() {
            let held = positions[id]?.qty ?? zero, summed = ledger.fillQty[id] ?? zero
            if !PortfolioMath.same(held, summed) {
                out.append(.init(.positionVsFills, instrument: id, expected: summed.description, actual: held.description))
            }
        }
        if let expectedPositions {
            let ids = Set(expectedPositions.keys).union(positions.values.filter { !$0.isFlat }.map(\.instrument))
            for id in ids.sorted() {
                let want = expectedPositions[id] ?? zero, held = positions[id]?.qty ?? zero
                if !PortfolioMath.same(want, held) {
                    out.append(.init(.positionVsExpected, instrument: id, expected: want.description, actual: held.description))
                }
            }
        }
        var totalNet: Int64 = 0, totalGain: Int64 = 0
        for venue in venues {
            let start = startingCash[venue]?.units ?? 0
            let derived = positions.values.filter { $0.instrument.venue == venue }
                .reduce(start) { PortfolioMath.sat($0, $1.cashFlowUnits) }
            let cash = ledger.cash[venue] ?? 0
            if derived != cash {
                out.append(.init(.cashMismatch, venue: venue, expected: usdt(cash), actual: usdt(derived)))
            }
            let net = rollup(venue: venue).netPnl.units
            let gain = PortfolioMath.satSub(equityUnits(venue), start)
            if net != gain { out.append(.init(.equityMismatch, venue: venue, expected: usdt(gain), actual: usdt(net))) }
            totalNet = PortfolioMath.sat(totalNet, net); totalGain = PortfolioMath.sat(totalGain, gain)
        }
        let total = self.total
        if total.netPnl.units != totalNet || PortfolioMath.satSub(total.equity.units, total.startingCash.units) != totalGain
            || totalNet != totalGain {
            out.append(.init(.equityMismatch, expected: usdt(totalGain), actual: total.netPnl.description))
        }
        lastViolations = out
        return out
    }

    private func usdt(_ units: Int64) -> String { PortfolioMath.usdt(units).description }
}
