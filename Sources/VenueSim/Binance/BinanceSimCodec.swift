import PropCore

/// Renders Binance USD-M JSON exactly as fapi does (numbers as strings, key order as recorded).
public enum BinanceSimCodec {
    /// `[["price","qty"],…]` for a level list.
    static func levels(_ levels: some Sequence<BookLevel>, _ spec: SimInstrumentSpec) -> String {
        "[" + levels.map { "[\"\(spec.price($0.price))\",\"\(spec.qty($0.qty))\"]" }.joined(separator: ",") + "]"
    }

    /// `GET /fapi/v1/depth` body. `lastUpdateId` is the current `u` + 1, i.e. it falls inside the next
    /// diff's `[U, u]` range as on the real venue, so a client following Binance's rule (drop `u <
    /// lastUpdateId`, first event straddles it) syncs; the next diff's absolute sizes make that exact.
    public static func depth(_ s: SimInstrumentState, limit: Int, nowMs: Int64) -> String {
        #"{"lastUpdateId":\#(s.views[0].updateId + 1),"E":\#(nowMs),"T":\#(nowMs),"bids":\#(levels(s.book.top(.buy, limit), s.spec)),"asks":\#(levels(s.book.top(.sell, limit), s.spec))}"#
    }

    /// `depthUpdate` event (the `data` of `<sym>@depth@100ms`).
    static func depthUpdate(_ s: SimInstrumentState, _ u: SimViewUpdate, nowMs: Int64) -> String {
        #"{"e":"depthUpdate","E":\#(nowMs),"T":\#(nowMs),"s":"\#(s.spec.nativeSymbol)","U":\#(u.firstId),"u":\#(u.lastId),"pu":\#(u.prevId),"b":\#(levels(u.bids, s.spec)),"a":\#(levels(u.asks, s.spec))}"#
    }

    /// `aggTrade` event; `m` = buyer is maker, i.e. the taker sold.
    static func aggTrade(_ s: SimInstrumentState, _ t: SimTrade, nowMs: Int64) -> String {
        #"{"e":"aggTrade","E":\#(nowMs),"a":\#(t.id),"s":"\#(s.spec.nativeSymbol)","p":"\#(s.spec.price(t.price))","q":"\#(s.spec.qty(t.qty))","f":\#(t.id),"l":\#(t.id),"T":\#(t.timeMs),"m":\#(t.takerSide == .sell)}"#
    }

    /// `bookTicker` event.
    static func bookTicker(_ s: SimInstrumentState, nowMs: Int64) -> String {
        let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
        return #"{"e":"bookTicker","u":\#(s.views[0].updateId),"s":"\#(s.spec.nativeSymbol)","b":"\#(s.spec.price(b.price))","B":"\#(s.spec.qty(b.qty))","a":"\#(s.spec.price(a.price))","A":"\#(s.spec.qty(a.qty))","T":\#(nowMs),"E":\#(nowMs)}"#
    }

    /// Mark, index and funding figures shared by the stream and `premiumIndex`.
    static func markFigures(_ s: SimInstrumentState, indexMid: Double) -> (mark: String, index: String, rate: String) {
        let scale = s.spec.priceScale + 1
        let mark = Price(units: Int64((s.mid * Double(pow10(scale))).rounded()), scale: scale).description
        let index = Price(units: Int64((indexMid * Double(pow10(scale))).rounded()), scale: scale).description
        return (mark, index, Price(units: s.fundingRateE8, scale: 8).description)
    }

    /// Next 8-hourly funding time after `nowMs`.
    static func nextFunding(_ nowMs: Int64) -> Int64 { (nowMs / 28_800_000 + 1) * 28_800_000 }

    /// `markPriceUpdate` event.
    static func markPriceUpdate(_ s: SimInstrumentState, indexMid: Double, nowMs: Int64) -> String {
        let f = markFigures(s, indexMid: indexMid)
        return #"{"e":"markPriceUpdate","E":\#(nowMs),"s":"\#(s.spec.nativeSymbol)","p":"\#(f.mark)","i":"\#(f.index)","P":"\#(f.mark)","r":"\#(f.rate)","T":\#(nextFunding(nowMs))}"#
    }

    /// One `premiumIndex` item.
    static func premiumIndex(_ s: SimInstrumentState, indexMid: Double, nowMs: Int64) -> String {
        let f = markFigures(s, indexMid: indexMid)
        return #"{"symbol":"\#(s.spec.nativeSymbol)","markPrice":"\#(f.mark)","indexPrice":"\#(f.index)","estimatedSettlePrice":"\#(f.mark)","lastFundingRate":"\#(f.rate)","interestRate":"0.00010000","nextFundingTime":\#(nextFunding(nowMs)),"time":\#(nowMs)}"#
    }

