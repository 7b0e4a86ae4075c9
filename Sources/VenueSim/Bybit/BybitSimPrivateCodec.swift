import PropCore

/// Renders the Bybit v5 private objects (REST `result.list` items and private-stream `data` items) from the
/// simulated account: orders, executions, positions and the UNIFIED wallet (venues/bybit-v5.md §4–5).
/// Key order and spellings follow the venue's documented samples; the stream variants add `"category"`.
extension SimState {
    /// The `rejectReason` of a PostOnly order that the engine cancelled at once because it would have taken.
    /// Such an order is cancelled, unfilled, in the same millisecond it was created (a user cancel cannot be).
    func bybitRejectReason(_ r: OrderReport) -> String {
        guard r.status == .canceled, r.timeInForce == .postOnly, r.filledQty.isZero,
              let created = orderCreatedMs(instrument: r.instrument, clientOrderId: r.clientOrderId, venueOrderId: r.venueOrderId),
              created == r.updateMs else { return "EC_NoError" }
        return "EC_PostOnlyWillTakeLiquidity"
    }

    /// Bybit `orderStatus` (derivatives show an IOC/FOK remainder as `Cancelled`).
    static func bybitOrderStatus(_ s: VenueOrderStatus) -> String {
        switch s {
        case .new: "New"
        case .partiallyFilled: "PartiallyFilled"
        case .filled: "Filled"
        case .canceled, .expired: "Cancelled"
        case .rejected: "Rejected"
        }
    }

    static func bybitTimeInForce(_ r: OrderReport) -> String {
        switch r.timeInForce {
        case .gtc: r.type == .market ? "IOC" : "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        case .postOnly: "PostOnly"
        }
    }

    /// One order object; `stream` adds the `category` the private stream carries.
    func bybitOrderItem(_ r: OrderReport, stream: Bool) -> String {
        let own = fills(venue: .bybit, instrument: r.instrument, sinceMs: 0).filter { $0.venueOrderId == r.venueOrderId }
        let fee = own.reduce(Qty.zero) { $0 + $1.fee }
        let value = own.reduce(Qty.zero) { $0 + $1.price.notional($1.qty) }
        let leaves = r.status.isFinal ? Qty.zero : r.qty - r.filledQty
        let leavesValue = r.price.map { $0.notional(leaves) } ?? .zero
        let reason = bybitRejectReason(r)
        let cancelType: String
        switch r.status {
        case .canceled where reason != "EC_NoError": cancelType = "UNKNOWN"
        case .canceled: cancelType = "CancelByUser"
        case .expired: cancelType = "UNKNOWN"
        default: cancelType = "UNKNOWN"
        }
        let created = orderCreatedMs(instrument: r.instrument, clientOrderId: r.clientOrderId, venueOrderId: r.venueOrderId) ?? r.updateMs
        let category = stream ? #""category":"linear","# : ""
        return #"{\#(category)"orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId)),"blockTradeId":"","symbol":"\#(NativeSymbol.symbol(for: r.instrument))","price":"\#(r.price?.description ?? "0")","qty":"\#(r.qty)","side":"\#(r.side == .buy ? "Buy" : "Sell")","isLeverage":"","positionIdx":0,"orderStatus":"\#(Self.bybitOrderStatus(r.status))","cancelType":"\#(cancelType)","rejectReason":"\#(reason)","avgPrice":"\#(r.averagePrice?.trimmedDescription ?? "0")","leavesQty":"\#(leaves)","leavesValue":"\#(leavesValue.trimmedDescription)","cumExecQty":"\#(r.filledQty)","cumExecValue":"\#(value.trimmedDescription)","cumExecFee":"\#(fee.trimmedDescription)","timeInForce":"\#(Self.bybitTimeInForce(r))","orderType":"\#(r.type == .market ? "Market" : "Limit")","stopOrderType":"","orderIv":"","triggerPrice":"","takeProfit":"","stopLoss":"","tpTriggerBy":"","slTriggerBy":"","triggerDirection":0,"triggerBy":"","lastPriceOnCreated":"","reduceOnly":\#(r.reduceOnly),"closeOnTrigger":false,"smpType":"None","smpGroup":0,"smpOrderId":"","tpslMode":"","tpLimitPrice":"","slLimitPrice":"","placeType":"","createdTime":"\#(created)","updatedTime":"\#(r.updateMs)"}"#
    }

