import Foundation
import PropCore
import Testing
import Venues

/// The recording format end to end: what goes in through `FrameRecorder` comes back from `RecordingReader`.
@Suite struct RecordingRoundTripTests {
    typealias S = RecordingTestSupport

    static let odd: [[UInt8]] = [
        Array(#"{"e":"depthUpdate","s":"BTCUSDT","b":[["1.0","2"]]}"#.utf8),
        Array("with\ttabs\tinside".utf8),
        Array("line one\nline two\r\nend".utf8),
        [0x00, 0xFF, 0xFE, 0x0A, 0x0D, 0x09, 0x80],
        Array("pong".utf8),
        [],
        Array("кириллица и эмодзи 🚀".utf8),
    ]

    @Test func everyChannelAndOddBytesRoundTrip() async throws {
        try await S.withTempDir { dir in
            let r = try FrameRecorder(directory: dir, venue: .okx)
            var expected: [(RecordedChannel, String, [UInt8], Int64)] = []
            var wall: Int64 = 1_796_000_000_000_000_000
            for (i, body) in Self.odd.enumerated() {
                for channel in RecordedChannel.allCases {
                    let path = channel == .rest ? "/api/v5/market/books?instId=BTC-USDT-SWAP&sz=\(i)&odd=a\tb" : ""
                    wall += 1_000
                    S.record(r, body, channel, wall: wall, mono: UInt64(wall - 1_700_000_000_000_000_000), path: path)
                    expected.append((channel, path.replacingOccurrences(of: "\t", with: "%09"), body, wall))
                }
            }
            await r.close()
            #expect(r.droppedFrames == 0 && r.writtenFrames == expected.count)
            let back = try RecordingReader.read(directory: dir)
            #expect(back.summaryRu == nil, "\(back.problemsRu)")
            #expect(back.frames.count == expected.count)
            for (f, e) in zip(back.frames, expected) {
                #expect(f.venue == .okx && f.channel == e.0 && f.pathString == e.1 && Array(f.bytes) == e.2 && f.receiveWallNanos == e.3)
                #expect(f.monotonicNanos == UInt64(e.3 - 1_700_000_000_000_000_000))
            }
        }
    }

    @Test func venuesMergeInReceiveTimeOrder() async throws {
        try await S.withTempDir { dir in
            let session = try RecordingSession(directory: dir)
            for k in 0..<300 {
                let venue = Venue.allCases[k % 3]
                S.record(try session.recorder(for: venue), Array("f\(k)".utf8), .wsPublic, wall: Int64(1_000_000 + (k * 7919) % 1000 * 1000 + k), mono: UInt64(k))
            }
            await session.close()
            #expect(S.files(dir).count == 3)
            let back = try RecordingReader.read(directory: dir)
            #expect(back.frames.count == 300)
            #expect(zip(back.frames, back.frames.dropFirst()).allSatisfy { $0.receiveWallNanos <= $1.receiveWallNanos })
            #expect(Set(back.frames.map(\.venue)) == Set(Venue.allCases))
        }
    }

    @Test func segmentsRotateBySizeAndByTime() async throws {
        try await S.withTempDir { dir in
            let limits = RecordingSegmentWriter.Limits(maxSegmentBytes: 4_000, maxSegmentNanos: 10_000_000_000, memberBytes: 1_000)
            let w = try RecordingSegmentWriter(directory: dir, venue: .binance, limits: limits)
            let frame = Array(String(repeating: "x", count: 90).utf8)
            for k in 0..<200 { try w.append(channel: .wsPublic, wallNanos: 1_000_000_000_000 + Int64(k) * 1_000, monotonicNanos: UInt64(k), body: frame) }
            // A jump of 11 s rotates by time even though the segment is small.
            try w.append(channel: .wsPublic, wallNanos: 1_012_000_000_000, monotonicNanos: 999, body: frame)
            try w.close()
            #expect(w.files.count >= 6)
            #expect(w.files.allSatisfy { ($0 as NSString).lastPathComponent.hasPrefix("binance-19700101T001") })
            let back = try RecordingReader.read(directory: dir)
            #expect(back.frames.count == 201 && back.summaryRu == nil)
            #expect(back.frames.map(\.monotonicNanos) == (0..<200).map(UInt64.init) + [999])
            for f in w.files { #expect(try S.gunzip(f).hasPrefix("#propbot-frames\tv=1\tvenue=binance\tcreated=1970-01-01T00:1")) }
        }
    }

    @Test func filesAreRealGzipAndSmallerThanTheText() async throws {
        try await S.withTempDir { dir in
            let r = try FrameRecorder(directory: dir, venue: .bybit)
            var raw = 0
            for k in 0..<5_000 {
                let body = Array(#"{"topic":"orderbook.200.BTCUSDT","type":"delta","ts":\#(k),"data":{"s":"BTCUSDT","b":[["65000.1","0.5"]],"a":[],"u":\#(k)}}"#.utf8)
                raw += body.count
                S.record(r, body, .wsPublic, wall: Int64(k) * 1_000_000, mono: UInt64(k))
            }
            await r.close()
            let file = try #require(S.files(dir).first)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
            #expect(size * 5 < raw)
            #expect(try S.run("/usr/bin/env", ["gzip", "-t", file]).0 == 0)
            #expect(try S.gunzip(file).split(separator: "\n").count == 5_001)
        }
    }
}