    /// One `ticker/24hr` item.
    static func ticker24hr(_ s: SimInstrumentState, nowMs: Int64) -> String {
        let p = s.spec
        let change = Price(units: s.lastPrice - s.openPrice, scale: p.priceScale).description
        let pct = s.openPrice == 0 ? "0.000" : Price(units: (s.lastPrice - s.openPrice) * 100_000 / s.openPrice, scale: 3).description
        let quoteVol = Double(s.volume) / Double(pow10(p.qtyScale)) * Double(s.lastPrice) / Double(pow10(p.priceScale))
        return #"{"symbol":"\#(p.nativeSymbol)","priceChange":"\#(change)","priceChangePercent":"\#(pct)","weightedAvgPrice":"\#(p.price(s.lastPrice))","lastPrice":"\#(p.price(s.lastPrice))","lastQty":"\#(p.qty(s.lastQty))","openPrice":"\#(p.price(s.openPrice))","highPrice":"\#(p.price(s.high))","lowPrice":"\#(p.price(s.low))","volume":"\#(p.qty(s.volume))","quoteVolume":"\#(Price(units: Int64(quoteVol * 100), scale: 2))","openTime":\#(nowMs - 86_400_000),"closeTime":\#(nowMs),"firstId":1,"lastId":\#(s.lastTradeId),"count":\#(s.lastTradeId)}"#
    }

    /// One REST `ticker/bookTicker` item.
    static func restBookTicker(_ s: SimInstrumentState, nowMs: Int64) -> String {
        let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
        return #"{"symbol":"\#(s.spec.nativeSymbol)","bidPrice":"\#(s.spec.price(b.price))","bidQty":"\#(s.spec.qty(b.qty))","askPrice":"\#(s.spec.price(a.price))","askQty":"\#(s.spec.qty(a.qty))","time":\#(nowMs),"lastUpdateId":\#(s.views[0].updateId)}"#
    }

    /// `GET /fapi/v1/exchangeInfo` body, shaped like the recorded real reply.
    public static func exchangeInfo(_ all: [SimInstrumentState], nowMs: Int64) -> String {
        let symbols = all.map { s -> String in
            let p = s.spec
            let minPrice = p.price(p.tickUnits)
            let maxQty = p.qty(1_000_000 * pow10(p.qtyScale))
            return #"{"symbol":"\#(p.nativeSymbol)","pair":"\#(p.nativeSymbol)","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":1569398400000,"status":"TRADING","maintMarginPercent":"2.5000","requiredMarginPercent":"5.0000","baseAsset":"\#(p.id.base)","quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":\#(p.priceScale),"quantityPrecision":\#(p.qtyScale),"baseAssetPrecision":8,"quotePrecision":8,"underlyingType":"COIN","underlyingSubType":[],"settlePlan":0,"triggerProtect":"0.0500","liquidationFee":"0.012500","marketTakeBound":"0.05","maxMoveOrderLimit":10000,"filters":[{"minPrice":"\#(minPrice)","maxPrice":"4529764","filterType":"PRICE_FILTER","tickSize":"\#(p.tickSize)"},{"stepSize":"\#(p.lotSize)","filterType":"LOT_SIZE","maxQty":"\#(maxQty)","minQty":"\#(p.lotSize)"},{"stepSize":"\#(p.lotSize)","filterType":"MARKET_LOT_SIZE","maxQty":"\#(maxQty)","minQty":"\#(p.lotSize)"},{"limit":200,"filterType":"MAX_NUM_ORDERS"},{"limit":10,"filterType":"MAX_NUM_ALGO_ORDERS"},{"notional":"\#(p.minNotional?.description ?? "5")","filterType":"MIN_NOTIONAL"},{"multiplierDown":"0.9500","multiplierUp":"1.0500","multiplierDecimal":"4","filterType":"PERCENT_PRICE"}],"orderTypes":["LIMIT","MARKET","STOP","STOP_MARKET","TAKE_PROFIT","TAKE_PROFIT_MARKET","TRAILING_STOP_MARKET"],"timeInForce":["GTC","IOC","FOK","GTX","GTD"]}"#
        }
        return #"{"timezone":"UTC","serverTime":\#(nowMs),"futuresType":"U_MARGINED","rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":2400},{"rateLimitType":"ORDERS","interval":"MINUTE","intervalNum":1,"limit":1200},{"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":300}],"exchangeFilters":[],"assets":[{"asset":"USDT","marginAvailable":true,"autoAssetExchange":"-10000"},{"asset":"BTC","marginAvailable":true,"autoAssetExchange":"-0.00100000"},{"asset":"ETH","marginAvailable":true,"autoAssetExchange":"-5"}],"symbols":[\#(symbols.joined(separator: ","))]}"#
    }
}
