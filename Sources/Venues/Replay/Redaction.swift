/// Replaces registered secrets inside a recorded frame (off the hot path, in the recorder's writer).
enum Redaction {
    static let marker = Array("<redacted>".utf8)

    /// Writes `body` with every occurrence of any secret replaced into `out`; false (and `out` untouched)
    /// when no secret occurs.
    static func apply(_ secrets: [[UInt8]], to body: UnsafeRawBufferPointer, into out: inout [UInt8]) -> Bool {
        guard secrets.contains(where: { find($0, in: body, from: 0) != nil }) else { return false }
        out.removeAll(keepingCapacity: true)
        var i = 0
        outer: while i < body.count {
            for s in secrets where body.count - i >= s.count && body[i] == s[0] {
                if (0..<s.count).allSatisfy({ body[i + $0] == s[$0] }) {
                    out.append(contentsOf: marker)
                    i += s.count
                    continue outer
                }
            }
            out.append(body[i])
            i += 1
        }
        return true
    }

    static func find(_ needle: [UInt8], in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == first, (1..<needle.count).allSatisfy({ hay[i + $0] == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }
}
