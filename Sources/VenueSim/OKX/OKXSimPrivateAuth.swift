import HTTPTypes
import Hummingbird
import PropCore
import Venues

/// Verifies OKX v5 private REST and WS-login signatures exactly as the venue does (venues/okx-v5.md §3):
/// `Base64(HMAC_SHA256(secret, timestamp + METHOD + requestPath + body))` with the ISO-8601 ms timestamp
/// within 30 s of server time. Answers with the venue's codes and HTTP 401.
enum OKXSimPrivateAuth {
    /// OKX's receive window.
    static let windowMs: Int64 = 30_000

    /// Why a request was refused: OKX code and message.
    struct Failure: Error, Equatable {
        var code: String
        var msg: String
    }

    static func header(_ request: Request, _ name: String) -> String? {
        HTTPField.Name(name).flatMap { request.headers[$0] }
    }

    /// Checks the four `OK-ACCESS-*` headers of a REST request against `credentials` at `nowMs`.
    static func verify(method: String, requestPath: String, body: String, key: String?, sign: String?, timestamp: String?,
                       passphrase: String?, credentials: SimCredentials, nowMs: Int64) -> Failure? {
        guard let key, !key.isEmpty else { return Failure(code: "50103", msg: "Request header OK-ACCESS-KEY cannot be empty.") }
        guard let passphrase, !passphrase.isEmpty else { return Failure(code: "50104", msg: "Request header OK-ACCESS-PASSPHRASE cannot be empty.") }
        guard let sign, !sign.isEmpty else { return Failure(code: "50106", msg: "Request header OK-ACCESS-SIGN cannot be empty.") }
        guard let timestamp, !timestamp.isEmpty else { return Failure(code: "50107", msg: "Request header OK-ACCESS-TIMESTAMP cannot be empty.") }
        guard key == credentials.apiKey else { return Failure(code: "50111", msg: "Invalid OK-ACCESS-KEY.") }
        guard let ts = parseISO8601Millis(timestamp) else { return Failure(code: "50112", msg: "Invalid OK-ACCESS-TIMESTAMP.") }
        guard abs(nowMs - ts) <= windowMs else { return Failure(code: "50102", msg: "Timestamp request expired.") }
        guard passphrase == credentials.passphrase else { return Failure(code: "50105", msg: "Request header OK-ACCESS-PASSPHRASE incorrect.") }
        let expected = OKXSigner(secret: credentials.apiSecret).signature(timestamp: timestamp, method: method, requestPath: requestPath, body: body)
        guard SimSignature.matches(expected, sign) else { return Failure(code: "50113", msg: "Invalid Sign.") }
        return nil
    }

    /// Checks a WS `login` argument (timestamp in Unix seconds, 30 s validity).
    static func verifyLogin(apiKey: String?, passphrase: String?, timestamp: String?, sign: String?,
                            credentials: SimCredentials, nowMs: Int64) -> Failure? {
        guard let apiKey, apiKey == credentials.apiKey else { return Failure(code: "60005", msg: "Invalid apiKey") }
        guard let timestamp, let secs = Int64(timestamp) else { return Failure(code: "60004", msg: "Invalid timestamp") }
        guard abs(nowMs - secs * 1000) <= windowMs else { return Failure(code: "60006", msg: "Timestamp request expired") }
        guard passphrase == credentials.passphrase else { return Failure(code: "60024", msg: "Wrong passphrase") }
        let expected = OKXSigner(secret: credentials.apiSecret).loginSignature(timestampSeconds: secs)
        guard let sign, SimSignature.matches(expected, sign) else { return Failure(code: "60007", msg: "Invalid sign") }
        return nil
    }

    /// `2020-12-08T09:08:57.715Z` → Unix ms; nil for anything else (OKX requires ms precision and `Z`).
    static func parseISO8601Millis(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[23] == 0x5A
        else { return nil }
        func num(_ r: Range<Int>) -> Int64? {
            var v: Int64 = 0
            for i in r { guard (48...57).contains(b[i]) else { return nil }; v = v * 10 + Int64(b[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13), let mi = num(14..<16),
              let sec = num(17..<19), let ms = num(20..<23), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 60
        else { return nil }
        // Days from civil (Howard Hinnant), the inverse of ISO8601Millis.string.
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms
    }
}
