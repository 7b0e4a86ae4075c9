import Foundation
import PropCore
import Testing
import Venues

/// Small builders shared by the paper venue tests.
enum Paper {
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")

    static func price(_ text: String) -> Price { Price(text)! }
    static func qty(_ text: String) -> Qty { Qty(text)! }

    /// A book from decimal strings, received at `ms`.
    static func book(bids: [(String, String)] = [], asks: [(String, String)] = [], at ms: Int64) -> PaperBook {
        PaperBook(bids: bids.map { (price($0.0), qty($0.1)) }, asks: asks.map { (price($0.0), qty($0.1)) }, receivedMs: ms)
    }

    /// A manual-clock venue (no latency unless asked) for `venue`.
    static func venue(_ venue: Venue = .binance, latencyMs: Int64 = 0, seed: UInt64 = 1) -> PaperTradingVenue {
        PaperTradingVenue(settings: PaperSettings(venue: venue, latencyMs: latencyMs, seed: seed))
    }

    static func order(_ id: String, _ side: OrderSide, _ type: OrderType = .limit, tif: TimeInForce = .gtc,
                      price: String? = nil, qty: String, reduceOnly: Bool = false,
                      instrument: InstrumentId = btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: type, timeInForce: tif,
                     price: price.map(Self.price), qty: Self.qty(qty), reduceOnly: reduceOnly)
    }

    /// Every event the venue emitted so far (ends its stream).
    static func drain(_ venue: PaperTradingVenue) async -> [PrivateStreamEvent] {
        await venue.close()
        var all: [PrivateStreamEvent] = []
        for await event in venue.events { all.append(event) }
        return all
    }

    /// Polls `condition` until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = 10, _ condition: () async -> Bool) async -> Bool {
        await VenuesTests.eventually(seconds, condition)
    }

    /// The error a throwing call ended with, or nil when it succeeded.
    static func error<T>(_ body: () async throws -> T) async -> VenueOrderError? {
        do { _ = try await body(); return nil } catch let error as VenueOrderError { return error } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }
}

extension PrivateStreamEvent {
    /// A short tag for order-of-events assertions.
    var kind: String {
        switch self {
        case .order(let r): "order:\(r.status.rawValue)"
        case .fill: "fill"
        case .position: "position"
        case .balance: "balance"
        case .funding: "funding"
        case .connected: "connected"
        case .disconnected: "disconnected"
        }
    }
}
