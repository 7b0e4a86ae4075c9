import Crypto

/// Signs OKX v5 REST requests and WS logins: base64 HMAC-SHA256 of `timestamp + METHOD + requestPath + body`,
/// see venues/okx-v5.md §3. Pure value type; the secret never appears in `description` or reflection.
public struct OKXSigner: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Header carrying the API key.
    public static let keyHeader = "OK-ACCESS-KEY"
    /// Header carrying the signature.
    public static let signHeader = "OK-ACCESS-SIGN"
    /// Header carrying the ISO-8601 (ms, `Z`) timestamp that was signed.
    public static let timestampHeader = "OK-ACCESS-TIMESTAMP"
    /// Header carrying the API passphrase.
    public static let passphraseHeader = "OK-ACCESS-PASSPHRASE"
    /// Path signed for WS login.
    public static let loginPath = "/users/self/verify"

    private let hmac: PreparedHMAC

    /// Creates a signer from the API secret as issued by OKX (its UTF-8 bytes are the HMAC key).
    /// The HMAC key schedule is done here, once.
    public init(secret: String) {
        hmac = PreparedHMAC(secret: secret)
    }

    /// Base64 HMAC-SHA256 of `timestamp + METHOD + requestPath + body`. `timestamp` is ISO-8601 with ms and `Z`
    /// (REST) or Unix seconds (WS login); `requestPath` includes `?query` for GET; `body` is the exact JSON sent
    /// (empty for GET). `method` is upper-cased here because OKX rejects lowercase methods in the prehash.
    public func signature(timestamp: String, method: String, requestPath: String, body: String) -> String {
        var body = body
        return body.withUTF8 { signature(timestamp: timestamp, method: method, requestPath: requestPath, bodyBytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same signature over body bytes (the exact bytes sent).
    public func signature(timestamp: String, method: String, requestPath: String, bodyBytes: [UInt8]) -> String {
        bodyBytes.withUnsafeBytes { signature(timestamp: timestamp, method: method, requestPath: requestPath, bodyBytes: $0) }
    }

    private func signature(timestamp: String, method: String, requestPath: String, bodyBytes: UnsafeRawBufferPointer) -> String {
        var prehash = RequestBytes(capacity: timestamp.utf8.count + method.utf8.count + requestPath.utf8.count + bodyBytes.count)
        prehash.utf8(timestamp)
        prehash.upperMethod(method)
        prehash.utf8(requestPath)
        prehash.bytes.append(contentsOf: bodyBytes)
        return RequestBytes.base64String(hmac.mac(prehash.bytes))
    }

    /// The `OK-ACCESS-TIMESTAMP` text for `ms`: ISO-8601 with milliseconds and `Z`, as `ISO8601Millis.string`.
    public static func timestamp(ms: Int64) -> String { RequestBytes.iso8601Millis(ms) }

    /// WS login signature: `sign(ts + "GET" + "/users/self/verify")` with `ts` in Unix seconds.
    public func loginSignature(timestampSeconds: Int64) -> String {
        signature(timestamp: String(timestampSeconds), method: "GET", requestPath: Self.loginPath, body: "")
    }

    /// Redacted: never includes the secret.
    public var description: String { "OKXSigner(secret: <redacted>)" }
    /// Redacted: never includes the secret.
    public var debugDescription: String { description }
    /// Empty mirror so `dump` and reflection cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
