import Foundation
import PropCore
@testable import Server
import Testing
import Venues

/// Missing, empty and broken input: a clear Russian error naming the path, or bad frames counted — never a crash.
@Suite struct BacktestBadInputTests {
    @Test func missingDataDirectoryIsNamed() throws {
        let path = "/nonexistent/propbot-backtest-data"
        #expect(throws: BacktestError.dataDirectoryUnreadable(path: path)) {
            try Backtest.run(dataDirectory: path, profile: BacktestFixture.demo, options: .init(seed: 1))
        }
        let text = BacktestError.dataDirectoryUnreadable(path: path).operatorText
        #expect(text.contains(path) && text.contains("Подсказка"))
    }

    @Test func emptyDataDirectoryAndNonRecordingFilesAreRejected() throws {
        let dir = BacktestFixture.temporaryDirectory("empty")
        #expect(throws: BacktestError.dataEmpty(path: dir)) {
            try Backtest.run(dataDirectory: dir, profile: BacktestFixture.demo, options: .init(seed: 1))
        }
        // A file with the recording suffix that is not gzip: counted as corrupt, still nothing to replay.
        FileManager.default.createFile(atPath: dir + "/binance-20260105T000000Z-0001.frames.gz", contents: Data("not gzip".utf8))
        #expect(throws: BacktestError.dataEmpty(path: dir)) {
            try Backtest.run(dataDirectory: dir, profile: BacktestFixture.demo, options: .init(seed: 1))
        }
    }

    @Test func recordingWithoutInstrumentListsIsRejected() throws {
        let dir = BacktestFixture.temporaryDirectory("nolist")
        let w = try RecordingSegmentWriter(directory: dir, venue: .binance)
        try w.append(channel: .wsPublic, wallNanos: 1_767_600_000_000_000_000, monotonicNanos: 1, body: Array(#"{"result":null,"id":1}"#.utf8))
        try w.close()
        #expect(throws: BacktestError.noInstrumentList(path: dir)) {
            try Backtest.run(dataDirectory: dir, profile: BacktestFixture.demo, options: .init(seed: 1))
        }
    }

    @Test func profileWithoutRecordedInstrumentsIsRejected() throws {
        let (dir, _) = try BacktestFixture.recording(seed: 5, minutes: 0.05)
        var profile = BacktestFixture.demo
        profile.instruments = [InstrumentId(venue: .binance, base: "DOGE", quote: "USDT")]
        do {
            _ = try Backtest.run(dataDirectory: dir, profile: profile, options: .init(seed: 1))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "backtest_no_instruments")
            #expect(error.messageRu.contains("BINANCE:PERP:DOGE-USDT") && error.messageRu.contains("instruments"))
        }
    }

    @Test func malformedFramesAreCountedNotFatal() throws {
        let (dir, clean) = try BacktestFixture.recording(seed: 5, minutes: 0.2)
        let base = clean.frames[clean.frames.count / 2].receiveWallNanos
        let w = try RecordingSegmentWriter(directory: dir, venue: .binance)
        try w.append(channel: .wsPublic, wallNanos: base, monotonicNanos: 1, body: Array("{not json".utf8))
        try w.append(channel: .wsPublic, wallNanos: base + 1, monotonicNanos: 2,
                     body: Array(#"{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["abc","1"]],"a":[]}}"#.utf8))
        try w.close()
        let r = try Backtest.run(dataDirectory: dir, profile: BacktestFixture.demo, options: .init(seed: 1))
        #expect(r.malformedFrames >= 2)
        #expect(r.events == clean.frames.count + 2)
        #expect(r.markdown().contains("битых кадров: \(r.malformedFrames)"))
    }

    @Test func unreadableProfileFailsInRussianWithNonZeroExit() async throws {
        let out = BacktestFixture.temporaryDirectory("cli")
        let p = try PropBotProcess(["backtest", "--data", out, "--profile", "/nonexistent/profile.yaml", "--seed", "1", "--out", out])
        let status = try await p.waitForExit()
        #expect(status != 0)
        #expect(p.errorOutput().contains("/nonexistent/profile.yaml") && p.errorOutput().contains("Подсказка"), "\(p.errorOutput())")
    }

    @Test func missingDataDirectoryFailsOnTheCommandLine() async throws {
        let out = BacktestFixture.temporaryDirectory("cli2")
        let p = try PropBotProcess(["backtest", "--data", out + "/none", "--seed", "1", "--out", out])
        let status = try await p.waitForExit()
        #expect(status == 1)
        #expect(p.errorOutput().contains(out + "/none"), "\(p.errorOutput())")
    }
}
