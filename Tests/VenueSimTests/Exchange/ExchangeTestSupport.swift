import Foundation
import Logging
import PropCore
@testable import VenueSim

/// A clock the test moves by hand, so funding times and dead-man deadlines come exactly when the test says.
/// `@unchecked Sendable`: the only state is `nowMs`, always read and written under `lock`.
final class ManualClock: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var nowMs: Int64

    init(startMs: Int64) { nowMs = startMs }

    func wallMillis() -> Int64 { lock.withLock { nowMs } }
    func monotonicNanos() -> UInt64 { lock.withLock { UInt64(nowMs) * 1_000_000 } }
    func advance(_ ms: Int64) { lock.withLock { nowMs += ms } }
}

/// A `SimState` on a manual clock, driven directly (no sockets).
enum ExchangeRig {
    /// 2026-01-01 00:00:00.500 UTC: just after a funding time.
    static let startMs: Int64 = 1_767_225_600_500

    static func make(seed: UInt64 = 11, balance: String = "100000", fundingPeriodMs: Int64 = 8 * 3_600_000,
                     volatilityBps: Double? = nil) -> (SimState, ManualClock) {
        let clock = ManualClock(startMs: startMs)
        var market = SyntheticMarket.Parameters()
        if let volatilityBps { market.stepVolatilityBps = volatilityBps }
        let config = SimulatorConfig(seed: seed, market: market, timeSource: clock,
                                     credentials: SimCredentials(balanceUSDT: balance), fundingPeriodMillis: fundingPeriodMs)
        return (SimState(config: config, logger: SimTest.logger), clock)
    }

    static let binanceBTC = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let okxBTC = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let bybitBTC = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")
    static let binanceETH = InstrumentId(venue: .binance, base: "ETH", quote: "USDT")

    /// The true book and spec of an instrument now.
    static func book(_ state: SimState, _ id: InstrumentId) async -> (SimBook, SimInstrumentSpec) {
        let s = await state.instrument(venue: id.venue, symbol: NativeSymbol.symbol(for: id))!
        return (s.book, s.spec)
    }

    /// A limit order request with mantissas on the instrument's grid.
    static func limit(_ id: String, _ inst: InstrumentId, _ side: OrderSide, price: Int64, qty: Int64,
                      spec: SimInstrumentSpec, tif: TimeInForce = .gtc, reduceOnly: Bool = false) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: inst, side: side, type: .limit, timeInForce: tif,
                     price: Price(units: price, scale: spec.priceScale), qty: Qty(units: qty, scale: spec.qtyScale),
                     reduceOnly: reduceOnly)
    }

    /// A market order request.
    static func market(_ id: String, _ inst: InstrumentId, _ side: OrderSide, qty: Int64, spec: SimInstrumentSpec,
                       reduceOnly: Bool = false) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: inst, side: side, type: .market, timeInForce: .ioc,
                     qty: Qty(units: qty, scale: spec.qtyScale), reduceOnly: reduceOnly)
    }

    /// `price × qty × contract value` in USDT E8, as the engine computes it.
    static func notionalE8(_ spec: SimInstrumentSpec, price: Int64, qty: Int64) -> Int64 {
        SimFixedMath.notionalE8(spec: spec, priceUnits: price, qtyUnits: qty)
    }

    /// Advances the clock by `stepMs` and ticks, `count` times.
    static func tick(_ state: SimState, _ clock: ManualClock, stepMs: Int64 = 100, count: Int = 1) async {
        for _ in 0..<count {
            clock.advance(stepMs)
            await state.tick()
        }
    }
}

extension Result {
    // Test-only accessors for the engine's `Result` answers.
    /// The success value, or nil.
    var value: Success? { if case .success(let v) = self { v } else { nil } }
    /// The failure, or nil.
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}

/// An independent model of one net position, booked from fills with the textbook cost-basis rules:
/// adding raises the cost; reducing realises `close value − proportional cost`; crossing zero opens
/// the rest at the fill's price.
struct ReferencePosition {
    var qtyUnits: Int64 = 0
    var costE8: Int64 = 0
    var realisedE8: Int64 = 0

    mutating func apply(_ f: FillReport, spec: SimInstrumentSpec) {
        let signed = f.side == .buy ? f.qty.units : -f.qty.units
        if qtyUnits == 0 || (qtyUnits > 0) == (signed > 0) {
            qtyUnits += signed
            costE8 += ExchangeRig.notionalE8(spec, price: f.price.units, qty: f.qty.units)
            return
        }
        let size = abs(qtyUnits)
        let closing = min(size, f.qty.units)
        let closedCost = closing == size ? costE8 : SimFixedMath.mulDiv(costE8, closing, size)
        let value = ExchangeRig.notionalE8(spec, price: f.price.units, qty: closing)
        realisedE8 += qtyUnits > 0 ? value - closedCost : closedCost - value
        costE8 -= closedCost
        qtyUnits += qtyUnits > 0 ? -closing : closing
        let opening = f.qty.units - closing
        if opening > 0 {
            qtyUnits = f.side == .buy ? opening : -opening
            costE8 = ExchangeRig.notionalE8(spec, price: f.price.units, qty: opening)
        }
    }
}
