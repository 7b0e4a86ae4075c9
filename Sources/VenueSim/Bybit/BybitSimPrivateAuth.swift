import HTTPTypes
import Hummingbird
import PropCore
import Venues

/// A Bybit private request that passed authentication and the rate limit: its parameters (query items
/// for GET, the JSON body's members for POST) and the limit headers every answer carries.
struct BybitSimCall: Sendable {
    /// Parameters as text (`"true"`/`"false"` for JSON bools, decimal text for numbers).
    var params: [String: String]
    /// Array parameters of a POST body (`request` of the batch endpoints), each item's members as text.
    var items: [[String: String]]?
    var limitHeaders: HTTPFields
    var nowMs: Int64
}

/// Bybit v5 request authentication exactly as the venue does it (venues/bybit-v5.md §3): `X-BAPI-API-KEY`,
/// `X-BAPI-TIMESTAMP`, `X-BAPI-RECV-WINDOW` (default 5000) and `X-BAPI-SIGN` = hex HMAC-SHA256 of
/// `timestamp + key + recvWindow + (raw query | raw body)`; then the per-UID, per-endpoint 1 s limit.
enum BybitSimPrivateAuth {
    /// The request may be served, or the venue's refusal to send back.
    enum Admission {
        case admitted(BybitSimCall)
        case refused(Response)
    }

    static let apiKeyHeader = HTTPField.Name(BybitSigner.apiKeyHeader)!
    static let timestampHeader = HTTPField.Name(BybitSigner.timestampHeader)!
    static let signHeader = HTTPField.Name(BybitSigner.signHeader)!
    static let recvWindowHeader = HTTPField.Name(BybitSigner.recvWindowHeader)!

    /// Checks `request` (whose raw body is `body`) and counts it against `endpoint`'s limit of `limit` per second.
    /// Returns the parsed call, or the venue's error answer.
    static func admit(_ request: Request, body: String, endpoint: String, limit: Int, state: SimState) async -> Admission {
        let creds = await state.credentials
        let now = await state.nowMsPublic()
        guard let key = request.headers[apiKeyHeader], key == creds.apiKey else {
            return .refused(BybitSimPrivateRoutes.error(10003, "API key is invalid.", now))
        }
        guard let tsText = request.headers[timestampHeader], let ts = Int64(tsText), String(ts) == tsText else {
            return .refused(BybitSimPrivateRoutes.error(10002, "invalid request, please check your server timestamp or recv_window param", now))
        }
        let windowText = request.headers[recvWindowHeader] ?? "5000"
        guard let window = Int(windowText), window > 0, String(window) == windowText else {
            return .refused(BybitSimPrivateRoutes.error(10001, "params error: recv_window invalid", now))
        }
        // The venue's rule: server_time − recv_window ≤ timestamp < server_time + 1000.
        guard now - Int64(window) <= ts, ts < now + 1000 else {
            return .refused(BybitSimPrivateRoutes.error(10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp[\(ts)],server_timestamp[\(now)],recv_window[\(window)]", now))
        }
        let payload = request.method == .get ? (request.uri.query ?? "") : body
        let origin = tsText + key + windowText + payload
        // The same HMAC the venue computes over `origin` (the signer builds exactly that string).
        let expected = BybitSigner(secret: creds.apiSecret).signature(timestampMs: ts, apiKey: key, recvWindowMs: window, payload: payload)
        guard let sign = request.headers[signHeader], SimSignature.matches(sign.lowercased(), expected) else {
            return .refused(BybitSimPrivateRoutes.error(10004, "error sign! origin_string[\(origin)]", now))
        }
        let rl = await state.bybitRateLimit(endpoint: endpoint, limit: limit)
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Bapi-Limit")!] = String(limit)
        headers[HTTPField.Name("X-Bapi-Limit-Status")!] = String(max(0, limit - rl.used))
        headers[HTTPField.Name("X-Bapi-Limit-Reset-Timestamp")!] = String(rl.resetMs)
        guard rl.allowed else {
            return .refused(BybitSimPrivateRoutes.error(10006, "Too many visits!", now, headers: headers))
        }
        var call = BybitSimCall(params: [:], items: nil, limitHeaders: headers, nowMs: now)
        if request.method == .get {
            for (k, v) in request.uri.queryParameters { call.params[String(k)] = String(v) }
        } else {
            guard case .object(let obj)? = JSONTree.parse(Array(body.utf8)) else {
                return .refused(BybitSimPrivateRoutes.error(10001, "params error: body is not a JSON object", now, headers: headers))
            }
            for (k, v) in obj {
                if let list = v.array {
                    call.items = list.map { item in
                        guard case .object(let o) = item else { return [:] }
                        return o.compactMapValues(text)
                    }
                } else if let t = text(v) {
                    call.params[k] = t
                }
            }
        }
        return .admitted(call)
    }

    /// A JSON scalar as the text Bybit would accept for it (`true`/`false` for bools).
    static func text(_ v: JSONTree) -> String? {
        if let b = v.bool, case .bool = v { return b ? "true" : "false" }
        return v.text
    }
}

extension SimState {
    /// Counts one request against Bybit's per-endpoint 1 s window; `resetMs` is when the window ends.
    func bybitRateLimit(endpoint: String, limit: Int) -> (used: Int, allowed: Bool, resetMs: Int64) {
        let now = nowMs
        let r = rateLimiter.consume("bybit.\(endpoint).1s", weight: 1, limit: limit, windowMs: 1000, nowMs: now)
        return (r.used, r.allowed, now + rateLimiter.msUntilReset(windowMs: 1000, nowMs: now))
    }
}
