import Crypto
import Foundation
import PropCore

/// One pre-reserved UTF-8 buffer that the venues' signed request strings and JSON bodies are written into:
/// names, percent-encoded values, JSON string literals, integers and fixed-point decimals go straight in as
/// bytes — no interpolation, no `[String]` + `joined`, no `Foundation` formatting. Every writer here produces
/// exactly the bytes of its straightforward counterpart (`PercentEncoding.encode`, `JSONLiteral.string`,
/// `FixedPoint.description`/`trimmedDescription`, `String(Int64)`, `NativeSymbol.symbol(for:)`,
/// `ISO8601Millis.string`); `FastRequestPropertyTests` checks that over random orders.
struct RequestBytes {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// A literal known at compile time (field names, enum values, punctuation).
    @inline(__always) mutating func ascii(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `s` verbatim.
    @inline(__always) mutating func utf8(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `s` as `PercentEncoding.encode` writes it: RFC 3986 unreserved bytes verbatim, every other byte `%XX`.
    mutating func percentEncoded(_ s: String) {
        var s = s
        s.withUTF8 { src in
            for b in src {
                if Self.isUnreserved(b) {
                    bytes.append(b)
                } else {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(Self.upperHex[Int(b >> 4)])
                    bytes.append(Self.upperHex[Int(b & 0x0F)])
                }
            }
        }
    }

    /// `s` as `JSONLiteral.string` writes it: quoted, `"` and `\` escaped, control bytes as `\u00xx`.
    mutating func jsonString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        jsonEscaped(s)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The inside of `JSONLiteral.string(s)` (without the quotes).
    mutating func jsonEscaped(_ s: String) {
        var s = s
        s.withUTF8 { src in
            for b in src {
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
                case 0..<0x20:
                    ascii("\\u00")
                    bytes.append(Self.lowerHex[Int(b >> 4)])
                    bytes.append(Self.lowerHex[Int(b & 0x0F)])
                default: bytes.append(b)
                }
            }
        }
    }

    /// How a text part is written.
    enum Escaping { case none, percent, json }

    /// The venue's symbol for `id`, as `NativeSymbol.symbol(for:)` spells it, escaped as asked
    /// (`.json` gives the inside of `JSONLiteral.string(symbol)`).
    mutating func nativeSymbol(_ id: InstrumentId, _ escaping: Escaping = .none) {
        @inline(__always) func part(_ s: String) {
            switch escaping {
            case .none: utf8(s)
            case .percent: percentEncoded(s)
            case .json: jsonEscaped(s)
            }
        }
        part(id.base)
        switch (id.venue, id.type) {
        case (.okx, .perp): byte(UInt8(ascii: "-")); part(id.quote); ascii("-SWAP")
        case (.okx, .spot): byte(UInt8(ascii: "-")); part(id.quote)
        case (.binance, _), (.bybit, _): part(id.quote)
        }
    }

    /// `v` in decimal, as `String(v)` writes it.
    mutating func int(_ v: Int64) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        unsigned(v.magnitude)
    }

