import Foundation
import PropCore
@testable import Venues

/// Locates the shared recordings (`/work/shared` is a sibling of the repository, also in CI) and the
/// package's own fixtures, and turns them into frames for the codec tests.
enum RecordedCaptures {
    /// `<repo>/Tests/VenuesTests/Codecs/RecordedCaptures.swift` → `<repo>`.
    static let repo: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let recorded: URL = repo.deletingLastPathComponent().appendingPathComponent("shared/venues/recorded")

    static func path(_ name: String) -> String { recorded.appendingPathComponent(name).path }
    static func fixture(_ name: String) -> String { repo.appendingPathComponent("Tests/Fixtures/\(name)").path }

    static let binanceWS = path("cryptofeed-master-BINANCE_FUTURES.ws.1.0.txt")
    static let binanceHTTP = path("cryptofeed-master-BINANCE_FUTURES.http.0.0.txt")
    static let binanceInfo = path("cryptofeed-master-BINANCE_FUTURES.0.txt")
    static let okxWS = path("cryptofeed-master-OKX.ws.1.0.txt")
    static let bybitWS = fixture("bybit/linear-public.jsonl")

    /// All messages of one file.
    static func messages(_ path: String) throws -> [CapturedMessage] { try CaptureReader.read([path]) }

    /// Symbols with the scales the replay infers from the same files (the tests then check every value parses).
    static func table(_ venue: Venue, _ paths: [String]) throws -> SymbolTable {
        SymbolTable(ReplayScales.infer(venue: venue, messages: try CaptureReader.read(paths)))
    }

    /// Every decimal string value in a JSON text: `"…"` runs that look like plain decimals.
    static func decimalStrings(in body: [UInt8]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < body.count {
            guard body[i] == UInt8(ascii: "\"") else { i += 1; continue }
            var j = i + 1
            while j < body.count, body[j] != UInt8(ascii: "\"") { j += 1 }
            let s = body[(i + 1)..<min(j, body.count)]
            if !s.isEmpty, s.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
               s.contains(where: { $0 >= 48 && $0 <= 57 }) {
                out.append(String(decoding: s, as: UTF8.self))
            }
            i = j + 1
        }
        return out
    }
}

extension PublicMarketCodec {
    /// Decodes a byte array frame (test convenience).
    mutating func decode(_ frame: [UInt8], into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        let result: Result<MarketMessage, VenueCodecError> = frame.withUnsafeBytes { raw in
            Result { () throws(VenueCodecError) -> MarketMessage in try self.decode(raw, into: &update) }
        }
        return try result.get()
    }

    mutating func decode(_ text: String, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage {
        try decode(Array(text.utf8), into: &update)
    }
}

/// Counts of what a codec returned over a capture.
struct MessageCounts: Equatable, CustomStringConvertible {
    var depth = 0, snapshots = 0, trade = 0, mark = 0, ticker = 0, control = 0, ignored = 0, errors = 0
    var description: String {
        "depth \(depth) (snapshots \(snapshots)) trade \(trade) mark \(mark) ticker \(ticker) control \(control) ignored \(ignored) errors \(errors)"
    }

    mutating func count(_ m: MarketMessage, _ u: DepthUpdate) {
        switch m {
        case .depth: depth += 1; if u.kind == .snapshot { snapshots += 1 }
        case .trade: trade += 1
        case .mark: mark += 1
        case .ticker: ticker += 1
        case .control: control += 1
        case .ignored: ignored += 1
        }
    }
}
