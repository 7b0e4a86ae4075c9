/// Binance USD-M public REST: `/fapi/v1/time`, `/fapi/v1/exchangeInfo`, `/fapi/v1/depth`.
public struct BinanceRESTClient: PublicRESTClient {
    public typealias Codec = BinanceCodec
    /// HTTP transport with retries.
    public let transport: VenueRESTTransport

    /// A client over `transport`.
    public init(transport: VenueRESTTransport) { self.transport = transport }

    public static var serverTimePath: String { "/fapi/v1/time" }
    public static var instrumentsPath: String { "/fapi/v1/exchangeInfo" }

    /// Binance accepts only these depth limits; the request uses the smallest one covering `limit`.
    public static func depthSnapshotPath(symbol: String, limit: Int) -> String {
        let allowed = [5, 10, 20, 50, 100, 500, 1000]
        let l = allowed.first { $0 >= limit } ?? 1000
        return "/fapi/v1/depth?symbol=\(symbol)&limit=\(l)"
    }
}
