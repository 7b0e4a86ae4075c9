/// OKX v5 endpoints, paths and default fees (see venues/okx-v5.md).
public enum OKXConstants {
    /// Production REST base URL (demo trading uses the same host plus `x-simulated-trading: 1`).
    public static let restBaseURL = "https://openapi.okx.com"
    /// Header that routes a REST request to demo trading.
    public static let simulatedTradingHeader = "x-simulated-trading"
    /// Production public WS URL.
    public static let wsPublicURL = "wss://ws.okx.com:8443/ws/v5/public"
    /// Demo-trading public WS URL.
    public static let demoWSPublicURL = "wss://wspap.okx.com:8443/ws/v5/public"
    public static let wsPublicPath = "/ws/v5/public"
    public static let depthSnapshotPath = "/api/v5/market/books"
    public static let instrumentsPath = "/api/v5/public/instruments"
    public static let serverTimePath = "/api/v5/public/time"
    public static let systemStatusPath = "/api/v5/system/status"
    /// Largest REST `books` size.
    public static let maxSnapshotLimit = 400
    /// VIP0 maker fee as a fraction (0.020 %).
    public static let makerFeeVIP0 = "0.0002"
    /// VIP0 taker fee as a fraction (0.050 %).
    public static let takerFeeVIP0 = "0.0005"
}
