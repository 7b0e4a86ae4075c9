import Engine
import MarketData
import PropCore
import Venues

/// The three venues' feeds of a backtest and the map from engine slot to (venue, symbol-table slot). A class so
/// the engine's depth closure can read any book while the runner mutates the engine (no exclusivity overlap).
final class BacktestBooks: @unchecked Sendable {
    var binance: BacktestFeed<BinanceCodec>?
    var okx: BacktestFeed<OKXCodec>?
    var bybit: BacktestFeed<BybitCodec>?
    /// Per engine slot: venue and the slot in that venue's symbol table.
    let location: [(venue: Venue, slot: Int)]

    /// Feeds for the recorded instrument lists; `engineRules` are the traded instruments in engine slot order.
    init(listed: [Venue: [InstrumentRules]], engineRules: [InstrumentRules]) {
        let index = Dictionary(uniqueKeysWithValues: engineRules.enumerated().map { ($0.element.id, $0.offset) })
        func slot(_ id: InstrumentId) -> Int? { index[id] }
        if let r = listed[.binance] { binance = BacktestFeed(rules: r, engineSlot: slot) }
        if let r = listed[.okx] { okx = BacktestFeed(rules: r, engineSlot: slot) }
        if let r = listed[.bybit] { bybit = BacktestFeed(rules: r, engineSlot: slot) }
        location = engineRules.map { rules in
            (rules.id.venue, listed[rules.id.venue]?.firstIndex { $0.id == rules.id } ?? -1)
        }
    }

    /// Decodes one frame on its venue's feed.
    func handle(_ frame: RecordedFrame) -> (Venue, BacktestFeedEvent) {
        switch frame.venue {
        case .binance: return (.binance, binance?.handle(frame) ?? .none)
        case .okx: return (.okx, okx?.handle(frame) ?? .none)
        case .bybit: return (.bybit, bybit?.handle(frame) ?? .none)
        }
    }

    /// The engine slot of a venue's symbol-table slot (-1: not traded).
    func engineSlot(_ venue: Venue, _ tableSlot: Int) -> Int {
        let slots: [Int]?
        switch venue {
        case .binance: slots = binance?.engineSlots
        case .okx: slots = okx?.engineSlots
        case .bybit: slots = bybit?.engineSlots
        }
        guard let slots, slots.indices.contains(tableSlot) else { return -1 }
        return slots[tableSlot]
    }

    /// The book of an engine slot and whether it can be trusted. Reads the book in place: copying out its
    /// `BookSync` (as a whole) retained and released every buffer it owns, on every update.
    func book(_ engineSlot: Int) -> (book: OrderBook, valid: Bool)? {
        guard location.indices.contains(engineSlot) else { return nil }
        let (venue, s) = location[engineSlot]
        guard s >= 0 else { return nil }
        // Optional chaining projects into the stored feed; binding the feed first would copy it.
        let book: OrderBook?, valid: Bool?
        switch venue {
        case .binance: book = binance?.syncs[s].book; valid = binance?.syncs[s].isValid
        case .okx: book = okx?.syncs[s].book; valid = okx?.syncs[s].isValid
        case .bybit: book = bybit?.syncs[s].book; valid = bybit?.syncs[s].isValid
        }
        guard let book, let valid else { return nil }
        return (book, valid)
    }

    /// The engine's depth closure: the best `levels` of any slot's book.
    func depth(_ engineSlot: Int, levels: Int) -> DepthLevels {
        guard let book = book(engineSlot)?.book else { return DepthLevels(bids: [], asks: []) }
        return DepthLevels(book: book, depth: levels)
    }
}
