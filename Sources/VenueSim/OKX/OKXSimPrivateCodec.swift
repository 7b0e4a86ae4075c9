import PropCore

/// Renders the OKX v5 private objects (orders, fills, positions, account) exactly as the venue spells them:
/// every number a trimmed decimal string, fees negative when charged, `""` for "not applicable".
enum OKXSimPrivateCodec {
    /// The account's `uid` in channel args.
    static let uid = "448800000000001"

    static func q(_ s: String) -> String { SimHTTP.quote(s) }

    /// Our type and time in force → `ordType`.
    static func ordType(_ r: OrderReport) -> String {
        switch (r.type, r.timeInForce) {
        case (.market, _): "market"
        case (.limit, .gtc): "limit"
        case (.limit, .ioc): "ioc"
        case (.limit, .fok): "fok"
        case (.limit, .postOnly): "post_only"
        }
    }

    /// OKX `state`: expired IOC/FOK remainders and rejects are `canceled` there.
    static func state(_ s: VenueOrderStatus) -> String {
        switch s {
        case .new: "live"
        case .partiallyFilled: "partially_filled"
        case .filled: "filled"
        case .canceled, .expired, .rejected: "canceled"
        }
    }

    /// `cancelSource`: 14 = IOC/FOK/market remainder, 1 = cancelled by the user (or the dead-man switch).
    static func cancelSource(_ r: OrderReport) -> String {
        switch r.status {
        case .expired: "14"
        case .canceled, .rejected: "1"
        default: ""
        }
    }

    /// The client id as OKX shows it (ids the engine made up for orders without one are not shown).
    static func clOrdId(_ r: OrderReport) -> String { r.clientOrderId.hasPrefix("sim-") ? "" : r.clientOrderId }

    /// One order object. `lastFill` fills the `fillPx`/`fillSz`/`tradeId` block (the push that reports a trade);
    /// `feeTotal` is the order's accumulated fee (positive = paid).
    static func order(_ r: OrderReport, lastFill: FillReport?, feeTotal: Qty) -> String {
        let px = r.type == .market ? "" : (r.price?.trimmedDescription ?? "")
        let avg = r.averagePrice?.trimmedDescription ?? ""
        let f = lastFill
        return "{" + [
            #""instType":"SWAP""#, #""instId":\#(q(NativeSymbol.symbol(for: r.instrument)))"#, #""tgtCcy":"""#, #""ccy":"""#,
            #""ordId":\#(q(r.venueOrderId))"#, #""clOrdId":\#(q(clOrdId(r)))"#, #""tag":"""#,
            #""px":"\#(px)""#, #""pxUsd":"""#, #""pxVol":"""#, #""pxType":"""#, #""sz":"\#(r.qty.trimmedDescription)""#,
            #""pnl":"0""#, #""ordType":"\#(ordType(r))""#, #""side":"\#(r.side.rawValue)""#, #""posSide":"net""#,
            #""tdMode":"cross""#, #""accFillSz":"\#(r.filledQty.trimmedDescription)""#,
            #""fillPx":"\#(f?.price.trimmedDescription ?? "")""#, #""tradeId":"\#(f?.tradeId ?? "")""#,
            #""fillSz":"\#(f?.qty.trimmedDescription ?? "0")""#, #""fillTime":"\#(f.map { String($0.tsMs) } ?? "")""#,
            #""fillFee":"\#(f.map { (-$0.fee).trimmedDescription } ?? "0")""#, #""fillFeeCcy":"\#(f?.feeAsset ?? "")""#,
            #""execType":"\#(f.map { $0.isMaker ? "M" : "T" } ?? "")""#,
            #""avgPx":"\#(avg)""#, #""state":"\#(state(r.status))""#, #""lever":"10""#,
            #""attachAlgoClOrdId":"""#, #""tpTriggerPx":"""#, #""tpTriggerPxType":"""#, #""tpOrdPx":"""#,
            #""slTriggerPx":"""#, #""slTriggerPxType":"""#, #""slOrdPx":"""#, #""attachAlgoOrds":[]"#,
            #""feeCcy":"USDT""#, #""fee":"\#((-feeTotal).trimmedDescription)""#, #""rebateCcy":"USDT""#, #""rebate":"0""#,
            #""source":"""#, #""category":"normal""#, #""reduceOnly":"\#(r.reduceOnly)""#, #""isTpLimit":"false""#,
            #""cancelSource":"\#(cancelSource(r))""#, #""cancelSourceReason":"""#, #""quickMgnType":"""#,
            #""stpId":"""#, #""stpMode":"cancel_maker""#, #""amendResult":"""#, #""code":"0""#, #""msg":"""#,
            #""uTime":"\#(r.updateMs)""#, #""cTime":"\#(r.updateMs)""#,
        ].joined(separator: ",") + "}"
    }

    /// One `GET /trade/fills` item.
    static func fill(_ f: FillReport) -> String {
        "{" + [
            #""instType":"SWAP""#, #""instId":\#(q(NativeSymbol.symbol(for: f.instrument)))"#, #""tradeId":\#(q(f.tradeId))"#,
            #""ordId":\#(q(f.venueOrderId))"#, #""clOrdId":\#(q(f.clientOrderId.hasPrefix("sim-") ? "" : f.clientOrderId))"#,
            #""billId":\#(q(f.tradeId))"#, #""subType":"\#(f.side == .buy ? "1" : "2")""#, #""tag":"""#,
            #""fillPx":"\#(f.price.trimmedDescription)""#, #""fillSz":"\#(f.qty.trimmedDescription)""#, #""fillIdxPx":"""#,
            #""fillPnl":"0""#, #""fillPxVol":"""#, #""fillPxUsd":"""#, #""fillMarkVol":"""#, #""fillFwdPx":"""#, #""fillMarkPx":"""#,
            #""side":"\#(f.side.rawValue)""#, #""posSide":"net""#, #""execType":"\#(f.isMaker ? "M" : "T")""#,
            #""feeCcy":\#(q(f.feeAsset))"#, #""fee":"\#((-f.fee).trimmedDescription)""#,
            #""ts":"\#(f.tsMs)""#, #""fillTime":"\#(f.tsMs)""#,
        ].joined(separator: ",") + "}"
    }

