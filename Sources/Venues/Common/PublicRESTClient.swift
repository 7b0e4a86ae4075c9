public import PropCore

/// The public REST calls a market-data feed needs from a venue: server time, instruments, depth snapshot.
/// Each venue supplies only its paths; requests, retries and decoding are shared here.
public protocol PublicRESTClient: Sendable {
    /// The venue's codec, used to decode the bodies.
    associatedtype Codec: PublicMarketCodec
    /// The HTTP transport (timeouts, retries, error mapping).
    var transport: VenueRESTTransport { get }
    /// Path of the server-time endpoint.
    static var serverTimePath: String { get }
    /// Path and query of the instrument list (USDT perpetuals).
    static var instrumentsPath: String { get }
    /// Path and query of a depth snapshot for `symbol` with about `limit` levels per side.
    static func depthSnapshotPath(symbol: String, limit: Int) -> String
}

extension PublicRESTClient {
    /// The venue's clock in ms since the epoch.
    public func serverTime() async throws(VenueError) -> Int64 {
        let body = try await transport.get(Self.serverTimePath)
        do { return try Codec.decodeServerTime(body) } catch {
            throw .badBody(venue: transport.venue, path: Self.serverTimePath, detail: error.messageRu)
        }
    }

    /// Trading rules of every listed perpetual.
    public func instruments() async throws(VenueError) -> [InstrumentRules] {
        let body = try await transport.get(Self.instrumentsPath)
        do { return try Codec.decodeInstruments(body) } catch {
            throw .badBody(venue: transport.venue, path: Self.instrumentsPath, detail: error.messageRu)
        }
    }

    /// Fetches and decodes one book snapshot into `update` (kind `.snapshot`, `slot` set by the codec).
    /// A body that does not decode is retried like a transport failure, up to the transport's attempts.
    public func depthSnapshot(symbol: String, limit: Int, symbols: SymbolTable, into update: inout DepthUpdate) async throws(VenueError) {
        let path = Self.depthSnapshotPath(symbol: symbol, limit: limit)
        let body = try await transport.get(path)
        update.reset()
        // Binance's REST book does not name its symbol, so the codec takes the slot from the request.
        let slot = symbols.slot(of: symbol)
        update.slot = slot ?? -1
        do { try Codec.decodeDepthSnapshot(body, symbols: symbols, into: &update) } catch {
            throw .badBody(venue: transport.venue, path: path, detail: error.messageRu)
        }
        update.kind = .snapshot
        if let slot { update.slot = slot }
    }
}
