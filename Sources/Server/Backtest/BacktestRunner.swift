import Engine
import MarketData
import PropCore
import Venues

/// Replays recorded frames through the real codecs and book syncs into the same `ArbitrageEngine`, risk gate and
/// `OrderManager` that trade live, with `BacktestVenue` in place of the exchanges. Single-threaded and
/// deterministic: the simulated clock is the frames' receive time, so the same frames and seed give the same
/// orders, fills and report.
struct BacktestRunner {
    var engine: ArbitrageEngine
    var manager = OrderManager()
    var venue: BacktestVenue
    var ledger: BacktestLedger
    let books: BacktestBooks
    let timerNs: UInt64
    /// Simulated time, ns since the epoch (receive wall time of the frames).
    var nowNs: UInt64 = 0
    var nextTimerNs: UInt64 = .max
    var timerTicks = 0
    var commands: [EngineCommand] = []
    var legByClientId: [String: LegOrder] = [:]
    var clientIdByKey: [LegKey: String] = [:]
    var nextClientId = 0
    /// Funding settlements already charged, per slot (the settlement time, ms).
    var fundingCharged: [Int64]
    /// Funding rate and settlement time last announced per slot.
    var fundingTerms: [(rate: FundingRate, atMs: Int64)?]
    var events = 0
    var malformed = 0
    var alertsByCode: [String: Int] = [:]
    var rejectsByCode: [String: Int] = [:]
    var holds: [String] = []

    /// A runner trading `rules` (engine slot order) with `settings` and `risk`, each venue starting with `balance`.
    init(settings: ArbitrageSettings, risk: RiskGate, rules: [InstrumentRules], listed: [Venue: [InstrumentRules]],
         balance: Qty, seed: UInt64, timerMs: Int64) {
        let venues = Venue.allCases.filter { v in rules.contains { $0.id.venue == v } }
        engine = ArbitrageEngine(settings: settings, instruments: rules, risk: risk,
                                 portfolio: Portfolio(startingCash: Dictionary(uniqueKeysWithValues: venues.map { ($0, balance) })),
                                 idPrefix: "bt\(seed)")
        let instruments = rules.map { r in
            BacktestInstrument(rules: r, fees: settings.fees[r.id.venue] ?? FeeSchedule.publishedBaseTier[r.id.venue]!)
        }
        venue = BacktestVenue(instruments: instruments, seed: seed)
        for v in venues {
            engine.setAvailableMargin(v, balance)
            engine.venueLatencyNs[v] = venue.latency(v)
        }
        ledger = BacktestLedger(slots: rules.count)
        books = BacktestBooks(listed: listed, engineRules: rules)
        timerNs = UInt64(max(1, timerMs)) * 1_000_000
        fundingCharged = Array(repeating: 0, count: rules.count)
        fundingTerms = Array(repeating: nil, count: rules.count)
    }

    var nowMs: Int64 { Int64(nowNs / 1_000_000) }

    /// Replays `frames` (receive-time order), then lets in-flight orders arrive and ticks the timer once more.
    mutating func run(_ frames: [RecordedFrame]) {
        commands.reserveCapacity(64)
        for frame in frames {
            let t = UInt64(max(0, frame.receiveWallNanos))
            if nextTimerNs == .max { nextTimerNs = t + timerNs }
            advance(to: t)
            if t > nowNs { nowNs = t }
            events += 1
            let (v, event) = books.handle(frame)
            switch event {
            case .book(let s): onBook(books.engineSlot(v, s))
            case .mark(let tick): onMark(books.engineSlot(v, tick.slot), tick)
            case .trade(let tick): onTrade(books.engineSlot(v, tick.slot), tick)
            case .none: break
            case .malformed(let s):
                malformed += 1
                if let s { onBook(books.engineSlot(v, s)) }
            }
        }
        var guardCount = 0
        while let due = venue.nextDueNs, guardCount < 10_000 {
            advance(to: due)
            guardCount += 1
        }
        nowNs += 1
        timer()
    }

    /// Delivers every in-flight message and timer tick due by `t`, in time order (messages first on a tie).
    mutating func advance(to t: UInt64) {
        while true {
            if let due = venue.nextDueNs, due <= t, due <= nextTimerNs {
                if due > nowNs { nowNs = due }
                let books = self.books
                venue.deliverNext { books.book($0)?.book }
                drainVenue()
            } else if nextTimerNs <= t {
                if nextTimerNs > nowNs { nowNs = nextTimerNs }
                nextTimerNs += timerNs
                timer()
            } else {
                return
            }
        }
    }
}
