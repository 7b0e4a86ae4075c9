import Engine
import PropCore
import Testing

/// Acceptance cases TC-A22…A25: maker/taker entry (a post-only leg, a taker follow order per fill, the maker
/// cancelled when the edge goes or after `makerRestMs`) and sequential taker/taker.
@Suite struct ArbitrageMakerTests {
    static func makerRig() -> ArbRig {
        var settings = ArbFx.settings
        settings.style = .makerTaker
        var rig = ArbRig(ArbFx.engine(settings: settings))
        rig.venue = { $0.timeInForce == .postOnly ? .rest : .fill() }
        rig.books()
        return rig
    }

    @Test func tcA22_makerLegOnlyThenATakerFollowOrderPerFill() throws {
        var rig = Self.makerRig()
        let first = try #require(rig.places.first)
        #expect(rig.places.count == 1 && first.count == 1)
        let maker = try #require(first.first)
        #expect(maker.timeInForce == .postOnly && maker.instrument == ArbFx.binance && maker.side == .buy)
        #expect(maker.price == ArbFx.p("64999.9") && maker.qty == ArbFx.q("0.03"))
        rig.fill(maker.key, "0.01")
        rig.fill(maker.key, "0.02")
        let follows = rig.places.dropFirst().map { $0 }
        #expect(follows.count == 2 && follows.allSatisfy { $0.count == 1 })
        #expect(follows.map { $0[0].qty } == [ArbFx.q("1"), ArbFx.q("2")])
        #expect(follows.allSatisfy { $0[0].instrument == ArbFx.okx && $0[0].side == .sell && $0[0].timeInForce == .ioc })
        rig.final(maker.key)
        #expect(rig.last?.phase == .open && rig.net.isZero)
        #expect(rig.position(.binance) == ArbFx.q("0.03"))
        #expect(rig.holds == 0 && rig.engine.portfolioViolations.isEmpty)
    }

    @Test func tcA23_makerCancelledWhenTheOpportunityDisappears() throws {
        var rig = Self.makerRig()
        let maker = try #require(rig.places.first?.first)
        rig.book(.okx, bid: "65000.0", ask: "65000.1")
        #expect(rig.log.compactMap(\.cancelled) == [maker.key])
        #expect(rig.last?.phase == .closed && rig.isFlat)
        rig.book(.okx, bid: "65000.1", ask: "65000.2")
        #expect(rig.log.compactMap(\.cancelled).count == 1)
    }

    @Test func tcA24_makerCancelledAfterMakerRestMs() throws {
        var rig = Self.makerRig()
        let maker = try #require(rig.places.first?.first)
        rig.fill(maker.key, "0.01")
        rig.tick(100, times: 29)
        #expect(rig.log.compactMap(\.cancelled).isEmpty)
        rig.tick(100, times: 5)
        #expect(rig.log.compactMap(\.cancelled) == [maker.key])
        #expect(rig.last?.phase == .open)
        #expect(rig.position(.binance) == ArbFx.q("0.01") && rig.position(.okx) == ArbFx.q("-0.01"))
    }

    @Test func tcA25_sequentialTakerTakerSendsTheSlowerLegThenFollowsItsFills() throws {
        var settings = ArbFx.settings
        settings.concurrentOrdersSubmission = false
        var engine = ArbFx.engine(settings: settings)
        engine.venueLatencyNs = [.okx: 50_000_000, .binance: 5_000_000, .bybit: 5_000_000]
        var rig = ArbRig(engine)
        rig.venue = { $0.instrument.venue == .okx ? .fill(ArbFx.q("2")) : .fill() }
        rig.books()
        #expect(rig.places.count == 2)
        let first = try #require(rig.places.first)
        #expect(first.count == 1 && first[0].instrument == ArbFx.okx && first[0].timeInForce == .ioc)
        #expect(first[0].key.index == 0)
        let follow = try #require(rig.places.last?.first)
        #expect(follow.instrument == ArbFx.binance && follow.side == .buy && follow.qty == ArbFx.q("0.02"))
        #expect(follow.purpose == .entry && follow.timeInForce == .ioc)
        #expect(rig.last?.phase == .open && rig.net.isZero)
    }

    @Test func tcA25b_followerThatNeverFillsIsNotRepeatedForever() throws {
        // The follower IOC keeps expiring: the engine must stop sending it and deal with the lone leg.
        var settings = ArbFx.settings
        settings.concurrentOrdersSubmission = false
        var rig = ArbRig(ArbFx.engine(settings: settings))
        rig.venue = { $0.purpose == .entry && $0.key.index > 0 ? .expire : .fill() }
        rig.books()
        rig.tick(200, times: 5)
        let followers = rig.orders.filter { $0.purpose == .entry && $0.key.index > 0 }
        #expect(followers.count == 1, "\(followers.count) follow orders")
        #expect(rig.last?.phase == .open && rig.net.isZero)
        #expect(!rig.alerts.contains("leg_denied"))
    }
}
