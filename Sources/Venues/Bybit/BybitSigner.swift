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

    private let key: SymmetricKey

    /// Creates a signer from the API secret as issued by Bybit (its UTF-8 bytes are the HMAC key).
    public init(secret: String) {
        key = SymmetricKey(data: Array(secret.utf8))
    }

    /// Lowercase hex HMAC-SHA256 of `timestampMs + apiKey + recvWindowMs + payload`, where `payload` is the
    /// query string for GET and the exact JSON body bytes for POST.
    public func signature(timestampMs: Int64, apiKey: String, recvWindowMs: Int, payload: String) -> String {
        hexMAC(String(timestampMs) + apiKey + String(recvWindowMs) + payload)
    }

    /// WS private auth signature: hex HMAC-SHA256 of `"GET/realtime" + expiresMs`.
    public func wsAuthSignature(expiresMs: Int64) -> String {
        hexMAC("GET/realtime" + String(expiresMs))
    }

    private func hexMAC(_ message: String) -> String {
        HexBase64.lowerHex(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: key))
    }

    /// Redacted: never includes the secret.
    public var description: String { "BybitSigner(secret: <redacted>)" }
    /// Redacted: never includes the secret.
    public var debugDescription: String { description }
    /// Empty mirror so `dump` and reflection cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
