import Foundation

/// Reads recorded venue traffic (see `venues/recorded/SOURCE.md`):
/// - cryptofeed "master" text captures: `URL <-> connect_time` header lines, received WS frames as
///   `recv_time: frame`, HTTP responses as `URL -> recv_time: body`; client-sent lines (`URL <- …`) and
///   other annotations (`configuration: …`) are skipped;
/// - plain JSONL: one raw WS frame per line, no receive time.
/// Several files merge in receive-time order; lines without a time keep their file order and sort before
/// timed lines of other files (they have nothing to be ordered by).
public enum CaptureReader {
    /// Why a capture could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot read capture file \(path)" }
    }

    /// Reads and merges `paths`.
    public static func read(_ paths: [String]) throws -> [CapturedMessage] {
        var all: [CapturedMessage] = []
        for (index, path) in paths.enumerated() {
            guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(path: path) }
            all.append(contentsOf: parse([UInt8](data), fileIndex: index))
        }
        return merge(all)
    }

    /// Orders messages by receive time, then file, then line.
    public static func merge(_ messages: [CapturedMessage]) -> [CapturedMessage] {
        messages.sorted { a, b in
            let ta = a.receiveTime ?? -.infinity, tb = b.receiveTime ?? -.infinity
            if ta != tb { return ta < tb }
            if a.fileIndex != b.fileIndex { return a.fileIndex < b.fileIndex }
            return a.line < b.line
        }
    }

    /// Parses one file's bytes.
    public static func parse(_ bytes: [UInt8], fileIndex: Int = 0) -> [CapturedMessage] {
        var out: [CapturedMessage] = []
        var lineNo = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > start, let m = parseLine(bytes[start..<lineEnd], fileIndex: fileIndex, line: lineNo) {
                out.append(m)
            }
            lineNo += 1
            start = end + 1
        }
        return out
    }

    static func parseLine(_ line: ArraySlice<UInt8>, fileIndex: Int, line lineNo: Int) -> CapturedMessage? {
        let first = line[line.startIndex]
        // A raw frame: JSON, or OKX's literal `pong`.
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || (first == UInt8(ascii: "p") && !contains(line, "://")) {
            return CapturedMessage(kind: .webSocket, receiveTime: nil, fileIndex: fileIndex, line: lineNo, body: Array(line))
        }
        if first >= 48, first <= 57 {
            guard let (time, body) = timeAndBody(line) else { return nil }
            return CapturedMessage(kind: .webSocket, receiveTime: time, fileIndex: fileIndex, line: lineNo, body: Array(body))
        }
        if let arrow = find(line, " -> ") {
            let url = String(decoding: line[line.startIndex..<arrow], as: UTF8.self)
            guard let (time, body) = timeAndBody(line[(arrow + 4)...]) else { return nil }
            return CapturedMessage(kind: .http(url: url), receiveTime: time, fileIndex: fileIndex, line: lineNo, body: Array(body))
        }
        // Client-sent frames (`URL <- …`), connect headers (`URL <-> …`) and annotations.
        return nil
    }

    /// Splits `1626992741.06217: body`; `nil` when the prefix is not a number (annotations).
    static func timeAndBody(_ s: ArraySlice<UInt8>) -> (Double, ArraySlice<UInt8>)? {
        guard let colon = find(s, ": ") else { return nil }
        let prefix = s[s.startIndex..<colon]
        guard !prefix.isEmpty, prefix.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
              let t = Double(String(decoding: prefix, as: UTF8.self)) else { return nil }
        return (t, s[(colon + 2)...])
    }

    static func contains(_ s: ArraySlice<UInt8>, _ needle: String) -> Bool { find(s, needle) != nil }

    static func find(_ s: ArraySlice<UInt8>, _ needle: String) -> Int? {
        let n = Array(needle.utf8)
        guard s.count >= n.count else { return nil }
        var i = s.startIndex
        while i + n.count <= s.endIndex {
            if s[i] == n[0], s[i..<(i + n.count)].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }
}
