public import PropCore

/// Bybit v5 `retCode`s (venues/bybit-v5.md §6 and the venue's error page) mapped to `VenueOrderError`.
/// Definite refusals become `.rejected` cases; codes that leave the outcome open (server timeout,
/// service restarting, "order processing", replayed request) and every code not listed are unresolved.
public enum BybitTradingErrors {
    /// Codes meaning "the request did not take effect because of its parameters".
    static let invalidParameterCodes: Set<Int64> = [10001, 110003, 110009, 110020, 110094, 110013, 110014, 110015, 110016]
    static let authCodes: Set<Int64> = [10003, 10004, 10005, 10007, 10008, 10009, 10010, 10024, 10027, 10029, 33004]
    static let marginCodes: Set<Int64> = [110004, 110006, 110007, 110012, 110044, 110045]
    static let rateLimitCodes: Set<Int64> = [10006, 10018, 10429]
    static let unknownOrderCodes: Set<Int64> = [110001, 110008, 170213]

    /// The error for a non-zero `retCode` (the caller handles 0). `clientOrderId` names the order concerned;
    /// `headers` (lowercased) give `X-Bapi-Limit-Reset-Timestamp` for rate limits.
    public static func error(retCode: Int64, retMsg: String, clientOrderId: String, headers: [String: String] = [:],
                             nowMs: Int64) -> VenueOrderError {
        let v = Venue.bybit
        let code = String(retCode)
        switch retCode {
        case 110072: return .duplicateClientOrderId(venue: v, clientOrderId: clientOrderId)
        case _ where unknownOrderCodes.contains(retCode): return .unknownOrder(venue: v, clientOrderId: clientOrderId)
        case 110017: return .reduceOnlyRejected(venue: v, clientOrderId: clientOrderId)
        case _ where marginCodes.contains(retCode): return .insufficientMargin(venue: v, clientOrderId: clientOrderId)
        case 10002: return .timestampOutsideWindow(venue: v, code: code)
        case _ where authCodes.contains(retCode): return .authenticationFailed(venue: v, code: code, message: retMsg)
        case _ where rateLimitCodes.contains(retCode):
            return .rateLimited(venue: v, code: code, retryAfterMs: retryAfterMs(headers: headers, nowMs: nowMs))
        case _ where invalidParameterCodes.contains(retCode): return .invalidOrder(venue: v, code: code, message: retMsg)
        default:
            // 10000 server timeout, 10014 duplicate request, 10016 service restarting, 110079 order processing, …
            return .unknownVenueCode(venue: v, code: code, message: retMsg)
        }
    }

    /// The error for an HTTP status that carries no readable `retCode` (403 IP limit, 429, 5xx, …).
    public static func httpError(status: Int, path: String, headers: [String: String], nowMs: Int64) -> VenueOrderError {
        let v = Venue.bybit
        switch status {
        case 403:
            // IP limit breached: the venue asks for at least 10 minutes of quiet.
            return .rateLimited(venue: v, code: "http_403", retryAfterMs: retryAfterMs(headers: headers, nowMs: nowMs) ?? 600_000)
        case 429:
            return .rateLimited(venue: v, code: "http_429", retryAfterMs: retryAfterMs(headers: headers, nowMs: nowMs))
        case 401:
            return .authenticationFailed(venue: v, code: "http_401", message: "ключ API не принят (HTTP 401)")
        default:
            return .unresolved(venue: v, path: path, detail: "HTTP \(status) без кода ответа биржи")
        }
    }

    /// Milliseconds until the limit window resets, from `X-Bapi-Limit-Reset-Timestamp` (or `Retry-After` seconds).
    public static func retryAfterMs(headers: [String: String], nowMs: Int64) -> Int64? {
        if let reset = headers["x-bapi-limit-reset-timestamp"].flatMap({ Int64($0) }) { return max(0, reset - nowMs) }
        if let seconds = headers["retry-after"].flatMap({ Int64($0) }) { return seconds * 1000 }
        return nil
    }
}