    mutating func unsigned(_ v: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes of scratch, enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { d in
            var m = v, n = 0
            repeat { d[n] = UInt8(truncatingIfNeeded: m % 10) &+ 48; m /= 10; n += 1 } while m != 0
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
    }

    /// A fixed-point value exactly as `description` (`trimZeros` false) or `trimmedDescription` prints it.
    mutating func decimal<F: FixedPoint>(_ value: F, trimZeros: Bool) {
        let scale = value.scale
        guard scale >= 0 else {
            utf8(trimZeros ? value.trimmedDescription : value.description)
            return
        }
        let magnitude = value.units.magnitude
        if value.units < 0 && magnitude != 0 { bytes.append(UInt8(ascii: "-")) }
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { d in
            // Digits of the magnitude, most significant first.
            var m = magnitude, n = 0
            repeat { d[23 - n] = UInt8(truncatingIfNeeded: m % 10) &+ 48; m /= 10; n += 1 } while m != 0
            let first = 24 - n
            if scale == 0 {
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[first..<24]))
                return
            }
            // Fraction digit `i` (0-based from the point): leading zeros when there are fewer digits than decimals.
            let pad = n <= scale ? scale - n : 0
            @inline(__always) func frac(_ i: Int) -> UInt8 {
                n <= scale ? (i < pad ? UInt8(ascii: "0") : d[first + i - pad]) : d[first + (n - scale) + i]
            }
            var fracLen = scale
            if trimZeros { while fracLen > 0 && frac(fracLen - 1) == UInt8(ascii: "0") { fracLen -= 1 } }
            if n <= scale { bytes.append(UInt8(ascii: "0")) } else {
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[first..<(first + n - scale)]))
            }
            guard fracLen > 0 else { return }
            bytes.append(UInt8(ascii: "."))
            for i in 0..<fracLen { bytes.append(frac(i)) }
        }
    }

    /// 64 lowercase hex characters of a MAC.
    mutating func lowerHex(_ mac: HMAC<SHA256>.MAC) {
        mac.withUnsafeBytes { raw in
            for b in raw {
                bytes.append(Self.lowerHex[Int(b >> 4)])
                bytes.append(Self.lowerHex[Int(b & 0x0F)])
            }
        }
    }

    // MARK: tables and whole-string helpers

    static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)
    static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)
    static let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    @inline(__always) static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Lowercase hex of a MAC as a `String`, written straight into the string's storage.
    static func lowerHexString(_ mac: HMAC<SHA256>.MAC) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            mac.withUnsafeBytes { raw in
                var j = 0
                for b in raw {
                    out[j] = lowerHex[Int(b >> 4)]; out[j + 1] = lowerHex[Int(b & 0x0F)]; j += 2
                }
                return j
            }
        }
    }

    /// Standard padded base64 of a MAC (what `Data.base64EncodedString()` writes), without Foundation.
    static func base64String(_ mac: HMAC<SHA256>.MAC) -> String {
        mac.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: (raw.count + 2) / 3 * 4) { out in
                var i = 0, j = 0
                let n = raw.count
                while i + 3 <= n {
                    let v = UInt32(raw[i]) << 16 | UInt32(raw[i + 1]) << 8 | UInt32(raw[i + 2])
                    out[j] = base64Alphabet[Int(v >> 18)]; out[j + 1] = base64Alphabet[Int(v >> 12 & 63)]
                    out[j + 2] = base64Alphabet[Int(v >> 6 & 63)]; out[j + 3] = base64Alphabet[Int(v & 63)]
                    i += 3; j += 4
                }
                if n - i == 1 {
                    let v = UInt32(raw[i]) << 16
                    out[j] = base64Alphabet[Int(v >> 18)]; out[j + 1] = base64Alphabet[Int(v >> 12 & 63)]
                    out[j + 2] = UInt8(ascii: "="); out[j + 3] = UInt8(ascii: "="); j += 4
                } else if n - i == 2 {
                    let v = UInt32(raw[i]) << 16 | UInt32(raw[i + 1]) << 8
                    out[j] = base64Alphabet[Int(v >> 18)]; out[j + 1] = base64Alphabet[Int(v >> 12 & 63)]
                    out[j + 2] = base64Alphabet[Int(v >> 6 & 63)]; out[j + 3] = UInt8(ascii: "="); j += 4
                }
                return j
            }
        }
    }

    /// `ISO8601Millis.string(fromMillis:)` for years 1970…9999 written without interpolation; other instants
    /// (never a live request timestamp) fall back to it.
    static func iso8601Millis(_ ms: Int64) -> String {
        guard ms >= 0, ms < 253_402_300_800_000 else { return ISO8601Millis.string(fromMillis: ms) }
        let millis = ms % 1000
        let secs = ms / 1000
        let days = secs / 86_400
        let sod = secs - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        return String(unsafeUninitializedCapacity: 24) { out in
            @inline(__always) func put(_ v: Int64, _ at: Int, _ width: Int) {
                var v = v
                var k = at + width - 1
                while k >= at { out[k] = UInt8(truncatingIfNeeded: v % 10) &+ 48; v /= 10; k -= 1 }
            }
            put(year, 0, 4); out[4] = UInt8(ascii: "-"); put(month, 5, 2); out[7] = UInt8(ascii: "-"); put(day, 8, 2)
            out[10] = UInt8(ascii: "T"); put(sod / 3600, 11, 2); out[13] = UInt8(ascii: ":"); put(sod % 3600 / 60, 14, 2)
            out[16] = UInt8(ascii: ":"); put(sod % 60, 17, 2); out[19] = UInt8(ascii: "."); put(millis, 20, 3)
            out[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// `method` upper-cased as `String.uppercased()` would (ASCII fast path; anything else goes through it).
    mutating func upperMethod(_ method: String) {
        var m = method
        let ascii = m.withUTF8 { src -> Bool in
            guard src.allSatisfy({ $0 < 0x80 }) else { return false }
            for b in src { bytes.append(b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") ? b - 32 : b) }
            return true
        }
        if !ascii { utf8(method.uppercased()) }
    }
}

/// HMAC-SHA256 with the key schedule done once: the inner and outer pads are hashed at init and every MAC
/// starts from a copy of that state, so a request costs only its own bytes (plus the two final blocks).
struct PreparedHMAC: Sendable {
    private let initial: HMAC<SHA256>

    init(secret: String) {
        initial = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
    }

    func mac<D: DataProtocol>(_ message: D) -> HMAC<SHA256>.MAC {
        var h = initial
        h.update(data: message)
        return h.finalize()
    }

    func mac(_ message: UnsafeRawBufferPointer) -> HMAC<SHA256>.MAC {
        var h = initial
        h.update(data: message)
        return h.finalize()
    }
}
