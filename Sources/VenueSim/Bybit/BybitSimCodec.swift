import PropCore

/// Renders Bybit v5 JSON (linear category): `retCode` envelopes, `orderbook.{depth}.{symbol}`
/// snapshot/delta pushes, `publicTrade` and `tickers`.
public enum BybitSimCodec {
    static func levels(_ levels: some Sequence<BookLevel>, _ spec: SimInstrumentSpec) -> String {
        "[" + levels.map { "[\"\(spec.price($0.price))\",\"\(spec.qty($0.qty))\"]" }.joined(separator: ",") + "]"
    }

    /// The `{"retCode":0,"retMsg":"OK","result":…}` envelope.
    static func ok(_ result: String, nowMs: Int64) -> String {
        #"{"retCode":0,"retMsg":"OK","result":\#(result),"retExtInfo":{},"time":\#(nowMs)}"#
    }

    /// An orderbook push for one depth view.
    static func orderbook(_ s: SimInstrumentState, depth: Int, type: String, bids: [BookLevel], asks: [BookLevel],
                          u: Int64, nowMs: Int64) -> String {
        #"{"topic":"orderbook.\#(depth).\#(s.spec.nativeSymbol)","type":"\#(type)","ts":\#(nowMs),"data":{"s":"\#(s.spec.nativeSymbol)","b":\#(levels(bids, s.spec)),"a":\#(levels(asks, s.spec)),"u":\#(u),"seq":\#(s.crossSequence)},"cts":\#(nowMs)}"#
    }

    /// A `publicTrade` push.
    static func trade(_ s: SimInstrumentState, _ t: SimTrade) -> String {
        let tid = String(UInt64(bitPattern: t.id) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        return #"{"topic":"publicTrade.\#(s.spec.nativeSymbol)","type":"snapshot","ts":\#(t.timeMs),"data":[{"T":\#(t.timeMs),"s":"\#(s.spec.nativeSymbol)","S":"\#(t.takerSide == .buy ? "Buy" : "Sell")","v":"\#(s.spec.qty(t.qty))","p":"\#(s.spec.price(t.price))","L":"ZeroPlusTick","i":"\#(tid)-\#(t.id)","BT":false,"RPI":false,"seq":\#(s.crossSequence)}]}"#
    }

    static func markPrice(_ s: SimInstrumentState, _ mid: Double) -> String {
        Price(units: Int64((mid * Double(pow10(s.spec.priceScale))).rounded()), scale: s.spec.priceScale).description
    }

    /// Full ticker object (REST item, `tickers` snapshot data).
    static func tickerItem(_ s: SimInstrumentState, indexMid: Double, nowMs: Int64) -> String {
        let p = s.spec
        let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
        let pct = s.openPrice == 0 ? "0" : Price(units: (s.lastPrice - s.openPrice) * 1_000_000 / s.openPrice, scale: 6).description
        let turnover = Double(s.volume) / Double(pow10(p.qtyScale)) * Double(s.lastPrice) / Double(pow10(p.priceScale))
        return #"{"symbol":"\#(p.nativeSymbol)","lastPrice":"\#(p.price(s.lastPrice))","indexPrice":"\#(markPrice(s, indexMid))","markPrice":"\#(markPrice(s, s.mid))","prevPrice24h":"\#(p.price(s.openPrice))","price24hPcnt":"\#(pct)","highPrice24h":"\#(p.price(s.high))","lowPrice24h":"\#(p.price(s.low))","prevPrice1h":"\#(p.price(s.openPrice))","openInterest":"10000","openInterestValue":"1000000.00","turnover24h":"\#(Price(units: Int64(turnover * 10_000), scale: 4))","volume24h":"\#(p.qty(s.volume))","fundingRate":"\#(Price(units: s.fundingRateE8, scale: 8).trimmedDescription)","nextFundingTime":"\#(BinanceSimCodec.nextFunding(nowMs))","predictedDeliveryPrice":"","basisRate":"","deliveryFeeRate":"","deliveryTime":"0","ask1Size":"\#(p.qty(a.qty))","bid1Price":"\#(p.price(b.price))","ask1Price":"\#(p.price(a.price))","bid1Size":"\#(p.qty(b.qty))","basis":"","fundingIntervalHour":"8","fundingCap":"0.005"}"#
    }

    /// One `instruments-info` linear item.
    static func instrument(_ s: SimInstrumentState) -> String {
        let p = s.spec
        return #"{"symbol":"\#(p.nativeSymbol)","contractType":"LinearPerpetual","status":"Trading","baseCoin":"\#(p.id.base)","quoteCoin":"USDT","launchTime":"1585526400000","deliveryTime":"0","deliveryFeeRate":"","priceScale":"\#(p.priceScale)","leverageFilter":{"minLeverage":"1","maxLeverage":"100.00","leverageStep":"0.01"},"priceFilter":{"minPrice":"\#(p.tickSize)","maxPrice":"\#(p.price(1_999_999 * pow10(p.priceScale)))","tickSize":"\#(p.tickSize)"},"lotSizeFilter":{"maxOrderQty":"\#(p.qty(1_000_000 * pow10(p.qtyScale)))","minOrderQty":"\#(p.lotSize)","qtyStep":"\#(p.lotSize)","postOnlyMaxOrderQty":"\#(p.qty(1_000_000 * pow10(p.qtyScale)))","maxMktOrderQty":"\#(p.qty(100_000 * pow10(p.qtyScale)))","minNotionalValue":"\#(p.minNotional?.description ?? "5")"},"unifiedMarginTrade":true,"fundingInterval":480,"settleCoin":"USDT","copyTrading":"both","upperFundingRate":"0.005","lowerFundingRate":"-0.005","isPreListing":false,"preListingInfo":null,"riskParameters":{"priceLimitRatioX":"0.01","priceLimitRatioY":"0.02"},"displayName":""}"#
    }
}
