import Crypto
import PropCore

/// Signs Binance USDⓈ-M TRADE/USER_DATA requests: lowercase hex HMAC-SHA256 of `totalParams`
/// (query string followed by the urlencoded body), see venues/binance-usdm.md §3.
/// Pure value type; the secret never appears in `description`, `debugDescription` or reflection.
/// The HMAC key schedule is done once at init; a signed query is written into one pre-reserved buffer.
public struct BinanceSigner: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// HTTP header carrying the API key.
    public static let apiKeyHeader = "X-MBX-APIKEY"

    private let hmac: PreparedHMAC

    /// Creates a signer from the API secret as issued by Binance (its UTF-8 bytes are the HMAC key).
    public init(secret: String) {
        hmac = PreparedHMAC(secret: secret)
    }

    /// Lowercase hex HMAC-SHA256 of `totalParams` exactly as it is sent.
    public func signature(totalParams: String) -> String {
        var text = totalParams
        return text.withUTF8 { RequestBytes.lowerHexString(hmac.mac(UnsafeRawBufferPointer($0))) }
    }

    /// Builds the full signed query string: `params` (percent-encoded, in the given order), then
    /// `timestamp`, `recvWindow`, and finally `&signature=` over everything before it.
    public func signedQuery(params: [(String, String)], timestampMs: Int64, recvWindowMs: Int) -> String {
        var capacity = 128
        for (name, value) in params { capacity += 2 + 3 * (name.utf8.count + value.utf8.count) }
        return signedPathAndQuery(path: "", capacity: capacity, timestampMs: timestampMs, recvWindowMs: recvWindowMs) { w in
            for (name, value) in params { w.param(name, value) }
        }
    }

    /// `path` + `?` + the signed query whose parameters `writeParams` writes (in order); `timestamp`,
    /// `recvWindow` and `&signature=` (over the query only, not the path) are appended here. An empty `path`
    /// gives the bare query, exactly what `signedQuery` returns.
    func signedPathAndQuery(path: String, capacity: Int = 320, timestampMs: Int64, recvWindowMs: Int,
                            _ writeParams: (inout BinanceQueryWriter) -> Void) -> String {
        var w = BinanceQueryWriter(out: RequestBytes(capacity: path.utf8.count + capacity))
        if !path.isEmpty { w.out.utf8(path); w.out.byte(UInt8(ascii: "?")) }
        let start = w.out.bytes.count
        writeParams(&w)
        w.out.ascii(w.out.bytes.count == start ? "timestamp=" : "&timestamp=")
        w.out.int(timestampMs)
        w.out.ascii("&recvWindow=")
        w.out.int(Int64(recvWindowMs))
        let mac = hmac.mac(w.out.bytes[start...])
        w.out.ascii("&signature=")
        w.out.lowerHex(mac)
        return w.out.string
    }

    /// Redacted: never includes the secret.
    public var description: String { "BinanceSigner(secret: <redacted>)" }
    /// Redacted: never includes the secret.
    public var debugDescription: String { description }
    /// Empty mirror so `dump` and reflection cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Writes `name=value` pairs of a Binance query, `&`-separated and percent-encoded as `PercentEncoding.encode` does.
struct BinanceQueryWriter {
    var out: RequestBytes
    private var first = true

    init(out: RequestBytes) { self.out = out }

    @inline(__always) private mutating func separator() {
        if first { first = false } else { out.byte(UInt8(ascii: "&")) }
    }

    /// A pair whose name and value are arbitrary text.
    mutating func param(_ name: String, _ value: String) {
        separator(); out.percentEncoded(name); out.byte(UInt8(ascii: "=")); out.percentEncoded(value)
    }

    /// A pair whose name and value are unreserved literals (`side=BUY`), written as they are.
    mutating func literal(_ nameEquals: StaticString, _ value: StaticString) {
        separator(); out.ascii(nameEquals); out.ascii(value)
    }

    /// `name=` + percent-encoded `value`.
    mutating func encoded(_ nameEquals: StaticString, _ value: String) {
        separator(); out.ascii(nameEquals); out.percentEncoded(value)
    }

    /// `name=` + the exact decimal (only digits, `.` and `-`: nothing to encode).
    mutating func decimal<F: FixedPoint>(_ nameEquals: StaticString, _ value: F) {
        separator(); out.ascii(nameEquals); out.decimal(value, trimZeros: false)
    }

    /// `symbol=` + the percent-encoded venue symbol.
    mutating func symbol(_ id: InstrumentId) {
        separator(); out.ascii("symbol="); out.nativeSymbol(id, .percent)
    }
}
