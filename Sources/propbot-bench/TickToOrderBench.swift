import BenchAllocCounter
import Engine
import Foundation
import Journal
import PropCore
import VenueSim
import Venues

/// `propbot-bench tick-to-order [--iterations N]`: from the book update that creates an opportunity to both
/// signed order requests ready to write — `ArbitrageEngine.onBook` (scan, book walk, risk gate, margin) → the
/// `.place` command → `LegOrder.request(clientOrderId:)` with a journal-format client id → each venue's real
/// request builder and signer (Binance signed query + key header, OKX JSON body + HMAC headers, Bybit JSON body +
/// HMAC headers): the exact bytes and headers the trading client hands to the socket. The journal fsync is
/// excluded. Routes rotate over the three venue pairs. Every iteration runs on a fresh engine built outside the
/// timed region. Prints `{"p50_us": N, "p99_us": N, ...}`. `--sign-only` times only the venue request building
/// and signing of both legs (see `signOnly`).
enum TickToOrderBench {
    /// One prepared engine: two BTC books in sync, the buy venue's ask about to drop 30 bps.
    struct Prepared {
        var engine: ArbitrageEngine
        let buySlot: Int
        let depth: [DepthLevels]
        let newAsk: Price
        let newBid: Price
    }

    static let specs: [SimInstrumentSpec] = Venue.allCases.compactMap { v in
        SimInstrumentSpec.all.first { $0.id.venue == v && $0.id.base == "BTC" }
    }

    static func main(_ args: [String]) -> Never {
        let iterations = max(1_000, Int(option(args, "--iterations") ?? "100000") ?? 100_000)
        if args.contains("--sign-only") { signOnly(iterations: iterations) }
        let r = measure(iterations: iterations)
        print("{\"p50_us\": \(r.p50), \"p99_us\": \(r.p99), \"p999_us\": \(r.p999), \"iterations\": \(iterations), \"allocs_per_tick\": \(r.allocsPerTick), \"bytes\": \(r.bytes)}")
        exit(0)
    }

    /// Latency quantiles in µs (one decimal) of `iterations` ticks, with allocations per tick and the bytes built.
    struct Figures { var p50, p99, p999, allocsPerTick: Double; var bytes: Int }

    static func measure(iterations: Int) -> Figures {
        let batch = 1_000
        let signers = Signers()
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        var sink = 0
        var sequence: Int64 = 0
        var allocs: UInt64 = 0
        while samples.count < iterations {
            var prepared = (0..<batch).map { prepare(route: $0 % 3) }
            for i in prepared.indices {
                var out: [EngineCommand] = []
                out.reserveCapacity(8)
                // Only the parts the closure needs: a copy of the engine would make its first write copy everything.
                let depth = prepared[i].depth, slot = prepared[i].buySlot, ask = prepared[i].newAsk, bid = prepared[i].newBid
                let a0 = bench_alloc_count()
                let t0 = DispatchTime.now().uptimeNanoseconds
                prepared[i].engine.onBook(slot: slot, bid: bid, ask: ask, valid: true, nowNs: 2_000_000_000,
                                          wallMs: 1_767_600_000_000, depthOf: { s, _ in depth[s] }, into: &out)
                guard case .place(let legs)? = out.first, legs.count == 2 else { fail("tick-to-order: no two-leg place: \(out)") }
                for leg in legs {
                    sequence += 1
                    sink &+= signers.sign(leg.request(clientOrderId: ClientOrderId.make(epoch: 1, sequence: sequence)), nowMs: 1_767_600_000_000)
                }
                let t1 = DispatchTime.now().uptimeNanoseconds
                allocs &+= bench_alloc_count() &- a0
                samples.append(t1 - t0)
                if samples.count == iterations { break }
            }
        }
        samples.sort()
        func us(_ q: Double) -> Double { (Double(samples[min(samples.count - 1, Int(Double(samples.count) * q))]) / 100).rounded() / 10 }
        return Figures(p50: us(0.50), p99: us(0.99), p999: us(0.999),
                       allocsPerTick: Double(allocs * 10 / UInt64(samples.count)) / 10, bytes: sink)
    }

