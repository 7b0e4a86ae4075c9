import MarketData
import PropCore
import PropertyBased

/// A venue's true message chain for one instrument plus the book the venue held after each sequence id,
/// generated from a seed, and the ways a transport can damage it.
struct ChainScenario {
    /// One message as delivered, with the index of the true book state it leads to.
    struct Message {
        var update: DepthUpdate
        var truthIndex: Int
    }

    /// Bids live at prices 1...20 and asks at 21...40, so the true book never crosses and always fits
    /// in OKX's 25-level checksum window.
    static let bidPrices: ClosedRange<Int64> = 1...20
    static let askPrices: ClosedRange<Int64> = 21...40

    var rng: Xoshiro
    var truth: ReferenceBook = ReferenceBook()
    /// State after each message, by message index (for checksum-only OKX).
    var states: [ReferenceBook] = []
    /// State by sequence id (Binance `u` and snapshot id, OKX `seqId`, Bybit `u`).
    var bySequence: [Int64: ReferenceBook] = [:]

    init(seed: UInt64) {
        rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 1))
    }

    mutating func int(_ r: ClosedRange<Int64>) -> Int64 { Int64.random(in: r, using: &rng) }

    /// 1–4 random absolute level changes on either side (qty 0 deletes, sometimes an absent level).
    mutating func randomChanges() -> (bids: [BookLevel], asks: [BookLevel]) {
        var b: [BookLevel] = [], a: [BookLevel] = []
        for _ in 0..<int(1...4) {
            let qty = int(0...5)
            if Bool.random(using: &rng) { b.append(lv(int(Self.bidPrices), qty)) } else { a.append(lv(int(Self.askPrices), qty)) }
        }
        return (b, a)
    }

    mutating func randomBook() -> ReferenceBook {
        var r = ReferenceBook()
        for _ in 0..<6 { r.apply(bids: [lv(int(Self.bidPrices), int(1...5))], asks: [lv(int(Self.askPrices), int(1...5))]) }
        return r
    }

    /// How a transport can damage the chain.
    enum Damage: Int, CaseIterable {
        case none, drop, duplicateNext, duplicateLater, swapAdjacent
    }

    /// Applies `damage` at `position` (taken modulo the number of messages) to `msgs`, never touching index 0
    /// when `keepFirst` (the WS snapshot that opens the stream).
    static func damaged(_ msgs: [Message], _ damage: Damage, at position: Int, keepFirst: Bool) -> [Message] {
        let lo = keepFirst ? 1 : 0
        guard msgs.count > lo else { return msgs }
        var m = msgs
        let i = lo + position % (msgs.count - lo)
        switch damage {
        case .none: break
        case .drop: m.remove(at: i)
        case .duplicateNext: m.insert(m[i], at: i + 1)
        case .duplicateLater: m.insert(m[i], at: min(m.count, i + 1 + position % 5))
        case .swapAdjacent: if i + 1 < m.count { m.swapAt(i, i + 1) }
        }
        return m
    }
}

extension ChainScenario.Damage {
    static var generator: Generator<Self, Shrink.None<Self>> { Gen<Self>.case }
}

