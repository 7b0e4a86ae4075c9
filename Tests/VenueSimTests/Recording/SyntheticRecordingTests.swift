import Foundation
import PropCore
import Testing
import VenueSim
import Venues

/// The synthetic recording generator: deterministic by seed, fast, and replayable through the real codecs.
@Suite struct SyntheticRecordingTests {
    static let start: Int64 = 1_796_354_100_000 // 2026-12-04T03:15:00Z

    static func withTempDir<T>(_ body: (String) throws -> T) rethrows -> T {
        let dir = NSTemporaryDirectory() + "propbot-synth-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try body(dir)
    }

    static func bytes(_ files: [String]) -> [[UInt8]] { files.map { [UInt8](FileManager.default.contents(atPath: $0) ?? Data()) } }

    @Test func sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws {
        try Self.withTempDir { root in
            let a = try SyntheticRecording.generate(seed: 7, minutes: 0.5, startWallMs: Self.start, to: root + "/a")
            let b = try SyntheticRecording.generate(seed: 7, minutes: 0.5, startWallMs: Self.start, to: root + "/b")
            let c = try SyntheticRecording.generate(seed: 8, minutes: 0.5, startWallMs: Self.start, to: root + "/c")
            #expect(a.files.map { ($0 as NSString).lastPathComponent } == ["binance-20261204T031500Z-0001.frames.gz",
                                                                          "okx-20261204T031500Z-0001.frames.gz",
                                                                          "bybit-20261204T031500Z-0001.frames.gz"])
            #expect(a.files.map { ($0 as NSString).lastPathComponent } == b.files.map { ($0 as NSString).lastPathComponent })
            #expect(Self.bytes(a.files) == Self.bytes(b.files))
            #expect(a.frames == b.frames && a.steps == 300)
            #expect(Self.bytes(a.files) != Self.bytes(c.files))
        }
    }

    @Test func framesReplayThroughTheCodecsIntoValidBooksForAllNineInstruments() throws {
        try Self.withTempDir { dir in
            try SyntheticRecording.generate(seed: 42, minutes: 1, startWallMs: Self.start, to: dir)
            let rec = try RecordingReader.read(directory: dir)
            #expect(rec.summaryRu == nil)
            #expect(zip(rec.frames, rec.frames.dropFirst()).allSatisfy { $0.receiveWallNanos <= $1.receiveWallNanos })
            #expect(rec.frames.first.map { $0.receiveWallNanos > Self.start * 1_000_000 } == true)
            var books = 0
            for venue in Venue.allCases {
                let report = MarketReplay.replay(venue: venue, frames: rec.frames)
                #expect(report.malformed == 0 && report.gaps == 0 && report.resyncs == 0 && report.checksumFailures == 0, "\(report)")
                #expect(report.books.count == 3 && report.books.values.allSatisfy { $0.valid && $0.bid != nil && $0.ask != nil }, "\(report.books)")
                books += report.books.count
            }
            #expect(books == 9)
        }
    }

    @Test func markPriceAndFundingFramesAreThereAndDecode() throws {
        try Self.withTempDir { dir in
            try SyntheticRecording.generate(seed: 3, minutes: 0.5, startWallMs: Self.start, to: dir)
            let frames = try RecordingReader.read(directory: dir).frames
            func count(_ venue: Venue, _ needle: String) -> Int {
                frames.filter { $0.venue == venue && String(decoding: $0.bytes, as: UTF8.self).contains(needle) }.count
            }
            #expect(count(.binance, "markPriceUpdate") == 3 * 30)
            #expect(count(.okx, #""channel":"funding-rate""#) >= 3 * 3 && count(.okx, #""channel":"mark-price""#) >= 3 * 30)
            #expect(count(.bybit, #""fundingRate""#) >= 3 * 30)
            var decodedMarks = 0
            for venue in Venue.allCases {
                let specs = SimInstrumentSpec.all.filter { $0.id.venue == venue }
                    .map { SymbolSpec(nativeSymbol: $0.nativeSymbol, priceScale: $0.priceScale, qtyScale: $0.qtyScale) }
                decodedMarks += Self.decodeAll(venue: venue, table: SymbolTable(specs), frames: frames.filter { $0.venue == venue && $0.channel == .wsPublic })
            }
            #expect(decodedMarks > 0)
        }
    }

    /// Decodes every frame with the venue codec (none may fail); returns how many were mark/funding messages.
    static func decodeAll(venue: Venue, table: SymbolTable, frames: [RecordedFrame]) -> Int {
        switch venue {
        case .binance: decodeAll(BinanceCodec(symbols: table), frames)
        case .okx: decodeAll(OKXCodec(symbols: table), frames)
        case .bybit: decodeAll(BybitCodec(symbols: table), frames)
        }
    }

    static func decodeAll<C: PublicMarketCodec>(_ codec: C, _ frames: [RecordedFrame]) -> Int {
        var codec = codec
        var update = DepthUpdate()
        var marks = 0
        for f in frames {
            let result = Array(f.bytes).withUnsafeBytes { raw in
                Result { () throws(VenueCodecError) -> MarketMessage in try codec.decode(raw, into: &update) }
            }
            switch result {
            case .success(let m): if "\(m)".lowercased().contains("mark") || "\(m)".lowercased().contains("funding") { marks += 1 }
            case .failure(let e): Issue.record("\(e) in \(String(decoding: f.bytes, as: UTF8.self).prefix(200))")
            }
        }
        return marks
    }

    @Test func tenMinutesOfMarketTakeSeconds() throws {
        try Self.withTempDir { dir in
            let clock = ContinuousClock()
            var summary: SyntheticRecordingSummary?
            let took = try clock.measure { summary = try SyntheticRecording.generate(seed: 1, minutes: 10, startWallMs: Self.start, to: dir) }
            #expect(summary?.steps == 6_000)
            #expect(took < .seconds(60), "took \(took)")
            let frames = summary?.frames.values.reduce(0, +) ?? 0
            var read = RecordingContents()
            let readTook = try clock.measure { read = try RecordingReader.read(directory: dir) }
            #expect(read.frames.count == frames && read.summaryRu == nil)
            let seconds = Double(readTook.components.seconds) + Double(readTook.components.attoseconds) / 1e18
            print("synthetic: 10 min of market, \(frames) frames written in \(took); read back in \(readTook) = \(Int(Double(frames) / seconds)) frames/s")
        }
    }
}
