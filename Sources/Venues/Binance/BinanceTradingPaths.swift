/// Binance USD-M private endpoints, their request weights and order counts, and the venue's limits
/// (venues/binance-usdm.md §4–7). The simulator charges the same table, so the connector's governor
/// and the simulated venue agree on what each call costs.
public enum BinanceTradingPaths {
    public static let order = "/fapi/v1/order"
    public static let batchOrders = "/fapi/v1/batchOrders"
    public static let allOpenOrders = "/fapi/v1/allOpenOrders"
    public static let openOrders = "/fapi/v1/openOrders"
    public static let userTrades = "/fapi/v1/userTrades"
    public static let positionRisk = "/fapi/v3/positionRisk"
    public static let balance = "/fapi/v3/balance"
    public static let account = "/fapi/v3/account"
    public static let countdownCancelAll = "/fapi/v1/countdownCancelAll"
    public static let listenKey = "/fapi/v1/listenKey"
    public static let time = "/fapi/v1/time"
    public static let leverageBracket = "/fapi/v1/leverageBracket"
    public static let commissionRate = "/fapi/v1/commissionRate"

    /// `batchOrders` place limit.
    public static let maxBatchPlace = 5
    /// `batchOrders` cancel limit.
    public static let maxBatchCancel = 10
    /// Default receive window (ms); the venue's maximum is 60 000.
    public static let defaultRecvWindowMs = 5_000
    /// `exchangeInfo.rateLimits`: request weight per minute.
    public static let weightPerMinute = 2_400
    /// `exchangeInfo.rateLimits`: orders per 10 seconds.
    public static let ordersPer10s = 300
    /// `exchangeInfo.rateLimits`: orders per minute.
    public static let ordersPerMinute = 1_200

    /// Request weight of `method path` (`symbolGiven` matters for `openOrders`: 1 with a symbol, 40 without).
    public static func weight(method: String, path: String, symbolGiven: Bool = true) -> Int {
        switch (method, path) {
        case ("GET", openOrders): symbolGiven ? 1 : 40
        case (_, batchOrders): method == "POST" ? 5 : 1
        case ("GET", userTrades), ("GET", positionRisk), ("GET", balance), ("GET", account): 5
        case ("GET", leverageBracket): 1
        case ("POST", countdownCancelAll): 10
        default: 1
        }
    }

    /// Orders a request creates or changes for the order-count limits (`X-MBX-ORDER-COUNT-*`).
    public static func orders(method: String, path: String, batchCount: Int = 1) -> Int {
        switch (method, path) {
        case ("POST", order), ("PUT", order): 1
        case ("POST", batchOrders), ("PUT", batchOrders): max(1, batchCount)
        default: 0
        }
    }

    /// The governor's view of a request.
    public static func cost(method: String, path: String, priority: RequestCost.Priority, symbolGiven: Bool = true,
                            batchCount: Int = 1) -> RequestCost {
        RequestCost(priority: priority, weight: weight(method: method, path: path, symbolGiven: symbolGiven),
                    orders: orders(method: method, path: path, batchCount: batchCount), endpoint: path)
    }
}
