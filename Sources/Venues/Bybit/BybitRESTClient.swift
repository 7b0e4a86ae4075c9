/// Bybit v5 public REST (category `linear`): `/v5/market/time`, `/v5/market/instruments-info`, `/v5/market/orderbook`.
public struct BybitRESTClient: PublicRESTClient {
    public typealias Codec = BybitCodec
    /// HTTP transport with retries.
    public let transport: VenueRESTTransport

    /// A client over `transport`.
    public init(transport: VenueRESTTransport) { self.transport = transport }

    public static var serverTimePath: String { "/v5/market/time" }
    /// First page of up to 1000 linear instruments (enough for the USDT perpetuals we trade).
    public static var instrumentsPath: String { "/v5/market/instruments-info?category=linear&limit=1000" }

    /// Linear books serve 1...1000 levels.
    public static func depthSnapshotPath(symbol: String, limit: Int) -> String {
        "/v5/market/orderbook?category=linear&symbol=\(symbol)&limit=\(min(max(limit, 1), 1000))"
    }
}
