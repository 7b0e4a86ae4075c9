public import PropCore

/// Decoder of one venue's public market-data wire format (WebSocket frames and the REST bodies the
/// book sync needs). Implementations are value types owned by one stream; `decode` allocates nothing
/// on the depth path and never traps on bad input: it throws a `VenueCodecError` instead.
public protocol PublicMarketCodec: Sendable {
    /// The venue this codec speaks.
    static var venue: Venue { get }
    /// Creates a codec that accepts the symbols of `symbols` (anything else is `codec_unknown_symbol`).
    init(symbols: SymbolTable)
    /// The symbols this codec resolves, with their scales.
    var symbols: SymbolTable { get }
    /// Decodes one public WS text frame; fills `update` when it returns `.depth` (otherwise `update`
    /// is left reset). Throws `VenueCodecError` for malformed frames, unknown symbols and bad numbers.
    mutating func decode(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage
    /// Decodes the venue's instrument list REST body into trading rules.
    static func decodeInstruments(_ body: [UInt8]) throws(VenueCodecError) -> [InstrumentRules]
    /// Decodes a REST depth snapshot into `update` (kind `.snapshot`, `lastUpdateId` set). Where the body
    /// names no symbol (Binance, OKX) the caller sets `update.slot` first; it is kept and its scales used.
    static func decodeDepthSnapshot(_ body: [UInt8], symbols: SymbolTable, into update: inout DepthUpdate) throws(VenueCodecError)
    /// Decodes the server-time REST body into ms since the epoch.
    static func decodeServerTime(_ body: [UInt8]) throws(VenueCodecError) -> Int64
}
