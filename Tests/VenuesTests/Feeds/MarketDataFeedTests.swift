import MarketData
import PropCore
import Testing
import VenueSim
import Venues

/// End-to-end feed behaviour against the real simulator over loopback sockets, for each venue.
@Suite("Market data feed against the simulator")
struct MarketDataFeedTests {
    /// Runs a generic scenario for the stream set of `venue`.
    static func run(_ venue: Venue, _ scenario: Scenario) async throws {
        switch venue {
        case .binance: try await FeedRig.with(BinancePublicStream()) { try await scenario.body($0) }
        case .okx: try await FeedRig.with(OKXPublicStream()) { try await scenario.body($0) }
        case .bybit: try await FeedRig.with(BybitPublicStream()) { try await scenario.body($0) }
        }
    }

    /// A test body that works for any venue's rig.
    struct Scenario {
        let body: @Sendable (any FeedRigProtocol) async throws -> Void
    }

    @Test("syncs every book from the snapshot and matches the simulator's own book", arguments: Venue.allCases)
    func syncsFromSnapshotAndMatchesSimulator(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            for id in rig.instrumentIds {
                // Freeze the book so the comparison is not racing the market.
                await rig.sim.inject(.freezeBook(venue, millis: 4000, instrument: id))
                #expect(await rig.eventually(10) { await rig.matchesSimulator(id) }, "\(id)")
            }
            #expect(rig.metricTotal("md_messages_total") > 0)
        })
    }

    @Test("a dropped diff is detected as a gap, the book resyncs and is valid again", arguments: Venue.allCases)
    func gapInDiffStreamTriggersResync(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            await rig.sim.inject(.dropDiff(venue, count: 1))
            #expect(await rig.eventually(15) { rig.metricTotal("md_seq_gaps_total") > 0 })
            #expect(await rig.eventually(5) { !rig.invalidated(.sequenceGap).isEmpty })
            #expect(await rig.eventually(15) { rig.allValid && rig.metricTotal("md_resyncs_total") > 0 })
        })
    }

    @Test("an instrument the venue does not list is reported in Russian and the other books still sync")
    func unlistedInstrumentIsReportedAndOthersSync() async throws {
        let unknown = InstrumentId(venue: .bybit, base: "NOPE", quote: "USDT")
        try await FeedRig.with(BybitPublicStream(), extraInstruments: [unknown]) { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            #expect(!rig.instrumentIds.contains(unknown))
            let reported = rig.log.all.first { if case .instrumentNotListed(unknown, "NOPEUSDT") = $0 { true } else { false } }
            let message = try #require(reported?.messageRu)
            #expect(message.contains("BYBIT:PERP:NOPE-USDT") && message.contains("Подсказка"))
        }
    }

    @Test("a closed socket reconnects, resubscribes and every book is valid again", arguments: Venue.allCases)
    func closedSocketReconnectsAndResubscribes(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            await rig.sim.inject(.closeSocket(venue))
            #expect(await rig.eventually(15) { rig.reconnects >= 1 })
            #expect(await rig.eventually(5) { !rig.invalidated(.disconnected).isEmpty })
            #expect(await rig.eventually(15) { rig.allValid })
            #expect(rig.metricTotal("ws_reconnects_total") > 0)
        })
    }

    @Test("a stalled stream is flagged stale, then the feed recovers", arguments: Venue.allCases)
    func stalledStreamIsFlaggedStaleThenRecovers(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            // Longer than the rig's 4 s stale window.
            await rig.sim.inject(.stall(venue, millis: 6000))
            #expect(await rig.eventually(12) { rig.anyStale })
            #expect(await rig.eventually(10) { !rig.reportedStale.isEmpty }, "a bookStale event tells the operator")
            #expect(await rig.eventually(20) { rig.allValid })
        })
    }

    @Test("a malformed frame is counted, resyncs at most its own book, and all books end valid", arguments: Venue.allCases)
    func malformedFrameIsCountedAndOnlyItsBookResyncs(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            await rig.sim.inject(.malformed(venue, count: 1))
            #expect(await rig.eventually(15) { rig.metricTotal("md_malformed_total") > 0 })
            // One truncated frame names at most one instrument; the other books keep going.
            #expect(rig.invalidated(.malformedFrame).count <= 1)
            #expect(rig.invalidated(.disconnected).isEmpty)
            #expect(await rig.eventually(15) { rig.allValid })
        })
    }

    @Test("added latency still syncs every book", arguments: Venue.allCases)
    func latencyStillSyncs(venue: Venue) async throws {
        try await Self.run(venue, Scenario { rig in
            await rig.sim.inject(.latency(venue, millis: 300))
            #expect(await rig.eventually(20) { rig.allValid })
        })
    }

    @Test("a corrupted OKX checksum is detected and the book resyncs")
    func corruptChecksumIsDetectedAndResynced() async throws {
        try await Self.run(.okx, Scenario { rig in
            #expect(await rig.eventually(15) { rig.allValid })
            await rig.sim.inject(.corruptChecksum(count: 1))
            #expect(await rig.eventually(15) { rig.metricTotal("md_checksum_failures_total") > 0 })
            #expect(await rig.eventually(5) { !rig.invalidated(.checksumMismatch).isEmpty })
            #expect(await rig.eventually(15) { rig.allValid })
        })
    }

    @Test("Binance snapshot 5xx and 429 answers are retried until every book is valid", arguments: [503, 429])
    func binanceSnapshotErrorsAreRetried(status: Int) async throws {
        try await Self.run(.binance, Scenario { rig in
            // Fail the instrument load and the first snapshots; the feed must retry through them.
            await rig.sim.inject(.restError(.binance, status: status, count: 3))
            #expect(await rig.eventually(20) { rig.allValid })
            // The injected errors were really served (and so really retried through).
            #expect(await rig.eventually(5) { await rig.sim.state.activeFaults().isEmpty })
        })
    }
}
