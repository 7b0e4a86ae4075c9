import PropCore
import Testing
@testable import Venues

/// A venue's depth fast path, as the equivalence tests drive it.
protocol DepthFastPath {
    init()
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable, into update: inout DepthUpdate) -> Bool
}

extension BinanceDepthFastPath: DepthFastPath {}
extension OKXBooksFastPath: DepthFastPath {}
extension BybitOrderbookFastPath: DepthFastPath {}

/// A codec's general key-by-key decoder: the reference every fast path must agree with.
protocol GeneralDepthDecoder: PublicMarketCodec {
    mutating func decodeGeneral(_ frame: UnsafeRawBufferPointer, into update: inout DepthUpdate) throws(VenueCodecError) -> MarketMessage
}

extension BinanceCodec: GeneralDepthDecoder {}
extension OKXCodec: GeneralDepthDecoder {}
extension BybitCodec: GeneralDepthDecoder {}

/// Result of one decoder on one frame: every field of the filled update, another message kind, or the error code.
enum DepthOutcome: Equatable {
    case depth(kind: DepthKind, slot: Int, first: Int64, last: Int64, prev: Int64, cross: Int64, checksum: Int32?,
               time: Int64, bids: [BookLevel], asks: [BookLevel])
    case other
    case failed(String)

    init(_ u: DepthUpdate) {
        self = .depth(kind: u.kind, slot: u.slot, first: u.firstUpdateId, last: u.lastUpdateId, prev: u.prevUpdateId,
                      cross: u.crossSequence, checksum: u.checksum, time: u.eventTimeMs, bids: u.bids, asks: u.asks)
    }
}

/// Runs one frame through a venue's fast path alone and through its general decoder alone.
struct FastPathHarness<Path: DepthFastPath, Codec: GeneralDepthDecoder> {
    let table: SymbolTable

    /// The fast path's result, `nil` when it declines. The update starts dirty in every field, so a fast path
    /// that forgets to overwrite one (a reused update in a live feed) shows up as a difference.
    func fast(_ frame: [UInt8]) -> DepthOutcome? {
        var path = Path()
        var update = DepthUpdate()
        update.kind = .snapshot; update.slot = 99; update.firstUpdateId = 5; update.lastUpdateId = 6
        update.prevUpdateId = 4; update.crossSequence = 9; update.checksum = 7; update.eventTimeMs = 1
        update.bids = [BookLevel(price: 1, qty: 1)]; update.asks = [BookLevel(price: 2, qty: 2)]
        let handled = frame.withUnsafeBytes { path.decode($0, symbols: table, into: &update) }
        return handled ? DepthOutcome(update) : nil
    }

    /// The general decoder's result.
    func general(_ frame: [UInt8]) -> DepthOutcome {
        var codec = Codec(symbols: table)
        var update = DepthUpdate()
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(frame) { (raw) throws(VenueCodecError) -> MarketMessage in
                try codec.decodeGeneral(raw, into: &update)
            }
            guard case .depth = m else { return .other }
            return DepthOutcome(update)
        } catch {
            return .failed(error.code)
        }
    }
}
