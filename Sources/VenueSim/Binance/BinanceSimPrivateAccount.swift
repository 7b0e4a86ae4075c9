import HTTPTypes
import PropCore

/// Binance USD-M account endpoints of the simulator: `positionRisk`, `balance`, `account` (v2 and v3 paths),
/// `leverageBracket`, `commissionRate` and funding `income`, which ccxt and our connector read.
enum BinanceSimPrivateAccount {
    typealias Answer = BinanceSimPrivateRoutes.Answer

    /// Every Binance instrument's current state.
    static func instruments(_ state: SimState) async -> [SimInstrumentState] { await state.instruments(of: .binance) }

    static func positionRisk(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        let all = await instruments(state)
        let wanted = call["symbol"]
        if let wanted, !all.contains(where: { $0.spec.nativeSymbol == wanted }) {
            return (.badRequest, BinanceSimPrivateCodec.error(-1121, "Invalid symbol."))
        }
        // v3 lists symbols with a position; v2 lists every symbol.
        let everySymbol = call.path.hasPrefix("/fapi/v2/")
        var rows: [String] = []
        for s in all where wanted == nil || s.spec.nativeSymbol == wanted {
            guard let p = await state.position(s.spec.id) else { continue }
            if p.qty.isZero, !everySymbol { continue }
            let mark = BinanceSimCodec.markFigures(s, indexMid: s.mid).mark
            rows.append(BinanceSimPrivateCodec.positionRisk(p, spec: s.spec, mark: mark, nowMs: call.nowMs))
        }
        return (.ok, "[" + rows.joined(separator: ",") + "]")
    }

    static func unrealized(_ state: SimState) async -> Qty {
        await state.positions(venue: .binance).reduce(Qty.zero) { $0 + $1.unrealizedPnl }
    }

    static func balance(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        let b = await state.balance(venue: .binance)
        return (.ok, "[" + BinanceSimPrivateCodec.balance(b, unrealized: await unrealized(state), nowMs: call.nowMs) + "]")
    }

    static func account(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        let b = await state.balance(venue: .binance)
        var rows: [(PositionReport, SimInstrumentSpec)] = []
        for s in await instruments(state) {
            if let p = await state.position(s.spec.id), !p.qty.isZero { rows.append((p, s.spec)) }
        }
        return (.ok, BinanceSimPrivateCodec.account(b, positions: rows, nowMs: call.nowMs))
    }

    static func leverageBrackets(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        let all = await instruments(state)
        if let wanted = call["symbol"] {
            guard let s = all.first(where: { $0.spec.nativeSymbol == wanted }) else {
                return (.badRequest, BinanceSimPrivateCodec.error(-1121, "Invalid symbol."))
            }
            return (.ok, "[" + BinanceSimPrivateCodec.leverageBracket(s.spec) + "]")
        }
        return (.ok, "[" + all.map { BinanceSimPrivateCodec.leverageBracket($0.spec) }.joined(separator: ",") + "]")
    }

    static func commissionRate(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard let symbol = call["symbol"] else { return (.badRequest, BinanceSimPrivateCodec.mandatory("symbol")) }
        guard await state.instrument(venue: .binance, symbol: symbol) != nil else {
            return (.badRequest, BinanceSimPrivateCodec.error(-1121, "Invalid symbol."))
        }
        let fees = await state.feeRates(venue: .binance)
        return (.ok, #"{"symbol":"\#(symbol)","makerCommissionRate":"\#(fees.maker)","takerCommissionRate":"\#(fees.taker)"}"#)
    }

    /// `GET /fapi/v1/income`: only funding fees are booked by the simulator.
    static func income(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        if let type = call["incomeType"], type != "FUNDING_FEE" { return (.ok, "[]") }
        let since = Int64(call["startTime"] ?? "") ?? (call.nowMs - 7 * 86_400_000)
        var rows: [String] = []
        for (i, f) in await state.fundingPayments(venue: .binance, sinceMs: since).enumerated() {
            if let symbol = call["symbol"], symbol != NativeSymbol.symbol(for: f.instrument) { continue }
            rows.append(#"{"symbol":"\#(NativeSymbol.symbol(for: f.instrument))","incomeType":"FUNDING_FEE","income":"\#(f.amount)","asset":"USDT","info":"FUNDING_FEE","time":\#(f.tsMs),"tranId":\#(9_000_000 + i),"tradeId":""}"#)
        }
        return (.ok, "[" + rows.joined(separator: ",") + "]")
    }
}