    /// `--sign-only`: just the venue part — both legs' `OrderRequest`s (with journal-format client ids) → each venue's
    /// request builder and signer — over legs the engine produced once, outside the timed region. Same output format.
    static func signOnly(iterations: Int) -> Never {
        let signers = Signers()
        var legs: [[OrderRequest]] = []
        var sequence: Int64 = 0
        for route in 0..<3 {
            var p = prepare(route: route)
            var out: [EngineCommand] = []
            let depth = p.depth
            p.engine.onBook(slot: p.buySlot, bid: p.newBid, ask: p.newAsk, valid: true, nowNs: 2_000_000_000,
                            wallMs: 1_767_600_000_000, depthOf: { s, _ in depth[s] }, into: &out)
            guard case .place(let placed)? = out.first, placed.count == 2 else { fail("tick-to-order: no two-leg place: \(out)") }
            // Distinct client ids per sample, as in the full run (ids are made outside the timed region here).
            for _ in 0..<1_000 {
                legs.append(placed.map { leg in
                    sequence += 1
                    return leg.request(clientOrderId: ClientOrderId.make(epoch: 1, sequence: sequence))
                })
            }
        }
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        var sink = 0
        var n = 0
        while samples.count < iterations {
            let pair = legs[n % legs.count]
            n += 1
            let t0 = DispatchTime.now().uptimeNanoseconds
            for r in pair { sink &+= signers.sign(r, nowMs: 1_767_600_000_000) }
            let t1 = DispatchTime.now().uptimeNanoseconds
            samples.append(t1 - t0)
        }
        samples.sort()
        func us(_ q: Double) -> Double { (Double(samples[min(samples.count - 1, Int(Double(samples.count) * q))]) / 10).rounded() / 100 }
        print("{\"mode\": \"sign-only\", \"p50_us\": \(us(0.50)), \"p99_us\": \(us(0.99)), \"p999_us\": \(us(0.999)), \"iterations\": \(samples.count), \"bytes\": \(sink)}")
        exit(0)
    }

    /// A fresh engine for route `route` (0: Binance→OKX, 1: OKX→Bybit, 2: Bybit→Binance), books at 65 000.
    static func prepare(route: Int) -> Prepared {
        let buy = specs[route], sell = specs[(route + 1) % 3]
        var settings = ArbitrageSettings(orderAmountUsdt: Qty(units: 500, scale: 0), minProfitabilityBps: BasisPoints(units: 2, scale: 0),
                                         slippageBufferBps: BasisPoints(units: 1, scale: 0))
        settings.pairCooldownMs = 0
        let big = Qty(units: 1_000_000, scale: 0)
        let limits = RiskLimits(maxOrderNotional: big, maxInstrumentNotional: big, maxLongNotional: big, maxShortNotional: big,
                                maxVenueGross: big, maxGlobalGross: big, maxNetPerAsset: big, maxLeverage: Qty(units: 10, scale: 0),
                                maxOpenArbitrages: 10, maxInFlightOrders: 10, maxOrdersPerSecond: 100, maxOrdersPerMinute: 1_000,
                                runawayActionsPerMinute: 1_000, priceBandBps: 200, maxBookAgeMs: 5_000, maxMidMarkDivergenceBps: 500,
                                maxFundingBps: 100, maxBasisBps: 500, dailyLossCap: big, maxIntradayDrawdown: big)
        var engine = ArbitrageEngine(settings: settings, instruments: [buy.rules, sell.rules], risk: RiskGate(limits: limits),
                                     portfolio: Portfolio(startingCash: [buy.id.venue: big, sell.id.venue: big]))
        engine.setAvailableMargin(buy.id.venue, big)
        engine.setAvailableMargin(sell.id.venue, big)
        var depth = [levels(buy, mid: 65_000), levels(sell, mid: 65_000)]
        var out: [EngineCommand] = []
        for slot in 0..<2 {
            let books = depth
            engine.onBook(slot: slot, bid: books[slot].bids[0].price, ask: books[slot].asks[0].price, valid: true,
                          nowNs: 1_000_000_000, wallMs: 1_767_599_999_000, depthOf: { s, _ in books[s] }, into: &out)
        }
        // The buy venue's asks drop 30 bps: the top-of-book bound passes and the walk finds a tradeable edge.
        let cheap = levels(buy, mid: 65_000 * 0.997)
        depth[0] = DepthLevels(bids: cheap.bids, asks: cheap.asks)
        return Prepared(engine: engine, buySlot: 0, depth: depth, newAsk: cheap.asks[0].price, newBid: cheap.bids[0].price)
    }

    /// Twenty levels a side around `mid`, each worth about 2 BTC.
    static func levels(_ spec: SimInstrumentSpec, mid: Double) -> DepthLevels {
        let tick = spec.tickSize.doubleValue
        let center = Int64((mid / tick).rounded()) * spec.tickUnits
        let lots = max(1, Int64((2 / (spec.contractValue.doubleValue * spec.lotSize.doubleValue)).rounded()))
        let qty = Qty(units: lots * spec.lotUnits, scale: spec.qtyScale)
        func level(_ k: Int64) -> DepthLevel { DepthLevel(price: Price(units: center + k * spec.tickUnits, scale: spec.priceScale), qty: qty) }
        return DepthLevels(bids: (1...20).map { level(-Int64($0)) }, asks: (1...20).map { level(Int64($0)) })
    }
}
