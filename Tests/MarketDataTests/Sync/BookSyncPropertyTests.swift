import MarketData
import PropCore
import PropertyBased
import Testing

/// For every venue: damaging a valid chain (drop, duplicate, reorder) is either detected or harmless,
/// and whenever the book claims to be valid it equals what the venue held at that sequence id.
@Suite struct BookSyncPropertyTests {
    static let seeds = Gen.uint64(in: 0...UInt64.max)
    static let lengths = Gen.int(in: 1...40)
    static let positions = Gen.int(in: 0...1000)

    /// Runs `msgs` through `sync`, checking every valid state against the truth for its sequence id.
    static func run(_ sync: inout BookSync, _ msgs: [ChainScenario.Message], bySequence: [Int64: ReferenceBook]) {
        for m in msgs {
            _ = sync.handle(m.update)
            if sync.isValid {
                let expected = bySequence[sync.lastUpdateId]
                #expect(expected != nil, "valid at unknown sequence \(sync.lastUpdateId)")
                #expect(expected?.matches(sync.book) == true, "silently wrong book at \(sync.lastUpdateId)")
            }
        }
    }

    // MARK: Binance

    static func binanceChain(seed: UInt64, length: Int) -> (diffs: [ChainScenario.Message], snapshot: DepthUpdate, bySequence: [Int64: ReferenceBook], finalId: Int64) {
        var g = ChainScenario(seed: seed)
        g.truth = g.randomBook()
        var u = g.int(1_000...2_000)
        var diffs: [ChainScenario.Message] = []
        var stateBefore: [ReferenceBook] = []
        for i in 0..<length {
            // Futures ids are shared by all symbols, so consecutive events of one symbol leave holes.
            let first = u + 1 + g.int(0...2)
            let last = first + g.int(0...3)
            let (b, a) = g.randomChanges()
            stateBefore.append(g.truth)
            g.truth.apply(bids: b, asks: a)
            g.bySequence[last] = g.truth
            diffs.append(.init(update: .make(.delta, first: first, last: last, prev: u, bids: b, asks: a), truthIndex: i))
            u = last
        }
        // The REST snapshot was taken somewhere inside event j: all of it if the id is its `u`, else part of it.
        let j = Int(g.int(0...Int64(length - 1)))
        let ev = diffs[j].update
        let l = g.int(ev.firstUpdateId...ev.lastUpdateId)
        var snapState = stateBefore[j]
        if l == ev.lastUpdateId { snapState = g.bySequence[l] ?? snapState } else {
            snapState.apply(bids: Array(ev.bids.prefix(ev.bids.count / 2)), asks: Array(ev.asks.prefix(ev.asks.count / 2)))
        }
        g.bySequence[l] = snapState
        let snap = DepthUpdate.make(.snapshot, first: l, last: l, prev: l, bids: snapState.bidLevels.shuffled(using: &g.rng), asks: snapState.askLevels)
        return (diffs, snap, g.bySequence, u)
    }

    @Test func binanceDamagedChainsNeverYieldAWrongValidBook() async {
        await propertyCheck(count: 300, input: Self.seeds, Self.lengths, ChainScenario.Damage.generator, Self.positions, Self.positions) {
            seed, length, damage, pos, snapAt in
            let chain = Self.binanceChain(seed: seed, length: length)
            var msgs = ChainScenario.damaged(chain.diffs, damage, at: pos, keepFirst: false)
            // The REST reply lands after any number of diffs have been buffered.
            msgs.insert(.init(update: chain.snapshot, truthIndex: -1), at: snapAt % (msgs.count + 1))
            var sync = BookSync(venue: .binance, priceScale: 0, qtyScale: 0)
            Self.run(&sync, msgs, bySequence: chain.bySequence)
            if damage == .none {
                #expect(sync.isValid && sync.lastUpdateId == chain.finalId)
            }
        }
    }

    // MARK: OKX

