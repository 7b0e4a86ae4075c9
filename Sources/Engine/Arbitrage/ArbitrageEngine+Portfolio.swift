import PropCore

extension ArbitrageEngine {
    /// Checks the portfolio's invariants against positions computed elsewhere (the order path's booked fills).
    /// The caller decides what a violation means (the runner HOLDs once it persists).
    public mutating func checkPortfolio(expectedPositions: [InstrumentId: Qty]?) -> [PortfolioViolation] {
        portfolio.checkInvariants(expectedPositions: expectedPositions)
    }

    /// Contract value (base coin per venue unit) of a traded instrument.
    public func contractValue(_ id: InstrumentId) -> Qty? { slotById[id].map { markets[$0].rules.contractValue } }
}

extension ArbitrageEngine {
    /// Net edges of the full walks since the last call (the edge histogram's input).
    public mutating func drainEdges() -> [Double] { board.drainEdges() }
}
