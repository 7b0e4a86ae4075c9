import Foundation
import HTTPTypes
import Hummingbird
import PropCore
import Venues

/// One private Binance request after the gate: its parameters (query and form body merged) and what it cost.
struct BinanceSimCall: Sendable {
    var method: String
    var path: String
    var params: [String: String]
    var nowMs: Int64

    /// A parameter, or nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let v = params[name], !v.isEmpty else { return nil }
        return v
    }
}

/// What every private Binance endpoint does before its own work, in the venue's order: charge the rate
/// limits (IP weight per minute, orders per 10 s and per minute; 429 `-1003`/`-1015` over them, 418 ban when
/// requests keep coming), check `X-MBX-APIKEY`, then for signed endpoints `timestamp`/`recvWindow` (`-1021`)
/// and the HMAC-SHA256 `signature` over query string + body (`-1022`), exactly as `BinanceSigner` makes it.
enum BinanceSimPrivateGate {
    /// Where the request is in its checks.
    enum Auth { case apiKeyOnly, signed }

    /// 429s a client may collect within one weight window before it is banned.
    static let strikesBeforeBan = 5
    /// First ban length (the venue escalates from 2 minutes).
    static let banMs: Int64 = 120_000

    /// Runs the gate and then `body`; every answer carries the usage headers.
    static func handle(_ request: Request, state: SimState, auth: Auth,
                       _ body: @escaping @Sendable (BinanceSimCall) async -> (status: HTTPResponse.Status, json: String)) async -> Response {
        var req = request
        let rawBody = (try? await req.collectBody(upTo: 1 << 20)).map { String(buffer: $0) } ?? ""
        let rawQuery = request.uri.query ?? ""
        var params: [String: String] = [:]
        for (k, v) in parse(rawQuery) + parse(rawBody) { params[k] = v }
        let method = request.method.rawValue
        let path = request.uri.path
        let symbolGiven = params["symbol"].map { !$0.isEmpty } ?? false
        let batch = batchCount(params)
        let weight = BinanceTradingPaths.weight(method: method, path: path, symbolGiven: symbolGiven)
        let orders = BinanceTradingPaths.orders(method: method, path: path, batchCount: batch)
        let charge = await state.binanceCharge(weight: weight, orders: orders)
        var headers = charge.headers
        if let refusal = charge.refusal {
            return SimHTTP.json(refusal.json, status: refusal.status, headers: headers)
        }
        let credentials = await state.credentials
        guard let key = request.headers[HTTPField.Name(BinanceSigner.apiKeyHeader)!], !key.isEmpty else {
            return SimHTTP.json(#"{"code":-2014,"msg":"API-key format invalid."}"#, status: .unauthorized, headers: headers)
        }
        guard key == credentials.apiKey else {
            return SimHTTP.json(#"{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1"}"#,
                                status: .unauthorized, headers: headers)
        }
        let now = await state.nowMsPublic()
        if auth == .signed {
            if let refusal = verify(rawQuery: rawQuery, rawBody: rawBody, params: params, secret: credentials.apiSecret, nowMs: now) {
                return SimHTTP.json(refusal, status: .badRequest, headers: headers)
            }
        }
        let answer = await body(BinanceSimCall(method: method, path: path, params: params, nowMs: now))
        headers[.contentType] = "application/json"
        return SimHTTP.json(answer.json, status: answer.status, headers: headers)
    }

    /// `timestamp`, `recvWindow` and `signature` checks; the error body, or nil when the request is good.
    static func verify(rawQuery: String, rawBody: String, params: [String: String], secret: String, nowMs: Int64) -> String? {
        guard let ts = params["timestamp"].flatMap({ Int64($0) }) else {
            return BinanceSimPrivateCodec.mandatory("timestamp")
        }
        var window: Int64 = 5_000
        if let raw = params["recvWindow"] {
            guard let w = Int64(raw), w > 0, w <= 60_000 else {
                return #"{"code":-1131,"msg":"recvWindow must be less than 60000"}"#
            }
            window = w
        }
        if ts >= nowMs + 1_000 || nowMs - ts > window {
            return #"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#
        }
        guard let given = params["signature"] else { return BinanceSimPrivateCodec.mandatory("signature") }
        let total = stripSignature(rawQuery) + stripSignature(rawBody)
        let expected = BinanceSigner(secret: secret).signature(totalParams: total)
        guard given.lowercased() == expected else {
            return #"{"code":-1022,"msg":"Signature for this request is not valid."}"#
        }
        return nil
    }

    /// The payload as signed: the component without its `signature=` parameter (which the signer appends last).
    static func stripSignature(_ raw: String) -> String {
        raw.split(separator: "&", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("signature=") }
            .joined(separator: "&")
    }

    /// `a=1&b=2` with percent-decoding (and `+` as space, as in form bodies).
    static func parse(_ raw: String) -> [(String, String)] {
        raw.split(separator: "&").compactMap { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let k = kv.first else { return nil }
            let decode: (Substring) -> String = { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            return (decode(k), kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    /// Orders in a `batchOrders` list (for the order-count limits).
    static func batchCount(_ params: [String: String]) -> Int {
        guard let raw = params["batchOrders"], let list = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [Any] else { return 1 }
        return max(1, list.count)
    }
}

/// The outcome of charging one request against the Binance limits.
struct BinanceSimCharge: Sendable {
    /// Usage headers for the answer.
    var headers: HTTPFields
    /// The 429/418 answer when the request is refused.
    var refusal: (status: HTTPResponse.Status, json: String)?
}

extension SimState {
    /// Charges `weight` and `orders` to the simulated account's Binance limits (exchangeInfo `rateLimits`).
    func binanceCharge(weight: Int, orders: Int) -> BinanceSimCharge {
        let now = nowMs
        let minute: Int64 = 60_000, tenSeconds: Int64 = 10_000
        var headers = HTTPFields()
        func set(_ name: String, _ value: Int) { headers[HTTPField.Name(name)!] = String(value) }
        if let until = rateLimiter.bannedUntilMs["binance"], until > now {
            let seconds = (until - now + 999) / 1000
            headers[HTTPField.Name("Retry-After")!] = String(seconds)
            set("X-MBX-USED-WEIGHT-1M", rateLimiter.used("binance.weight.1m", windowMs: minute, nowMs: now))
            return BinanceSimCharge(headers: headers, refusal: (.init(code: 418),
                #"{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until \#(until). Please use the websocket for live updates to avoid bans."}"#))
        }
        let w = rateLimiter.consume("binance.weight.1m", weight: weight, limit: BinanceTradingPaths.weightPerMinute, windowMs: minute, nowMs: now)
        set("X-MBX-USED-WEIGHT-1M", w.used)
        var refusal: (HTTPResponse.Status, String)?
        var resetMs = rateLimiter.msUntilReset(windowMs: minute, nowMs: now)
        if !w.allowed {
            refusal = (.tooManyRequests, #"{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is \#(BinanceTradingPaths.weightPerMinute) requests per minute. Please use the websocket for live updates to avoid polling the API."}"#)
        }
        if orders > 0 {
            let o10 = rateLimiter.consume("binance.orders.10s", weight: orders, limit: BinanceTradingPaths.ordersPer10s, windowMs: tenSeconds, nowMs: now)
            let o60 = rateLimiter.consume("binance.orders.1m", weight: orders, limit: BinanceTradingPaths.ordersPerMinute, windowMs: minute, nowMs: now)
            set("X-MBX-ORDER-COUNT-10S", o10.used)
            set("X-MBX-ORDER-COUNT-1M", o60.used)
            if refusal == nil, !o10.allowed || !o60.allowed {
                let limit = o10.allowed ? "\(BinanceTradingPaths.ordersPerMinute) orders per 1 MINUTE" : "\(BinanceTradingPaths.ordersPer10s) orders per 10 SECOND"
                if !o10.allowed { resetMs = rateLimiter.msUntilReset(windowMs: tenSeconds, nowMs: now) }
                refusal = (.tooManyRequests, #"{"code":-1015,"msg":"Too many new orders; current limit is \#(limit)."}"#)
            }
        }
        guard let refusal else { return BinanceSimCharge(headers: headers, refusal: nil) }
        // A client that keeps sending after its 429s is banned, as the venue does.
        let strikes = rateLimiter.consume("binance.strikes.1m", weight: 1, limit: BinanceSimPrivateGate.strikesBeforeBan,
                                          windowMs: minute, nowMs: now)
        if !strikes.allowed {
            rateLimiter.bannedUntilMs["binance"] = now + BinanceSimPrivateGate.banMs
            headers[HTTPField.Name("Retry-After")!] = String(BinanceSimPrivateGate.banMs / 1000)
            return BinanceSimCharge(headers: headers, refusal: (.init(code: 418),
                #"{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until \#(now + BinanceSimPrivateGate.banMs). Please use the websocket for live updates to avoid bans."}"#))
        }
        headers[HTTPField.Name("Retry-After")!] = String(max(1, (resetMs + 999) / 1000))
        return BinanceSimCharge(headers: headers, refusal: refusal)
    }
}