    /// One execution object.
    func bybitExecutionItem(_ f: FillReport, stream: Bool) -> String {
        let order = queryOrder(instrument: f.instrument, clientOrderId: nil, venueOrderId: f.venueOrderId)
        let rates = feeRates(venue: .bybit)
        let leaves = order.map { $0.status.isFinal ? Qty.zero : $0.qty - $0.filledQty } ?? .zero
        let mark = market.index(of: f.instrument).map { markPrice(at: $0) }.map { Price(units: $0.units, scale: $0.scale).trimmedDescription } ?? ""
        let category = stream ? #""category":"linear","# : ""
        return #"{\#(category)"symbol":"\#(NativeSymbol.symbol(for: f.instrument))","orderId":"\#(f.venueOrderId)","orderLinkId":\#(SimHTTP.quote(f.clientOrderId)),"side":"\#(f.side == .buy ? "Buy" : "Sell")","orderPrice":"\#(order?.price?.description ?? "0")","orderQty":"\#(order?.qty.description ?? "0")","leavesQty":"\#(leaves)","createType":"CreateByUser","orderType":"\#(order?.type == .market ? "Market" : "Limit")","stopOrderType":"","execFee":"\#(f.fee.trimmedDescription)","execId":"\#(f.tradeId)","execPrice":"\#(f.price)","execQty":"\#(f.qty)","execType":"Trade","execValue":"\#(f.price.notional(f.qty).trimmedDescription)","execTime":"\#(f.tsMs)","feeCurrency":"\#(f.feeAsset)","isMaker":\#(f.isMaker),"feeRate":"\#((f.isMaker ? rates.maker : rates.taker).trimmedDescription)","tradeIv":"","markIv":"","markPrice":"\#(mark)","indexPrice":"","underlyingPrice":"","blockTradeId":"","closedSize":"0","seq":\#(f.tsMs)}"#
    }

    /// One position object (REST `avgPrice`, stream `entryPrice`).
    func bybitPositionItem(_ p: PositionReport, stream: Bool) -> String {
        let size = p.qty.magnitude
        let side = p.qty.isZero ? "" : (p.qty.isNegative ? "Sell" : "Buy")
        let entry = p.entryPrice?.trimmedDescription ?? "0"
        let value = p.entryPrice.map { $0.notional(size) } ?? .zero
        let im = Qty(units: value.units / 10, scale: value.scale)
        let mark = market.index(of: p.instrument).map { markPrice(at: $0) }.map { Price(units: $0.units, scale: $0.scale).trimmedDescription } ?? "0"
        let now = nowMs
        let head = stream ? #""category":"linear","# : ""
        let priceKey = stream ? "entryPrice" : "avgPrice"
        return #"{\#(head)"positionIdx":0,"riskId":1,"riskLimitValue":"2000000","symbol":"\#(NativeSymbol.symbol(for: p.instrument))","side":"\#(side)","size":"\#(size)","\#(priceKey)":"\#(entry)","positionValue":"\#(value.trimmedDescription)","tradeMode":0,"positionStatus":"Normal","autoAddMargin":0,"adlRankIndicator":\#(p.qty.isZero ? 0 : 2),"leverage":"10","positionBalance":"\#(im.trimmedDescription)","markPrice":"\#(mark)","liqPrice":"","bustPrice":"","positionMM":"0","positionIM":"\#(im.trimmedDescription)","tpslMode":"Full","takeProfit":"0","stopLoss":"0","trailingStop":"0","unrealisedPnl":"\#(p.unrealizedPnl.trimmedDescription)","curRealisedPnl":"0","cumRealisedPnl":"0","seq":\#(now),"isReduceOnly":false,"mmrSysUpdatedTime":"","leverageSysUpdatedTime":"","createdTime":"\#(now)","updatedTime":"\#(now)"}"#
    }

    /// The UNIFIED account object with its USDT coin (`availableToWithdraw` = free margin).
    func bybitWalletItem() -> String {
        let b = balance(venue: .bybit)
        let upl = positions(venue: .bybit).reduce(Qty.zero) { $0 + $1.unrealizedPnl }
        let equity = b.wallet + upl
        let used = equity - b.available
        return #"{"totalEquity":"\#(equity.trimmedDescription)","accountIMRate":"0","totalMarginBalance":"\#(equity.trimmedDescription)","totalInitialMargin":"\#(used.trimmedDescription)","accountType":"UNIFIED","totalAvailableBalance":"\#(b.available.trimmedDescription)","accountMMRate":"0","totalPerpUPL":"\#(upl.trimmedDescription)","totalWalletBalance":"\#(b.wallet.trimmedDescription)","accountLTV":"0","totalMaintenanceMargin":"0","coin":[{"availableToBorrow":"","bonus":"0","accruedInterest":"0","availableToWithdraw":"\#(b.available.trimmedDescription)","totalOrderIM":"0","equity":"\#(equity.trimmedDescription)","totalPositionMM":"0","usdValue":"\#(equity.trimmedDescription)","unrealisedPnl":"\#(upl.trimmedDescription)","collateralSwitch":true,"spotHedgingQty":"0","borrowAmount":"0","totalPositionIM":"\#(used.trimmedDescription)","walletBalance":"\#(b.wallet.trimmedDescription)","cumRealisedPnl":"0","locked":"0","marginCollateral":true,"coin":"USDT"}]}"#
    }
}
