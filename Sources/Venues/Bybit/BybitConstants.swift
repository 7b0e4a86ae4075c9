/// Bybit v5 endpoints, paths and default fees (see venues/bybit-v5.md).
public enum BybitConstants {
    /// Production REST base URL.
    public static let restBaseURL = "https://api.bybit.com"
    /// Testnet REST base URL.
    public static let testnetRESTBaseURL = "https://api-testnet.bybit.com"
    /// Demo-trading REST base URL.
    public static let demoRESTBaseURL = "https://api-demo.bybit.com"
    /// Production public linear WS URL.
    public static let wsPublicLinearURL = "wss://stream.bybit.com/v5/public/linear"
    /// Testnet public linear WS URL.
    public static let testnetWSPublicLinearURL = "wss://stream-testnet.bybit.com/v5/public/linear"
    public static let wsPublicLinearPath = "/v5/public/linear"
    public static let depthSnapshotPath = "/v5/market/orderbook"
    public static let instrumentsPath = "/v5/market/instruments-info"
    public static let serverTimePath = "/v5/market/time"
    public static let systemStatusPath = "/v5/system/status"
    /// Linear order-book depths the WS offers.
    public static let bookDepths = [1, 50, 200, 1000]
    /// VIP0 maker fee as a fraction (0.020 %).
    public static let makerFeeVIP0 = "0.0002"
    /// VIP0 taker fee as a fraction (0.055 %).
    public static let takerFeeVIP0 = "0.00055"
}
