public import PropCore

/// What a drill worker may trade: each instrument's grid and a recent mid, written by the drill parent
/// (which owns the simulator) before every run.
public struct DrillPlan: Codable, Sendable {
    public struct Instrument: Codable, Sendable {
        public var id: String
        public var tick: String
        public var lot: String
        public var minNotional: String?
        public var mid: Double

        public init(id: String, tick: String, lot: String, minNotional: String?, mid: Double) {
            self.id = id; self.tick = tick; self.lot = lot; self.minNotional = minNotional; self.mid = mid
        }
    }
    public var instruments: [Instrument]

    public init(instruments: [Instrument]) { self.instruments = instruments }
}
