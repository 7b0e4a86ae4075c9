import Foundation
import Logging
import PropCore
import Testing
import VenueSim
import Venues

/// Recorders attached to real feeds and private streams over loopback against the simulator.
@Suite(.serialized) struct RecordingLiveTests {
    typealias S = RecordingTestSupport
    static let quiet = Logger(label: "recording-live", factory: { SwiftLogNoOpLogHandler($0) })

    /// Runs a feed of `proto` with a recorder until every book is valid and some diffs flowed; returns the recording.
    func recordFeed<P: VenuePublicProtocol>(_ proto: P, dir: String) async throws -> (RecordingContents, [InstrumentId]) {
        let sim = VenueSimulator(config: SimulatorConfig(seed: 42, basePort: 0), logger: Self.quiet)
        let eps = try await sim.start()
        let venue = P.Codec.venue
        let ep = eps.endpoints(for: venue)
        let session = try RecordingSession(directory: dir)
        let ids = sim.instruments.filter { $0.venue == venue }
        let feed = MarketDataFeed(proto: proto, instruments: ids, restBaseURL: ep.rest, wsBaseURL: ep.ws, settings: .testing,
                                  metrics: TestMetricsFactory(), logger: Self.quiet, recorder: try session.recorder(for: venue))
        let running = Task { await feed.run() }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(feed.books().count == ids.count && feed.books().allSatisfy(\.valid)) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(700))
        running.cancel()
        await running.value
        await sim.stop()
        await session.close()
        #expect(session.all.allSatisfy { $0.droppedFrames == 0 && $0.writeFailures.count == 0 })
        return (try RecordingReader.read(directory: dir), ids)
    }

    func check<P: VenuePublicProtocol>(_ proto: P, restPaths: [String]) async throws {
        try await S.withTempDir { dir in
            let (rec, ids) = try await recordFeed(proto, dir: dir)
            let venue = P.Codec.venue
            #expect(rec.summaryRu == nil)
            #expect(rec.frames.allSatisfy { $0.venue == venue && $0.channel != .wsPrivate })
            for p in restPaths { #expect(rec.frames.contains { $0.channel == .rest && $0.pathString.hasPrefix(p) }, "\(p)") }
            #expect(rec.frames.filter { $0.channel == .wsPublic }.count > 20)
            // The recorded frames replay through the venue's codec and BookSync into valid books.
            let report = MarketReplay.replay(venue: venue, frames: rec.frames)
            #expect(report.malformed == 0 && report.gaps == 0, "\(report)")
            #expect(report.books.count == ids.count && report.books.values.allSatisfy(\.valid), "\(report.books)")
        }
    }

    @Test func binanceFeedRecordsRESTSnapshotsAndDiffsThatReplay() async throws {
        try await check(BinancePublicStream(), restPaths: ["/fapi/v1/exchangeInfo", "/fapi/v1/depth?symbol="])
    }

    @Test func okxFeedRecordsFramesThatReplay() async throws {
        try await check(OKXPublicStream(), restPaths: ["/api/v5/public/instruments"])
    }

    @Test func bybitFeedRecordsFramesThatReplay() async throws {
        try await check(BybitPublicStream(), restPaths: ["/v5/market/instruments-info"])
    }

    /// Private streams: the login/auth we send (key, passphrase, signature) never reaches the file; what we
    /// receive (login/auth answers, subscription answers, account pushes) does.
    @Test func privateStreamsRecordOnlyReceivedFramesAndNoSecrets() async throws {
        try await S.withTempDir { dir in
            let session = try RecordingSession(directory: dir)
            try await ConformanceRigs.withSimulator { sim, eps in
                let okx = OKXPrivateStream(wsBaseURL: eps.okx.ws, apiKey: SimCredentials.defaultApiKey, secret: SimCredentials.defaultApiSecret,
                                           passphrase: SimCredentials.defaultPassphrase, clock: ServerClock(), settings: .testing,
                                           logger: Self.quiet, recorder: try session.recorder(for: .okx))
                let bybit = BybitPrivateStream(wsBaseURL: eps.bybit.ws, apiKey: SimCredentials.defaultApiKey,
                                               apiSecret: SimCredentials.defaultApiSecret, settings: .testing, logger: Self.quiet,
                                               recorder: try session.recorder(for: .bybit))
                let tasks = [Task { await okx.run() }, Task { await bybit.run() },
                             Task { for await _ in okx.events {} }, Task { for await _ in bybit.events {} }]
                let deadline = Date().addingTimeInterval(15)
                while Date() < deadline, okx.connects == 0 || bybit.connects == 0 { try await Task.sleep(for: .milliseconds(50)) }
                try await Task.sleep(for: .milliseconds(800))
                for t in tasks { t.cancel() }
                for t in tasks { await t.value }
            }
            await session.close()
            var all = ""
            for f in S.files(dir) { all += try S.gunzip(f) }
            #expect(all.contains("\tws_private\t"))
            #expect(all.contains(#""event":"login""#) && all.contains(#""op":"auth""#))
            for secret in [SimCredentials.defaultApiKey, SimCredentials.defaultApiSecret, SimCredentials.defaultPassphrase, "\"sign\"", "\"op\":\"login\""] {
                #expect(!all.contains(secret), "\(secret) leaked into the recording")
            }
        }
    }
}

/// Starts and always stops a simulator for tests outside the conformance rigs.
enum ConformanceRigs {
    static func withSimulator(_ body: (VenueSimulator, SimEndpoints) async throws -> Void) async throws {
        let sim = VenueSimulator(config: SimulatorConfig(seed: 42, basePort: 0), logger: RecordingLiveTests.quiet)
        let eps = try await sim.start()
        do { try await body(sim, eps) } catch { await sim.stop(); throw error }
        await sim.stop()
    }
}
