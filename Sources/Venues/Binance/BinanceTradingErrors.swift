public import PropCore

/// Maps Binance USD-M error answers (HTTP status, `{"code":…,"msg":…}`, `Retry-After`) to `VenueOrderError`
/// (see venues/binance-usdm.md §6). A code not listed here is `.unknownVenueCode` (unresolved).
public enum BinanceTradingErrors {
    /// Codes that definitely rejected the order's parameters (nothing was placed).
    public static let invalidOrderCodes: Set<Int64> = [
        -1013, -1100, -1101, -1102, -1103, -1104, -1105, -1106, -1111, -1112, -1114, -1115, -1116, -1117,
        -1121, -1128, -1130, -2020, -2021, -4001, -4002, -4003, -4004, -4005, -4013, -4014, -4015, -4016,
        -4023, -4024, -4029, -4030, -4131, -4164, -5021,
    ]
    /// Codes that mean the key, signature, permissions or the user-data listen key (`-1125`) were refused.
    public static let authCodes: Set<Int64> = [-1002, -1022, -1125, -2014, -2015]
    /// Codes after which the request's effect is unknown (venue-side failure or timeout).
    public static let unresolvedCodes: Set<Int64> = [-1000, -1001, -1006, -1007, -1008, -1016]

    /// The error for one non-success answer. `clientOrderId` names the order concerned (if any), `path` the endpoint.
    public static func error(status: Int, headers: [String: String], body: [UInt8], path: String,
                             clientOrderId: String?) -> VenueOrderError {
        let retryAfterMs = headers["retry-after"].flatMap { Int64($0.filter { !$0.isWhitespace }) }.map { $0 * 1000 }
        if status == 418 { return .banned(venue: .binance, retryAfterMs: retryAfterMs) }
        guard let (code, msg) = BinancePrivateCodec.errorBody(body) else {
            if status == 429 { return .rateLimited(venue: .binance, code: "HTTP 429", retryAfterMs: retryAfterMs) }
            return .unresolved(venue: .binance, path: path, detail: "HTTP \(status), тело ответа не распознано")
        }
        return error(code: code, msg: msg, status: status, retryAfterMs: retryAfterMs, path: path, clientOrderId: clientOrderId)
    }

    /// The error for one decoded `code`/`msg` (also used for the items of batch answers).
    public static func error(code: Int64, msg: String, status: Int, retryAfterMs: Int64?, path: String,
                             clientOrderId: String?) -> VenueOrderError {
        let id = clientOrderId ?? ""
        let c = String(code)
        switch code {
        case -1003, -1015: return .rateLimited(venue: .binance, code: c, retryAfterMs: retryAfterMs)
        case -1021, -5028: return .timestampOutsideWindow(venue: .binance, code: c)
        case -4116: return .duplicateClientOrderId(venue: .binance, clientOrderId: id)
        case -2011, -2013: return .unknownOrder(venue: .binance, clientOrderId: id)
        case -5022: return .postOnlyWouldTake(venue: .binance, clientOrderId: id)
        case -2022, -4118: return .reduceOnlyRejected(venue: .binance, clientOrderId: id)
        case -2018, -2019: return .insufficientMargin(venue: .binance, clientOrderId: id)
        default: break
        }
        if status == 429 { return .rateLimited(venue: .binance, code: c, retryAfterMs: retryAfterMs) }
        if authCodes.contains(code) { return .authenticationFailed(venue: .binance, code: c, message: msg) }
        if status >= 500 || unresolvedCodes.contains(code) {
            return .unresolved(venue: .binance, path: path, detail: "код \(c): \(msg)")
        }
        if invalidOrderCodes.contains(code) { return .invalidOrder(venue: .binance, code: c, message: msg) }
        return .unknownVenueCode(venue: .binance, code: c, message: msg)
    }
}
