import Foundation
import PropCore

/// Splits one decompressed recording file into frames, working on byte offsets (no `String` per line).
struct RecordingFileParser {
    var frames: [RecordedFrame] = []
    var malformed = 0
    var torn = 0
    var problemsRu: [String] = []

    /// Parses `text`; `venue` is the file-name venue, overridden by the header's.
    mutating func parse(_ text: [UInt8], venue fileVenue: Venue?, file: String) {
        var venue = fileVenue
        let n = text.count
        var start = 0
        var lineNo = 0
        text.withUnsafeBufferPointer { buf in
            while start < n {
                lineNo += 1
                let end = Self.index(of: 0x0A, in: buf, from: start) ?? -1
                if end < 0 {
                    torn += 1
                    note("\(file): строка \(lineNo) оборвана (нет конца строки) — пропущена")
                    return
                }
                defer { start = end + 1 }
                if end == start { continue }
                if buf[start] == UInt8(ascii: "#") {
                    if let v = header(text[start..<end], file: file, line: lineNo) { venue = v }
                    continue
                }
                guard let venue else { malformed += 1; note("\(file): строка \(lineNo): биржа неизвестна (нет заголовка)"); continue }
                if let frame = line(text, buf, start, end, venue: venue) { frames.append(frame) } else {
                    malformed += 1
                    note("\(file): строка \(lineNo) не разобрана — пропущена")
                }
            }
        }
    }

    private mutating func note(_ s: String) { if problemsRu.count < 20 { problemsRu.append(s) } }

    /// Reads `venue=` from a header; a version other than ours makes the header (not the file) count as malformed.
    private mutating func header(_ line: ArraySlice<UInt8>, file: String, line lineNo: Int) -> Venue? {
        let fields = line.split(separator: 0x09)
        guard fields.first?.elementsEqual(RecordingFormat.magic.utf8) == true else { return nil }
        var venue: Venue?
        for f in fields.dropFirst() {
            let s = String(decoding: f, as: UTF8.self)
            if s.hasPrefix("venue=") { venue = Venue(rawValue: String(s.dropFirst(6))) }
            if s.hasPrefix("v="), s != "v=\(RecordingFormat.version)" {
                malformed += 1
                note("\(file): строка \(lineNo): версия формата \(s.dropFirst(2)) не поддерживается (ожидается \(RecordingFormat.version))")
            }
        }
        return venue
    }

    /// One frame line; `nil` when any field is bad.
    private func line(_ text: [UInt8], _ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, venue: Venue) -> RecordedFrame? {
        var i = start
        guard let wall = Self.number(buf, &i, end), let mono = Self.number(buf, &i, end),
              let chEnd = Self.index(of: 0x09, in: buf, from: i, before: end) else { return nil }
        var chField = text[i..<chEnd]
        let b64 = chField.count > 4 && chField.suffix(4).elementsEqual(RecordingFormat.base64Suffix.utf8)
        if b64 { chField = chField.dropLast(4) }
        guard let channel = RecordedChannel(field: chField) else { return nil }
        i = chEnd + 1
        var path: ArraySlice<UInt8> = []
        if channel == .rest {
            guard let pEnd = Self.index(of: 0x09, in: buf, from: i, before: end) else { return nil }
            path = text[i..<pEnd]
            i = pEnd + 1
        }
        var body = text[i..<end]
        if b64 {
            guard let data = Data(base64Encoded: Data(body)) else { return nil }
            body = ArraySlice([UInt8](data))
        }
        return RecordedFrame(venue: venue, channel: channel, receiveWallNanos: wall, monotonicNanos: UInt64(bitPattern: mono),
                             path: path, bytes: body)
    }

    /// A decimal (optionally negative) ending at a tab; moves `i` past the tab.
    private static func number(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Int64? {
        var neg = false
        if i < end, buf[i] == UInt8(ascii: "-") { neg = true; i += 1 }
        var v: Int64 = 0
        let first = i
        while i < end, buf[i] != 0x09 {
            let d = buf[i] &- 48
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            guard d < 10, !o1, !o2 else { return nil }
            v = a
            i += 1
        }
        guard i < end, i > first else { return nil }
        i += 1
        return neg ? -v : v
    }

    static func index(of byte: UInt8, in buf: UnsafeBufferPointer<UInt8>, from: Int, before end: Int? = nil) -> Int? {
        let limit = end ?? buf.count
        guard from < limit, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, Int32(byte), limit - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
}
