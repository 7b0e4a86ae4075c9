import Foundation
import PropCore
import Testing
import Venues

/// The recorder under pressure and the reader on damaged files: nothing blocks, nothing crashes, every loss is counted.
@Suite struct FrameRecorderRobustnessTests {
    typealias S = RecordingTestSupport

    /// Appends `text` to `file` as one more gzip member, compressed by the system's gzip.
    static func appendMember(_ text: String, to file: String) throws {
        let tmp = file + ".member"
        try Data(text.utf8).write(to: URL(fileURLWithPath: tmp))
        let (status, gz) = try S.run("/usr/bin/env", ["gzip", "-c", tmp])
        try? FileManager.default.removeItem(atPath: tmp)
        #expect(status == 0)
        let h = try #require(FileHandle(forWritingAtPath: file))
        try h.seekToEnd(); try h.write(contentsOf: gz); try h.close()
    }

    static func writeSample(_ dir: String, lines: Int, memberBytes: Int = 1 << 20) throws -> String {
        let w = try RecordingSegmentWriter(directory: dir, venue: .binance, limits: .init(memberBytes: memberBytes))
        for k in 0..<lines { try w.append(channel: .wsPublic, wallNanos: Int64(k + 1) * 1_000, monotonicNanos: UInt64(k), body: Array("{\"k\":\(k)}".utf8)) }
        try w.close()
        return w.files[0]
    }

    @Test func tornFinalLineIsSkippedAndCounted() async throws {
        try await S.withTempDir { dir in
            let file = try Self.writeSample(dir, lines: 10)
            try Self.appendMember("99999\t1\tws_public\t{\"half\":", to: file)
            let back = try RecordingReader.read(directory: dir)
            #expect(back.frames.count == 10 && back.tornLines == 1 && back.malformedLines == 0)
            #expect(back.summaryRu?.contains("оборванных строк — 1") == true)
        }
    }

    @Test func fileCutMidMemberReadsWhatItHolds() async throws {
        try await S.withTempDir { dir in
            let file = try Self.writeSample(dir, lines: 2_000, memberBytes: 2_000)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
            let h = try #require(FileHandle(forWritingAtPath: file))
            try h.truncate(atOffset: UInt64(size - 300)); try h.close()
            let back = try RecordingReader.read(directory: dir)
            #expect(back.frames.count > 1_500 && back.frames.count < 2_000)
            #expect(back.frames.enumerated().allSatisfy { Array($1.bytes) == Array("{\"k\":\($0)}".utf8) })
            #expect(back.tornLines <= 1 && back.malformedLines == 0)
        }
    }

    @Test func malformedLinesAndGarbageAreCountedWithARussianSummary() async throws {
        try await S.withTempDir { dir in
            let file = try Self.writeSample(dir, lines: 5)
            try Self.appendMember("abc\t1\tws_public\tx\n1\t2\tws_unknown\tx\n1\t2\tws_public+b64\t!!!\n1\t2\trest\tno-body-field\n3\t4\tws_public\tok\n", to: file)
            let h = try #require(FileHandle(forWritingAtPath: file))
            try h.seekToEnd(); try h.write(contentsOf: Data("not gzip at all".utf8)); try h.close()
            let back = try RecordingReader.read(directory: dir)
            #expect(back.frames.count == 6 && back.malformedLines == 4 && back.corruptFiles == 1)
            #expect(back.summaryRu?.hasPrefix("Запись прочитана не полностью") == true)
            #expect(back.problemsRu.contains { $0.contains("строка 7 не разобрана") })
        }
    }

    @Test func concurrentWritersLoseNothing() async throws {
        try await S.withTempDir { dir in
            let r = try FrameRecorder(directory: dir, venue: .okx, options: .init(bufferBytes: 64 << 20))
            await withTaskGroup(of: Void.self) { group in
                for t in 0..<8 {
                    group.addTask {
                        for k in 0..<5_000 { S.record(r, Array("t\(t)-\(k)".utf8), .wsPublic, wall: Int64(k), mono: UInt64(k)) }
                    }
                }
            }
            await r.close()
            #expect(r.droppedFrames == 0 && r.recordedFrames == 40_000 && r.writtenFrames == 40_000)
            let back = try RecordingReader.read(directory: dir)
            #expect(Set(back.frames.map { String(decoding: $0.bytes, as: UTF8.self) }).count == 40_000)
        }
    }

    @Test func fullBufferDropsAndCountsInsteadOfBlocking() async throws {
        try await S.withTempDir { dir in
            let r = try FrameRecorder(directory: dir, venue: .bybit, options: .init(bufferBytes: 4_096, drainIntervalMs: 2_000))
            let frame = [UInt8](repeating: UInt8(ascii: "z"), count: 100)
            let clock = ContinuousClock()
            let took = clock.measure { for k in 0..<10_000 { S.record(r, frame, .wsPublic, wall: Int64(k), mono: UInt64(k)) } }
            #expect(took < .seconds(1))
            #expect(r.droppedFrames > 9_000 && r.recordedFrames + r.droppedFrames == 10_000)
            await r.close()
            #expect(r.writtenFrames == r.recordedFrames)
            #expect(try RecordingReader.read(directory: dir).frames.count == r.recordedFrames)
        }
    }

    @Test func registeredSecretsAreRedactedFromPrivateAndRESTLines() async throws {
        try await S.withTempDir { dir in
            let r = try FrameRecorder(directory: dir, venue: .binance)
            r.redact("LISTENKEY123")
            S.record(r, Array(#"{"e":"listenKeyExpired","listenKey":"LISTENKEY123"}"#.utf8), .wsPrivate, wall: 1, mono: 1)
            S.record(r, Array("body LISTENKEY123 LISTENKEY123".utf8), .rest, wall: 2, mono: 2, path: "/x")
            await r.close()
            let text = try S.gunzip(try #require(S.files(dir).first))
            #expect(!text.contains("LISTENKEY123"))
            #expect(text.contains(#""listenKey":"<redacted>""#) && text.contains("body <redacted> <redacted>"))
        }
    }
}
