import BenchAllocCounter
import MarketData
import PropCore
import Venues

/// The timed loop: parse + continuity + apply + read best bid/ask for every message.
struct DepthBench {
    struct Result {
        var nanos: Int64
        var messages: Int
        var allocations: UInt64
        var sumPx: Int64
        var sumQty: Int64
        var sync: BookSync
    }

    /// Runs one pass over `input` with a fresh codec and book. For Binance the REST `snapshot` is applied
    /// first (untimed); OKX/Bybit inputs start with a WS snapshot frame, which is timed like any message
    /// but excluded from the checksums.
    /// With `parseOnly` the book is not touched (measures the codec alone; no correctness check possible).
    static func run<C: PublicMarketCodec>(_ type: C.Type, table: SymbolTable, input: BenchInput, snapshot: [UInt8]?, parseOnly: Bool = false) throws -> Result {
        var codec = C(symbols: table)
        var sync = BookSync(venue: C.venue, priceScale: table[0].priceScale, qtyScale: table[0].qtyScale)
        var update = DepthUpdate()
        if let snapshot {
            update.slot = 0
            try C.decodeDepthSnapshot(snapshot, symbols: table, into: &update)
            guard sync.handle(update) == .applied else { throw BenchError("snapshot not applied") }
        }
        var sumPx: Int64 = 0, sumQty: Int64 = 0
        var failures = 0
        let skipFirst = snapshot == nil
        let lines = input.lines
        // A private copy of the input the loop reads through a raw pointer: no closure around the loop, so
        // `update` stays a plain local and `sync.handle(update)` borrows it instead of copying (retaining) it.
        let all = UnsafeMutableRawBufferPointer.allocate(byteCount: max(input.bytes.count, 1), alignment: 8)
        defer { all.deallocate() }
        input.bytes.withUnsafeBytes { all.copyMemory(from: $0) }
        let clock = ContinuousClock()
        let allocsBefore = bench_alloc_count()
        let start = clock.now
        for (i, r) in lines.enumerated() {
            let frame = UnsafeRawBufferPointer(rebasing: all[r])
            do {
                guard case .depth = try codec.decode(frame, into: &update) else { failures += 1; continue }
            } catch {
                failures += 1
                continue
            }
            if parseOnly {
                sumPx &+= Int64(update.bids.count &+ update.asks.count)
                continue
            }
            if case .resync = sync.handle(update) { failures += 1 }
            if let b = sync.book.bestBid, let a = sync.book.bestAsk, !(skipFirst && i == 0) {
                sumPx &+= b.price &+ a.price
                sumQty &+= b.qty &+ a.qty
            }
        }
        let elapsed = clock.now - start
        let allocs = bench_alloc_count() &- allocsBefore
        if failures > 0 { throw BenchError("\(failures) messages failed to decode or apply") }
        let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        return Result(nanos: nanos, messages: lines.count, allocations: allocs, sumPx: sumPx, sumQty: sumQty, sync: sync)
    }
}
