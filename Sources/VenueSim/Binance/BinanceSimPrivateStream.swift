import PropCore

extension SimState {
    /// The Binance user-data frames for one account event, as sent to `connection` (empty = nothing to send).
    ///
    /// Binance reports a fill and the order's new state in one `ORDER_TRADE_UPDATE` with `x=TRADE`, so a `.fill`
    /// is rendered with the order's cumulative state at that trade (summed from the account's fills), and the
    /// engine's `.order` event that follows a fill (partially filled / filled) adds no frame of its own.
    func binancePrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] {
        let now = nowMs
        switch event {
        case .order(let r):
            guard let spec = binanceSpec(r.instrument) else { return [] }
            let x: String
            switch r.status {
            case .new:
                let created = orderCreatedMs(instrument: r.instrument, clientOrderId: r.clientOrderId, venueOrderId: r.venueOrderId)
                x = created.map { r.updateMs > $0 } ?? false ? "AMENDMENT" : "NEW"
            case .canceled: x = "CANCELED"
            case .expired: x = "EXPIRED"
            case .partiallyFilled, .filled, .rejected: return []
            }
            return [BinanceSimPrivateFrames.orderTradeUpdate(r, spec: spec, x: x, trade: nil, nowMs: now)]
        case .fill(let f):
            guard let spec = binanceSpec(f.instrument),
                  var r = queryOrder(instrument: f.instrument, clientOrderId: nil, venueOrderId: f.venueOrderId) else { return [] }
            // The order's state as of this trade: cumulative quantity up to and including it.
            var cum = Qty.zero
            for g in fills(venue: .binance, instrument: f.instrument, sinceMs: 0) where g.venueOrderId == f.venueOrderId {
                cum += g.qty
                if g.tradeId == f.tradeId { break }
            }
            r.filledQty = cum
            r.status = cum < r.qty ? .partiallyFilled : .filled
            return [BinanceSimPrivateFrames.orderTradeUpdate(r, spec: spec, x: "TRADE", trade: f, nowMs: now)]
        case .position(let p):
            guard let spec = binanceSpec(p.instrument) else { return [] }
            return [BinanceSimPrivateFrames.accountUpdate(reason: "ORDER", balance: nil, change: nil,
                                                          positions: [(p, spec)], nowMs: now)]
        case .balance(let b):
            return [BinanceSimPrivateFrames.accountUpdate(reason: "ORDER", balance: b, change: nil, positions: [], nowMs: now)]
        case .funding(let instrument, let amount, _):
            guard let spec = binanceSpec(instrument), let p = position(instrument) else { return [] }
            return [BinanceSimPrivateFrames.accountUpdate(reason: "FUNDING_FEE", balance: balance(venue: .binance), change: amount,
                                                          positions: [(p, spec)], nowMs: now)]
        case .connected, .disconnected:
            return []
        }
    }

    /// The simulator's spec of a Binance instrument.
    func binanceSpec(_ id: InstrumentId) -> SimInstrumentSpec? {
        instrument(venue: .binance, symbol: NativeSymbol.symbol(for: id))?.spec
    }
}

/// Renders user-data events as fapi sends them (venues/binance-usdm.md §4).
enum BinanceSimPrivateFrames {
    typealias C = BinanceSimPrivateCodec

    /// `ORDER_TRADE_UPDATE`; `trade` fills `l`/`L`/`n`/`N`/`t`/`m` when `x` is `TRADE`.
    static func orderTradeUpdate(_ r: OrderReport, spec: SimInstrumentSpec, x: String, trade: FillReport?, nowMs: Int64) -> String {
        let type = r.type == .market ? "MARKET" : "LIMIT"
        let lastQty = trade.map { C.qty($0.qty, spec) } ?? "0"
        let lastPrice = trade.map { C.price($0.price, spec) } ?? "0"
        let fee = trade.map { $0.fee.description } ?? "0"
        let feeAsset = trade?.feeAsset ?? "USDT"
        let tradeId = trade.map { C.idLiteral($0.tradeId) } ?? "0"
        let maker = trade?.isMaker ?? false
        let time = trade?.tsMs ?? r.updateMs
        let avg = r.averagePrice.map { $0.description } ?? "0"
        return #"{"e":"ORDER_TRADE_UPDATE","T":\#(time),"E":\#(nowMs),"o":{"s":"\#(spec.nativeSymbol)","c":\#(SimHTTP.quote(r.clientOrderId)),"S":"\#(C.side(r.side))","o":"\#(type)","f":"\#(C.timeInForce(r.timeInForce))","q":"\#(C.qty(r.qty, spec))","p":"\#(r.type == .market ? "0" : C.price(r.price, spec))","ap":"\#(avg)","sp":"0","x":"\#(x)","X":"\#(C.status(r.status))","i":\#(C.idLiteral(r.venueOrderId)),"l":"\#(lastQty)","z":"\#(C.qty(r.filledQty, spec))","L":"\#(lastPrice)","N":"\#(feeAsset)","n":"\#(fee)","T":\#(time),"t":\#(tradeId),"b":"0","a":"0","m":\#(maker),"R":\#(r.reduceOnly),"wt":"CONTRACT_PRICE","ot":"\#(type)","ps":"BOTH","cp":false,"rp":"0","pP":false,"si":0,"ss":0,"V":"EXPIRE_MAKER","pm":"NONE","gtd":0}}"#
    }

    /// `ACCOUNT_UPDATE` with the USDT balance (`bc` = `change`, e.g. a funding fee) and/or positions.
    static func accountUpdate(reason: String, balance: BalanceReport?, change: Qty?, positions: [(PositionReport, SimInstrumentSpec)],
                              nowMs: Int64) -> String {
        let b = balance.map { #"[{"a":"USDT","wb":"\#($0.wallet)","cw":"\#($0.available)","bc":"\#(change?.description ?? "0")"}]"# } ?? "[]"
        let p = positions.map { p, s in
            #"{"s":"\#(s.nativeSymbol)","pa":"\#(C.qty(p.qty, s))","ep":"\#(p.entryPrice?.description ?? "0.0")","cr":"0","up":"\#(p.unrealizedPnl)","mt":"cross","iw":"0","ps":"BOTH","ma":"USDT","bep":"\#(p.entryPrice?.description ?? "0")"}"#
        }
        return #"{"e":"ACCOUNT_UPDATE","E":\#(nowMs),"T":\#(nowMs),"a":{"m":"\#(reason)","B":\#(b),"P":[\#(p.joined(separator: ","))]}}"#
    }
}