    static func okxChain(seed: UInt64, length: Int, withSequence: Bool) -> (msgs: [ChainScenario.Message], states: [ReferenceBook], bySequence: [Int64: ReferenceBook], finalId: Int64) {
        var g = ChainScenario(seed: seed)
        g.truth = g.randomBook()
        var seq = g.int(10_000...20_000)
        var msgs: [ChainScenario.Message] = []
        var didReset = false
        func checksum(_ r: ReferenceBook) -> Int32? {
            guard !withSequence else { return 0 }
            var b = OrderBook(priceScale: 0, qtyScale: 0)
            b.replace(bids: r.bidLevels, asks: r.askLevels)
            return b.okxChecksum()
        }
        func seqFields(_ s: Int64) -> Int64 { withSequence ? s : 0 }
        g.bySequence[seq] = g.truth
        g.states.append(g.truth)
        msgs.append(.init(update: .make(.snapshot, first: seqFields(seq), last: seqFields(seq), prev: withSequence ? -1 : 0,
                                        checksum: checksum(g.truth), bids: g.truth.bidLevels, asks: g.truth.askLevels), truthIndex: 0))
        for i in 1...length {
            let roll = g.int(0...99)
            var next = seq + g.int(1...5)
            var (b, a) = g.randomChanges()
            if withSequence, roll < 10 {
                next = seq; b = []; a = [] // heartbeat
            } else if withSequence, roll < 14, !didReset {
                next = g.int(1...100); didReset = true // post-maintenance reset, still chained
            }
            g.truth.apply(bids: b, asks: a)
            g.bySequence[next] = g.truth
            g.states.append(g.truth)
            if roll >= 95 {
                // The venue re-sends a full snapshot mid-stream.
                msgs.append(.init(update: .make(.snapshot, first: seqFields(next), last: seqFields(next), prev: withSequence ? -1 : 0,
                                                checksum: checksum(g.truth), bids: g.truth.bidLevels, asks: g.truth.askLevels), truthIndex: i))
            } else {
                msgs.append(.init(update: .make(.delta, first: seqFields(next), last: seqFields(next), prev: seqFields(seq),
                                                checksum: checksum(g.truth), bids: b, asks: a), truthIndex: i))
            }
            seq = next
        }
        return (msgs, g.states, g.bySequence, seq)
    }

    @Test func okxDamagedChainsNeverYieldAWrongValidBook() async {
        await propertyCheck(count: 300, input: Self.seeds, Self.lengths, ChainScenario.Damage.generator, Self.positions) {
            seed, length, damage, pos in
            let chain = Self.okxChain(seed: seed, length: length, withSequence: true)
            let msgs = ChainScenario.damaged(chain.msgs, damage, at: pos, keepFirst: true)
            var sync = BookSync(venue: .okx, priceScale: 0, qtyScale: 0)
            Self.run(&sync, msgs, bySequence: chain.bySequence)
            if damage == .none {
                #expect(sync.isValid && sync.lastUpdateId == chain.finalId)
                #expect(sync.stats.resyncs == 0)
            }
        }
    }

    /// 2022-style OKX messages have no sequence: only the checksum stands between damage and a wrong book.
    @Test func okxChecksumOnlyChainsNeverYieldAWrongValidBook() async {
        await propertyCheck(count: 300, input: Self.seeds, Self.lengths, ChainScenario.Damage.generator, Self.positions) {
            seed, length, damage, pos in
            let chain = Self.okxChain(seed: seed, length: length, withSequence: false)
            let msgs = ChainScenario.damaged(chain.msgs, damage, at: pos, keepFirst: true)
            var sync = BookSync(venue: .okx, priceScale: 0, qtyScale: 0)
            for m in msgs {
                let r = sync.handle(m.update)
                if r == .applied {
                    #expect(chain.states[m.truthIndex].matches(sync.book), "checksum passed on a wrong book")
                }
            }
            if damage == .none { #expect(sync.isValid && sync.stats.resyncs == 0) }
        }
    }

    // MARK: Bybit

    @Test func bybitDamagedChainsNeverYieldAWrongValidBook() async {
        await propertyCheck(count: 300, input: Self.seeds, Self.lengths, ChainScenario.Damage.generator, Self.positions) {
            seed, length, damage, pos in
            var g = ChainScenario(seed: seed)
            g.truth = g.randomBook()
            var u = g.int(1...1_000_000)
            g.bySequence[u] = g.truth
            var msgs: [ChainScenario.Message] = [.init(update: .make(.snapshot, first: u, last: u, prev: u - 1, bids: g.truth.bidLevels, asks: g.truth.askLevels), truthIndex: 0)]
            for i in 1...length {
                u += 1
                let (b, a) = g.randomChanges()
                g.truth.apply(bids: b, asks: a)
                g.bySequence[u] = g.truth
                if g.int(0...99) >= 95 {
                    msgs.append(.init(update: .make(.snapshot, first: u, last: u, prev: u - 1, bids: g.truth.bidLevels, asks: g.truth.askLevels), truthIndex: i))
                } else {
                    msgs.append(.init(update: .make(.delta, first: u, last: u, prev: u - 1, bids: b, asks: a), truthIndex: i))
                }
            }
            let damagedMsgs = ChainScenario.damaged(msgs, damage, at: pos, keepFirst: true)
            var sync = BookSync(venue: .bybit, priceScale: 0, qtyScale: 0)
            Self.run(&sync, damagedMsgs, bySequence: g.bySequence)
            if damage == .none { #expect(sync.isValid && sync.lastUpdateId == u) }
        }
    }
}
