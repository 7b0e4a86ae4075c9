import Foundation

/// A whole file held in memory with the byte ranges of its non-empty lines, so the timed loop only
/// slices an existing buffer.
struct BenchInput {
    var bytes: [UInt8]
    var lines: [Range<Int>]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Range<Int>] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            if i > start { lines.append(start..<i) }
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
    }

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        self.init(bytes: [UInt8](data))
    }

    /// Builds an input from separate frames.
    init(frames: [[UInt8]]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frames.reduce(0) { $0 + $1.count + 1 })
        for f in frames { bytes.append(contentsOf: f); bytes.append(0x0A) }
        self.init(bytes: bytes)
    }
}

/// A bench usage or data error, printed to stderr.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// `expected_<tag>.json` written by gen_depth.py.
struct BenchExpected: Decodable {
    var n: Int
    var sum_best_px_ticks: Int64
    var sum_best_qty_lots: Int64
    var final_best_bid: String
    var final_best_ask: String
    var final_bid_levels: Int
    var final_ask_levels: Int

    static func load(_ path: String) throws -> BenchExpected {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        return try JSONDecoder().decode(BenchExpected.self, from: data)
    }

    /// `…/depth_<tag>.jsonl` → `…/expected_<tag>.json`.
    static func defaultPath(forInput input: String) -> String? {
        let url = URL(fileURLWithPath: input)
        let name = url.lastPathComponent
        guard let r = name.range(of: "depth_"), name.hasSuffix(".jsonl") else { return nil }
        let tag = name[r.upperBound...].dropLast(".jsonl".count)
        return url.deletingLastPathComponent().appendingPathComponent("expected_\(tag).json").path
    }
}
