import Foundation
import PropCore
import Testing
import VenueSim
import Venues

/// The paper venue fed by a real market-data feed from the simulator over loopback.
@Suite("Paper venue against the simulator's live books")
struct PaperSimulatorTests {
    @Test("a marketable order fills near the feed's book through the feed adapter and the pump")
    func marketableOrderFillsNearLiveBook() async throws {
        try await FeedRig.with(BinancePublicStream()) { rig in
            #expect(await rig.eventually(20) { rig.allValid })
            let id = try #require(rig.instrumentIds.first { $0.base == "BTC" })
            let source = FeedPaperBookSource(feed: rig.feed)
            #expect(await rig.eventually(10) { source.paperBook(id) != nil })
            let paper = PaperTradingVenue(settings: PaperSettings(venue: .binance, latencyMs: 5), time: SystemTimeSource())
            let pump = Task { await PaperBookPump(source: source, venue: paper, instruments: [id], intervalMs: 2).run() }
            defer { pump.cancel() }
            #expect(await rig.eventually(10) { await paper.nowMs > 0 })
            let seen = try #require(source.paperBook(id))
            let ask = try #require(seen.asks.first)
            let report = try await paper.place(OrderRequest(clientOrderId: "sim1", instrument: id, side: .buy, type: .limit,
                                                            timeInForce: .ioc, price: Price(units: ask.price.units * 101 / 100, scale: ask.price.scale),
                                                            qty: Qty(units: 1, scale: 3)))
            #expect(report.status == .filled, "\(report)")
            let average = try #require(report.averagePrice)
            // Near the book: within 1 % of the ask seen just before sending.
            let distance = (average - ask.price).magnitude
            #expect(distance <= Price(units: ask.price.units / 100, scale: ask.price.scale), "\(average) vs \(ask.price)")
            let fills = try await paper.fills(instrument: id, sinceMs: 0)
            #expect(fills.count >= 1 && fills.allSatisfy { !$0.isMaker })
            #expect(try await paper.positions().first?.qty == Qty(units: 1, scale: 3))
            pump.cancel()
            await pump.value
        }
    }
}
