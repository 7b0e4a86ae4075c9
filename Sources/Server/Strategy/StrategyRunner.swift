public import Engine
public import Logging
public import Ops
public import PropCore
import Venues

/// Runs the deterministic `ArbitrageEngine` against the live process: polls the feeds' published tops,
/// hands the engine's orders to the `OrderExecutor` (journal before wire, one parent id per arbitrage) and
/// feeds the executor's fills and final states back. The engine never awaits I/O: every send is its own task.
public actor StrategyRunner {
    /// The engine, once the venues' instrument rules were read.
    public internal(set) var engine: ArbitrageEngine?
    let profile: ProfileConfig
    let hub: MarketDataHub
    let executor: OrderExecutor
    let metrics: StrategyMetrics?
    let time: any TimeSource
    let logger: Logger
    var keyByClientId: [String: LegKey] = [:]
    var clientIdByKey: [LegKey: String] = [:]
    /// Cancels asked for before the leg's client id was known.
    var pendingCancels: Set<LegKey> = []
    /// Last seen (seq, update time, valid) per engine slot.
    var seen: [Int: (seq: Int64, nanos: UInt64, valid: Bool)] = [:]
    /// Operator-visible strategy alerts, newest last, bounded.
    public internal(set) var alerts: [ExecutionAlert] = []
    /// Fills of strategy orders, newest last, bounded (for `/api/ui/execution`).
    public internal(set) var recentFills: [FillReport] = []
    /// Fills and alerts appended since start (the stream publisher's cursor).
    var fillSequence: UInt64 = 0
    var alertSequence: UInt64 = 0
    var commands: [EngineCommand] = []
    var lastEvaluations: UInt64 = 0
    /// Phase last recorded per arbitrage still active (closed ones leave it once their close is recorded).
    var phasesSeen: [String: ArbitragePhase] = [:]
    /// The parent records of arbitrages in the journal.
    let arbitrageLog: ArbitrageRecorder
    /// The last invariant check's findings (a violation must repeat before it HOLDs).
    var lastViolationSignature: [String] = []
    /// The same findings in Russian, for `/api/ui/ops/invariants`.
    var lastViolationsRu: [String] = []
    /// Instrument of every engine slot (the depth reader's lookup).
    var slotIds: [InstrumentId] = []
    /// Last mark update seen per instrument.
    var markVersions: [InstrumentId: UInt64] = [:]
    /// What the control plane allows (RUN by default: without a control plane nothing gates the strategy).
    var control = StrategyControl()
    /// The profile the engine's parameters come from (replaced by a config apply).
    var activeProfile: ProfileConfig

    public init(profile: ProfileConfig, hub: MarketDataHub, executor: OrderExecutor, metrics: StrategyMetrics?,
                time: any TimeSource = SystemTimeSource(), logger: Logger) {
        self.profile = profile; self.hub = hub; self.executor = executor; self.metrics = metrics
        self.time = time; self.logger = logger; activeProfile = profile
        arbitrageLog = ArbitrageRecorder(database: executor.database) { [logger] reason in
            logger.error("arbitrage journal write failed", metadata: ["reason": "\(reason)"])
        }
    }

    /// Runs until cancelled: loads the rules, then the book poll (1 ms), the timer (50 ms), margin refresh
    /// (5 s) and the executor's update stream.
    public func run() async {
        let updates = await executor.observe()
        guard await start() else { return }
        // Not a child of the group below: it must outlive the strategy's cancellation long enough to write what
        // was queued before shutdown.
        let journalWriter = Task { [arbitrageLog] in await arbitrageLog.run() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await u in updates { await self.handle(u) } }
            group.addTask {
                // Cadences by the clock, not by counting 1 ms sleeps (a loaded machine sleeps longer).
                // `start()` has just read the balances: the first margin refresh is one period away.
                var nextTimer: UInt64 = 0, nextSecond: UInt64 = 0, nextMargin = self.time.monotonicNanos() + 5_000_000_000
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(1))
                    await self.pollBooks()
                    let now = self.time.monotonicNanos()
                    if now >= nextTimer {
                        nextTimer = now + 50_000_000
                        let second = now >= nextSecond
                        if second { nextSecond = now + 1_000_000_000 }
                        await self.refreshOrderPath()
                        await self.timer(second: second)
                        if second { await self.checkInvariants() }
                    }
                    if now >= nextMargin { nextMargin = now + 5_000_000_000; await self.refreshMargin() }
                }
            }
            await group.waitForAll()
        }
        recordPhases()
        arbitrageLog.finish()
        await journalWriter.value
    }

    /// Reads the venue rules (retried until the feeds answer) and builds the engine on the admitted universe.
    func start() async -> Bool {
        let universe = Universe(allowlist: profile.instruments, allow1000Prefixed: profile.risk.allow1000Prefixed,
                                allowLeveragedTokens: profile.risk.allowLeveragedTokens)
        while !Task.isCancelled {
            let rules = await hub.rules()
            for r in rules { if let why = universe.exclusion(r.id) { logger.notice("universe", metadata: ["excluded": "\(why)"]) } }
            let admitted = universe.admitted(rules)
            // Equity is the venues' cash at start: without it leverage and loss limits cannot be checked.
            let cash = await executor.availableMargin()
            if !admitted.isEmpty, !cash.isEmpty {
                engine = ArbitrageEngine(settings: ArbitrageSettings(profile: profile), instruments: admitted,
                                         risk: RiskGate(profile: profile), portfolio: Portfolio(startingCash: cash),
                                         idPrefix: "arb\(executor.epoch)")
                for (venue, amount) in cash { engine?.setAvailableMargin(venue, amount) }
                engine?.orderPathBlock = "сверка с биржами после запуска ещё не завершена"
                slotIds = engine?.markets.map(\.id) ?? []
                logger.notice("strategy ready", metadata: ["instruments": "\(admitted.count)"])
                return true
            }
            try? await Task.sleep(for: .seconds(1))
        }
        return false
    }

    /// Every book whose top, validity or update time changed goes to the engine. The engine is mutated where it
    /// is stored (`engine!`), never copied out and back: a copy would make every write duplicate its tables.
    func pollBooks() {
        guard engine != nil else { return }
        for top in hub.tops() {
            guard let slot = engine!.slot(of: top.instrument) else { continue }
            let last = seen[slot]
            if let last, last.seq == top.seq, last.nanos == top.updatedNanos, last.valid == top.valid { continue }
            seen[slot] = (top.seq, top.updatedNanos, top.valid)
            engine!.onBook(slot: slot, bid: top.bid, ask: top.ask, valid: top.valid, nowNs: time.monotonicNanos(),
                     wallMs: time.wallMillis(), depthOf: { [hub, slotIds] slot, n in
                         hub.depth(slotIds[slot], levels: n).map(DepthLevels.init) ?? DepthLevels(bids: [], asks: [])
                     },
                     into: &commands)
        }
        perform()
    }

    func timer(second: Bool) {
        guard engine != nil else { return }
        // Mark and funding: the mark values PnL and the data guards, funding the edge's carry and the exit rule.
        for m in hub.marks() where m.version != markVersions[m.instrument] {
            guard let slot = engine!.slot(of: m.instrument) else { continue }
            markVersions[m.instrument] = m.version
            engine!.onMark(slot: slot, mark: m.tick.markPrice, index: m.tick.indexPrice)
            if let rate = m.tick.fundingRate {
                engine!.onFunding(slot: slot, terms: FundingTerms(rate: rate),
                            nextFundingMs: m.tick.nextFundingTimeMs > 0 ? m.tick.nextFundingTimeMs : nil)
            }
        }
        engine!.onTimer(nowNs: time.monotonicNanos(), wallMs: time.wallMillis(), into: &commands)
        perform()
        publishMetrics(second: second)
    }

    /// Whether the order path takes new orders (restart recovery done, no HOLD of its own); until it does the
    /// engine opens nothing, so no arbitrage is started only to have both legs refused.
    func refreshOrderPath() async {
        let allowed = await executor.tradingAllowed
        let hold = await executor.holdReasons.first
        engine?.orderPathBlock = control.block ?? hold.map { "HOLD контура ордеров: \($0)" }
            ?? (allowed ? nil : "сверка с биржами после запуска ещё не завершена")
        await reportRiskHold()
    }

    func refreshMargin() async {
        let margin = await executor.availableMargin()
        for (venue, amount) in margin { engine?.setAvailableMargin(venue, amount) }
    }
}
