import HTTPTypes
import PropCore

/// Renders the simulated account in Binance USD-M private JSON (field names and order as fapi sends them;
/// numbers as strings at the instrument's scales) and maps `SimRejectReason` to the venue's code and text.
enum BinanceSimPrivateCodec {
    /// `-1102` for a missing parameter.
    static func mandatory(_ name: String) -> String {
        #"{"code":-1102,"msg":"Mandatory parameter '\#(name)' was not sent, was empty/null, or malformed."}"#
    }

    /// A `{"code":…,"msg":…}` body.
    static func error(_ code: Int, _ msg: String) -> String { #"{"code":\#(code),"msg":\#(SimHTTP.quote(msg))}"# }

    /// The venue's answer to a matching-engine refusal. `cancel` selects `-2011` (cancel of an unknown order)
    /// over `-2013` (query of one).
    static func reject(_ reason: SimRejectReason, spec: SimInstrumentSpec?, cancel: Bool = false) -> (code: Int, msg: String) {
        switch reason {
        case .duplicateClientOrderId: (-4116, "ClientOrderId is duplicated.")
        case .unknownOrder, .notAmendable: cancel ? (-2011, "Unknown order sent.") : (-2013, "Order does not exist.")
        case .postOnlyWouldTake:
            (-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history")
        case .reduceOnlyViolation: (-2022, "ReduceOnly Order is rejected.")
        case .insufficientMargin: (-2019, "Margin is insufficient.")
        case .invalidQuantity: (-4023, "Quantity not increased by step size.")
        case .invalidPrice: (-4014, "Price not increased by tick size.")
        case .belowMinNotional:
            (-4164, "Order's notional must be no smaller than \(spec?.minNotional?.description ?? "5") (unless you choose reduce only).")
        case .unknownSymbol: (-1121, "Invalid symbol.")
        }
    }

    /// A JSON number when the id is all digits (Binance ids are numbers), else a string.
    static func idLiteral(_ id: String) -> String {
        !id.isEmpty && id.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? id : SimHTTP.quote(id)
    }

    static func price(_ p: Price?, _ spec: SimInstrumentSpec) -> String {
        guard let p else { return "0" }
        return (p.rescaled(to: spec.priceScale) ?? p).description
    }

    static func qty(_ q: Qty, _ spec: SimInstrumentSpec) -> String { (q.rescaled(to: spec.qtyScale) ?? q).description }

    static func side(_ s: OrderSide) -> String { s == .buy ? "BUY" : "SELL" }

    static func status(_ s: VenueOrderStatus) -> String {
        switch s {
        case .new: "NEW"
        case .partiallyFilled: "PARTIALLY_FILLED"
        case .filled: "FILLED"
        case .canceled: "CANCELED"
        case .rejected: "REJECTED"
        case .expired: "EXPIRED"
        }
    }

    static func timeInForce(_ t: TimeInForce) -> String {
        switch t {
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        case .postOnly: "GTX"
        }
    }

    /// Average price × filled quantity, the venue's `cumQuote`.
    static func cumQuote(_ r: OrderReport) -> String {
        guard let avg = r.averagePrice else { return "0.00000" }
        return avg.notional(r.filledQty, scale: 5).description
    }

    /// One order object (`POST/GET/DELETE/PUT /fapi/v1/order`, `openOrders`, batch items).
    static func order(_ r: OrderReport, spec: SimInstrumentSpec, createdMs: Int64?) -> String {
        let type = r.type == .market ? "MARKET" : "LIMIT"
        let avg = r.averagePrice.map { $0.description } ?? "0.00"
        return #"{"orderId":\#(idLiteral(r.venueOrderId)),"symbol":"\#(spec.nativeSymbol)","status":"\#(status(r.status))","clientOrderId":\#(SimHTTP.quote(r.clientOrderId)),"price":"\#(r.type == .market ? "0" : price(r.price, spec))","avgPrice":"\#(avg)","origQty":"\#(qty(r.qty, spec))","executedQty":"\#(qty(r.filledQty, spec))","cumQty":"\#(qty(r.filledQty, spec))","cumQuote":"\#(cumQuote(r))","timeInForce":"\#(timeInForce(r.timeInForce))","type":"\#(type)","reduceOnly":\#(r.reduceOnly),"closePosition":false,"side":"\#(side(r.side))","positionSide":"BOTH","stopPrice":"0","workingType":"CONTRACT_PRICE","priceProtect":false,"origType":"\#(type)","priceMatch":"NONE","selfTradePreventionMode":"EXPIRE_MAKER","goodTillDate":0,"time":\#(createdMs ?? r.updateMs),"updateTime":\#(r.updateMs)}"#
    }

    /// One `userTrades` row.
    static func trade(_ f: FillReport, spec: SimInstrumentSpec) -> String {
        let quote = f.price.notional(f.qty, scale: 5).description
        return #"{"buyer":\#(f.side == .buy),"commission":"\#(f.fee.description)","commissionAsset":"\#(f.feeAsset)","id":\#(idLiteral(f.tradeId)),"maker":\#(f.isMaker),"orderId":\#(idLiteral(f.venueOrderId)),"price":"\#(price(f.price, spec))","qty":"\#(qty(f.qty, spec))","quoteQty":"\#(quote)","realizedPnl":"0","side":"\#(side(f.side))","positionSide":"BOTH","symbol":"\#(spec.nativeSymbol)","time":\#(f.tsMs)}"#
    }

    /// One `positionRisk` (v3 shape, which v2 readers also accept) row.
    static func positionRisk(_ p: PositionReport, spec: SimInstrumentSpec, mark: String, nowMs: Int64) -> String {
        let entry = p.entryPrice.map { $0.description } ?? "0.0"
        let notional = (Price(mark) ?? Price(units: 0, scale: 0)).notional(p.qty, scale: 8).description
        return #"{"symbol":"\#(spec.nativeSymbol)","positionSide":"BOTH","positionAmt":"\#(qty(p.qty, spec))","entryPrice":"\#(entry)","breakEvenPrice":"\#(entry)","markPrice":"\#(mark)","unRealizedProfit":"\#(p.unrealizedPnl.description)","liquidationPrice":"0","isolatedMargin":"0","notional":"\#(notional)","marginAsset":"USDT","isolatedWallet":"0","initialMargin":"0","maintMargin":"0","positionInitialMargin":"0","openOrderInitialMargin":"0","adl":0,"bidNotional":"0","askNotional":"0","leverage":"10","marginType":"cross","updateTime":\#(nowMs)}"#
    }

    /// One `balance` row.
    static func balance(_ b: BalanceReport, unrealized: Qty, nowMs: Int64) -> String {
        #"{"accountAlias":"SgsRmYFzAuXq","asset":"USDT","balance":"\#(b.wallet)","crossWalletBalance":"\#(b.wallet)","crossUnPnl":"\#(unrealized)","availableBalance":"\#(b.available)","maxWithdrawAmount":"\#(b.available)","marginAvailable":true,"updateTime":\#(nowMs)}"#
    }

    /// `GET /fapi/v2|v3/account`.
    static func account(_ b: BalanceReport, positions: [(PositionReport, SimInstrumentSpec)], nowMs: Int64) -> String {
        let upnl = positions.reduce(Qty.zero) { $0 + $1.0.unrealizedPnl }
        let used = b.wallet + upnl - b.available
        let margin = b.wallet + upnl
        let rows = positions.map { p, s in
            #"{"symbol":"\#(s.nativeSymbol)","positionSide":"BOTH","positionAmt":"\#(qty(p.qty, s))","unrealizedProfit":"\#(p.unrealizedPnl)","isolatedMargin":"0","notional":"0","isolatedWallet":"0","initialMargin":"0","maintMargin":"0","updateTime":\#(nowMs)}"#
        }
        return #"{"totalInitialMargin":"\#(used)","totalMaintMargin":"0","totalWalletBalance":"\#(b.wallet)","totalUnrealizedProfit":"\#(upnl)","totalMarginBalance":"\#(margin)","totalPositionInitialMargin":"\#(used)","totalOpenOrderInitialMargin":"0","totalCrossWalletBalance":"\#(b.wallet)","totalCrossUnPnl":"\#(upnl)","availableBalance":"\#(b.available)","maxWithdrawAmount":"\#(b.available)","assets":[{"asset":"USDT","walletBalance":"\#(b.wallet)","unrealizedProfit":"\#(upnl)","marginBalance":"\#(margin)","maintMargin":"0","initialMargin":"\#(used)","positionInitialMargin":"\#(used)","openOrderInitialMargin":"0","crossWalletBalance":"\#(b.wallet)","crossUnPnl":"\#(upnl)","availableBalance":"\#(b.available)","maxWithdrawAmount":"\#(b.available)","marginAvailable":true,"updateTime":\#(nowMs)}],"positions":[\#(rows.joined(separator: ","))]}"#
    }

    /// `GET /fapi/v1/leverageBracket` item (one bracket: the simulator has no tiers).
    static func leverageBracket(_ spec: SimInstrumentSpec) -> String {
        #"{"symbol":"\#(spec.nativeSymbol)","notionalCoef":1.0,"brackets":[{"bracket":1,"initialLeverage":125,"notionalCap":100000000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0.0}]}"#
    }
}
