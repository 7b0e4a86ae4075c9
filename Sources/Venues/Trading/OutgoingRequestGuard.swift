public import PropCore

/// The last check before any byte leaves for a venue: PropBot never withdraws or moves funds, so a request
/// whose path, query or body names `withdraw`, `transfer` or `address` (in any letter case, percent-encoded,
/// even repeatedly, or as JSON `\uXXXX` escapes) is refused with `.forbiddenRequest`, and `onForbidden` is
/// called so the executor can raise an alert and HOLD.
public struct OutgoingRequestGuard: Sendable {
    /// Words that no request of ours may contain.
    public static let forbiddenWords = ["withdraw", "transfer", "address"]

    private let onForbidden: (@Sendable (VenueOrderError) -> Void)?

    /// A guard calling `onForbidden` (if any) on every refusal.
    public init(onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil) {
        self.onForbidden = onForbidden
    }

    /// Throws `.forbiddenRequest` (after calling the alert hook) when the request names a forbidden word.
    public func check(venue: Venue, pathAndQuery: String, body: [UInt8]?) throws(VenueOrderError) {
        let path = String(pathAndQuery.prefix { $0 != "?" })
        guard Self.namesForbiddenWord(Array(pathAndQuery.utf8)) || body.map(Self.namesForbiddenWord) == true else { return }
        let error = VenueOrderError.forbiddenRequest(venue: venue, path: path)
        onForbidden?(error)
        throw error
    }

    /// True when `bytes`, after undoing percent-encoding and JSON escapes and folding case, contain a forbidden word.
    public static func namesForbiddenWord(_ bytes: [UInt8]) -> Bool {
        var text = bytes
        // Each pass undoes one layer of encoding (`%2577` → `%77` → `w`); stop when nothing changes.
        for _ in 0..<8 {
            if containsForbidden(lowercased(text)) { return true }
            let decoded = decodeOnce(text)
            if decoded == text { return false }
            text = decoded
        }
        return containsForbidden(lowercased(text))
    }

    private static let words: [[UInt8]] = forbiddenWords.map { Array($0.utf8) }

    private static func containsForbidden(_ text: [UInt8]) -> Bool {
        words.contains { word in
            guard text.count >= word.count else { return false }
            for start in 0...(text.count - word.count) where text[start] == word[0] {
                if text[start..<(start + word.count)].elementsEqual(word) { return true }
            }
            return false
        }
    }

    private static func lowercased(_ text: [UInt8]) -> [UInt8] {
        text.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
    }

    /// One layer of `%XX` and `\uXXXX` / `\u00XX` decoding; anything else is kept as is.
    private static func decodeOnce(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == UInt8(ascii: "%"), i + 2 < text.count, let hi = hex(text[i + 1]), let lo = hex(text[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else if text[i] == UInt8(ascii: "\\"), i + 5 < text.count, (text[i + 1] | 0x20) == UInt8(ascii: "u"),
                      let a = hex(text[i + 2]), let b = hex(text[i + 3]), let c = hex(text[i + 4]), let d = hex(text[i + 5]),
                      a == 0, b == 0 {
                out.append(c << 4 | d)
                i += 6
            } else if text[i] == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
                i += 1
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
