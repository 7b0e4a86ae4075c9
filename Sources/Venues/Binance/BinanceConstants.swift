/// Binance USDⓈ-M Futures endpoints, paths and default fees (see venues/binance-usdm.md).
public enum BinanceConstants {
    /// Production REST base URL.
    public static let restBaseURL = "https://fapi.binance.com"
    /// Testnet REST base URL.
    public static let testnetRESTBaseURL = "https://testnet.binancefuture.com"
    /// Production WS market-stream host (raw streams under `/ws/<stream>`, combined under `/stream?streams=`).
    public static let wsBaseURL = "wss://fstream.binance.com"
    /// Testnet WS market-stream host.
    public static let testnetWSBaseURL = "wss://fstream.binancefuture.com"
    /// Raw stream path prefix.
    public static let wsRawPath = "/ws/"
    /// Combined stream path.
    public static let wsCombinedPath = "/stream"
    public static let depthSnapshotPath = "/fapi/v1/depth"
    public static let exchangeInfoPath = "/fapi/v1/exchangeInfo"
    public static let serverTimePath = "/fapi/v1/time"
    public static let pingPath = "/fapi/v1/ping"
    public static let premiumIndexPath = "/fapi/v1/premiumIndex"
    /// Largest REST depth snapshot.
    public static let maxSnapshotLimit = 1000
    /// VIP0 maker fee as a fraction (0.020 %).
    public static let makerFeeVIP0 = "0.0002"
    /// VIP0 taker fee as a fraction (0.050 %).
    public static let takerFeeVIP0 = "0.0005"
}
