/// OKX v5 public REST: `/api/v5/public/time`, `/api/v5/public/instruments?instType=SWAP`, `/api/v5/market/books`.
public struct OKXRESTClient: PublicRESTClient {
    public typealias Codec = OKXCodec
    /// HTTP transport with retries.
    public let transport: VenueRESTTransport

    /// A client over `transport`.
    public init(transport: VenueRESTTransport) { self.transport = transport }

    public static var serverTimePath: String { "/api/v5/public/time" }
    public static var instrumentsPath: String { "/api/v5/public/instruments?instType=SWAP" }

    /// OKX serves at most 400 levels per side here.
    public static func depthSnapshotPath(symbol: String, limit: Int) -> String {
        "/api/v5/market/books?instId=\(symbol)&sz=\(min(max(limit, 1), 400))"
    }
}