    /// One position (REST and `positions` push); `markPx` from the simulated mark.
    static func position(_ p: PositionReport, markPx: String, nowMs: Int64) -> String {
        let inst = NativeSymbol.symbol(for: p.instrument)
        return "{" + [
            #""adl":"1""#, #""availPos":"""#, #""avgPx":"\#(p.entryPrice?.trimmedDescription ?? "")""#, #""cTime":"\#(nowMs)""#,
            #""ccy":"USDT""#, #""imr":"""#, #""instId":\#(q(inst))"#, #""instType":"SWAP""#, #""interest":"""#,
            #""last":"\#(markPx)""#, #""lever":"10""#, #""liab":"""#, #""liabCcy":"""#, #""liqPx":"""#, #""markPx":"\#(markPx)""#,
            #""margin":"""#, #""mgnMode":"cross""#, #""mgnRatio":"""#, #""mmr":"""#, #""notionalUsd":"""#, #""optVal":"""#,
            #""pTime":"\#(nowMs)""#, #""pos":"\#(p.qty.trimmedDescription)""#, #""posCcy":"""#, #""posId":\#(q("9" + String(inst.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFFFF)))"#,
            #""posSide":"net""#, #""realizedPnl":"""#, #""tradeId":"""#, #""uTime":"\#(nowMs)""#,
            #""upl":"\#(p.unrealizedPnl.trimmedDescription)""#, #""uplRatio":"""#,
        ].joined(separator: ",") + "}"
    }

    /// The account object (REST `data[0]`, `account` push) with its one USDT line.
    static func account(_ b: BalanceReport, upl: Qty, nowMs: Int64) -> String {
        let eq = b.wallet + upl
        var frozen = eq - b.available
        if frozen.isNegative { frozen = .zero }
        let d = "{" + [
            #""availBal":"\#(b.available.trimmedDescription)""#, #""availEq":"\#(b.available.trimmedDescription)""#,
            #""borrowFroz":"""#, #""cashBal":"\#(b.wallet.trimmedDescription)""#, #""ccy":"USDT""#, #""crossLiab":"""#,
            #""disEq":"\#(eq.trimmedDescription)""#, #""eq":"\#(eq.trimmedDescription)""#, #""eqUsd":"\#(eq.trimmedDescription)""#,
            #""fixedBal":"0""#, #""frozenBal":"\#(frozen.trimmedDescription)""#, #""imr":"""#, #""interest":"""#,
            #""isoEq":"0""#, #""isoLiab":"""#, #""isoUpl":"0""#, #""liab":"""#, #""maxLoan":"""#, #""mgnRatio":"""#,
            #""mmr":"""#, #""notionalLever":"""#, #""ordFrozen":"\#(frozen.trimmedDescription)""#, #""spotInUseAmt":"""#,
            #""stgyEq":"0""#, #""twap":"0""#, #""uTime":"\#(nowMs)""#, #""upl":"\#(upl.trimmedDescription)""#, #""uplLiab":"""#,
        ].joined(separator: ",") + "}"
        return #"{"adjEq":"","borrowFroz":"","details":[\#(d)],"imr":"","isoEq":"0","mgnRatio":"","mmr":"","notionalUsd":"","ordFroz":"","totalEq":"\#(eq.trimmedDescription)","uTime":"\#(nowMs)","upl":"\#(upl.trimmedDescription)"}"#
    }

    /// `{"code":"0","msg":"","data":[…]}` with OKX's `inTime`/`outTime` (µs).
    static func ok(_ items: [String], code: String = "0", msg: String = "", nowMs: Int64) -> String {
        #"{"code":"\#(code)","data":[\#(items.joined(separator: ","))],"inTime":"\#(nowMs * 1000)","msg":\#(q(msg)),"outTime":"\#(nowMs * 1000 + 150)"}"#
    }

    /// The top-level answer of an order operation from its per-item results: `0` all succeeded,
    /// `1` all failed ("All operations failed"), `2` some failed.
    static func batch(_ items: [(text: String, ok: Bool)], nowMs: Int64) -> String {
        let good = items.filter(\.ok).count
        let (code, msg) = good == items.count ? ("0", "") : (good == 0 ? ("1", "All operations failed") : ("2", "Bulk operation partially succeeded"))
        return ok(items.map(\.text), code: code, msg: msg, nowMs: nowMs)
    }

    /// A per-item order acknowledgement (`sCode` `0`) or failure.
    static func ack(clOrdId: String, ordId: String, sCode: String = "0", sMsg: String, nowMs: Int64, reqId: String? = nil) -> String {
        let req = reqId.map { #","reqId":\#(q($0))"# } ?? ""
        return #"{"clOrdId":\#(q(clOrdId)),"ordId":\#(q(ordId)),"tag":"","ts":"\#(nowMs)","sCode":"\#(sCode)","sMsg":\#(q(sMsg))\#(req)}"#
    }
}
