import HTTPTypes
import Hummingbird
import PropCore

/// Each venue's real error replies for injected REST failures: status, body and rate-limit headers.
enum SimVenueErrors {
    /// The reply a venue gives with `status` (429/418/403 = rate limiting, otherwise a server error).
    static func response(venue: Venue, status: Int, nowMs: Int64) -> Response {
        let limited = [418, 429, 403].contains(status)
        let st = HTTPResponse.Status(code: status)
        switch venue {
        case .binance:
            if limited {
                return SimHTTP.json(#"{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API."}"#,
                                    status: st, headers: [HTTPField.Name("Retry-After")!: "1",
                                                          HTTPField.Name("X-MBX-USED-WEIGHT-1M")!: "2400"])
            }
            return SimHTTP.json(#"{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}"#, status: st)
        case .okx:
            if limited {
                return SimHTTP.json(#"{"code":"50011","msg":"Rate limit reached. Please refer to API documentation and throttle requests accordingly.","data":[]}"#, status: st)
            }
            return SimHTTP.json(#"{"code":"50001","msg":"Service temporarily unavailable. Please try again later.","data":[]}"#, status: st)
        case .bybit:
            let headers: HTTPFields = [HTTPField.Name("X-Bapi-Limit")!: "600", HTTPField.Name("X-Bapi-Limit-Status")!: "0",
                                       HTTPField.Name("X-Bapi-Limit-Reset-Timestamp")!: "\(nowMs + 1000)"]
            if limited {
                return SimHTTP.json(#"{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":\#(nowMs)}"#, status: st, headers: headers)
            }
            return SimHTTP.json(#"{"retCode":10016,"retMsg":"Internal server error.","result":{},"retExtInfo":{},"time":\#(nowMs)}"#, status: st, headers: headers)
        }
    }
}
