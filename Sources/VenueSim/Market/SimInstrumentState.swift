public import PropCore

/// Everything the simulator knows about one instrument on one venue: the exact book, the per-stream
/// views with their update ids, price noise and dislocation state, trade tape and 24 h statistics.
public struct SimInstrumentState: Sendable {
    /// Grid and symbol.
    public let spec: SimInstrumentSpec
    /// The true book.
    public internal(set) var book = SimBook()
    /// Depth-limited streams, in `SimInstrumentState.viewDepths(for:)` order.
    public internal(set) var views: [BookView]
    /// Bybit cross sequence `seq` (increasing, not contiguous); unused elsewhere.
    public internal(set) var crossSequence: Int64
    /// Last trade id issued (Binance `a`, OKX `tradeId`, Bybit `seq`-like counter).
    public internal(set) var lastTradeId: Int64
    /// Last traded price mantissa.
    public internal(set) var lastPrice: Int64 = 0
    /// Last traded size mantissa.
    public internal(set) var lastQty: Int64 = 0
    /// Price at simulator start, used as the 24 h open.
    public internal(set) var openPrice: Int64 = 0
    /// Highest and lowest traded price mantissas since start.
    public internal(set) var high: Int64 = 0, low: Int64 = 0
    /// Traded size mantissas since start.
    public internal(set) var volume: Int64 = 0
    /// Funding rate mantissa at scale 8 (10000 = 0.0001).
    public internal(set) var fundingRateE8: Int64
    /// Mean-reverting venue noise, in bps.
    var noiseBps: Double = 0
    /// Active dislocation in bps and the ms timestamp it ends at.
    public internal(set) var dislocationBps: Double = 0
    var dislocationUntilMs: Int64 = 0
    /// Venue mid in USDT as of the last step.
    public internal(set) var mid: Double = 0
    /// Wall-clock ms of the last book change (for OKX heartbeats).
    public internal(set) var lastChangeMs: Int64 = 0

    /// Depths of the streams each venue serves: Binance one full diff stream, OKX `books` (400),
    /// Bybit `orderbook.1/50/200/1000` (1000 covers the whole simulated book).
    public static func viewDepths(for venue: Venue) -> [Int] {
        switch venue {
        case .binance: [1000]
        case .okx: [400]
        case .bybit: [1, 50, 200, 1000]
        }
    }

    /// Index in `views` of the stream carrying `depth` levels, if the venue has one.
    public func viewIndex(depth: Int) -> Int? { views.firstIndex { $0.depth == depth } }

    init(spec: SimInstrumentSpec, rng: inout SimRandom) {
        self.spec = spec
        let start: Int64
        switch spec.id.venue {
        case .binance: start = 600_000_000_000 + Int64(rng.int(0...999_999_999))
        case .okx: start = 10_000_000_000 + Int64(rng.int(0...999_999_999))
        case .bybit: start = 1_000_000 + Int64(rng.int(0...9_999_999))
        }
        views = Self.viewDepths(for: spec.id.venue).map { BookView(depth: $0, updateId: start) }
        crossSequence = 700_000_000_000 + Int64(rng.int(0...999_999_999))
        lastTradeId = 10_000_000 + Int64(rng.int(0...9_999_999))
        fundingRateE8 = Int64(rng.int(2_000...15_000))
    }

    /// Price mantissa of one tick.
    var tick: Int64 { spec.tickUnits }

    /// Value of one price mantissa unit in USDT.
    var priceUnitValue: Double { 1 / Double(pow10(spec.priceScale)) }

    /// A level size in quantity mantissas that grows with distance from the top.
    func levelSize(distance: Int, rng: inout SimRandom) -> Int64 {
        let lotBase = Double(spec.lotUnits) / Double(pow10(spec.qtyScale)) * spec.contractValue.doubleValue
        let lots = spec.typicalLevelBase / lotBase * (1 + Double(distance) / 25) * (0.2 + 1.6 * rng.unit())
        return max(1, Int64(lots.rounded())) * spec.lotUnits
    }
}

/// 10^n as Int64 for small n.
func pow10(_ n: Int) -> Int64 { (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }
