import Crypto

/// Signs Bybit v5 REST requests and WS auth: lowercase hex HMAC-SHA256, see venues/bybit-v5.md §3.
/// Pure value type; the secret never appears in `description` or reflection.
public struct BybitSigner: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Header carrying the API key.
    public static let apiKeyHeader = "X-BAPI-API-KEY"
    /// Header carrying the ms timestamp that was signed.
    public static let timestampHeader = "X-BAPI-TIMESTAMP"
    /// Header carrying the signature.
    public static let signHeader = "X-BAPI-SIGN"
    /// Header carrying the recv window (ms) that was signed.
    public static let recvWindowHeader = "X-BAPI-RECV-WINDOW"

    private let hmac: PreparedHMAC

    /// Creates a signer from the API secret as issued by Bybit (its UTF-8 bytes are the HMAC key).
    /// The HMAC key schedule is done here, once.
    public init(secret: String) {
        hmac = PreparedHMAC(secret: secret)
    }

    /// Lowercase hex HMAC-SHA256 of `timestampMs + apiKey + recvWindowMs + payload`, where `payload` is the
    /// query string for GET and the exact JSON body bytes for POST.
    public func signature(timestampMs: Int64, apiKey: String, recvWindowMs: Int, payload: String) -> String {
        var payload = payload
        return payload.withUTF8 { signature(timestampMs: timestampMs, apiKey: apiKey, recvWindowMs: recvWindowMs, payload: UnsafeRawBufferPointer($0)) }
    }

    /// The same signature over the payload bytes (the exact body bytes sent).
    public func signature(timestampMs: Int64, apiKey: String, recvWindowMs: Int, payloadBytes: [UInt8]) -> String {
        payloadBytes.withUnsafeBytes { signature(timestampMs: timestampMs, apiKey: apiKey, recvWindowMs: recvWindowMs, payload: $0) }
    }

    private func signature(timestampMs: Int64, apiKey: String, recvWindowMs: Int, payload: UnsafeRawBufferPointer) -> String {
        var prehash = RequestBytes(capacity: 48 + apiKey.utf8.count + payload.count)
        prehash.int(timestampMs)
        prehash.utf8(apiKey)
        prehash.int(Int64(recvWindowMs))
        prehash.bytes.append(contentsOf: payload)
        return RequestBytes.lowerHexString(hmac.mac(prehash.bytes))
    }

    /// WS private auth signature: hex HMAC-SHA256 of `"GET/realtime" + expiresMs`.
    public func wsAuthSignature(expiresMs: Int64) -> String {
        var prehash = RequestBytes(capacity: 40)
        prehash.ascii("GET/realtime")
        prehash.int(expiresMs)
        return RequestBytes.lowerHexString(hmac.mac(prehash.bytes))
    }

    /// Redacted: never includes the secret.
    public var description: String { "BybitSigner(secret: <redacted>)" }
    /// Redacted: never includes the secret.
    public var debugDescription: String { description }
    /// Empty mirror so `dump` and reflection cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
