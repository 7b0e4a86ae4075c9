import PropCore

/// Renders OKX v5 JSON: numbers as trimmed strings (`"5.14"`), levels `[px, sz, "0", numOrders]`,
/// and the books CRC32 checksum over exactly the strings sent.
public enum OKXSimCodec {
    /// Order count shown for a level; derived from its size so it is stable between messages.
    static func orders(_ qty: Int64) -> Int64 { qty == 0 ? 0 : 1 + qty % 9 }

    static func levels(_ levels: some Sequence<BookLevel>, _ spec: SimInstrumentSpec) -> String {
        "[" + levels.map { "[\"\(spec.trimmedPrice($0.price))\",\"\(spec.trimmedQty($0.qty))\",\"0\",\"\(orders($0.qty))\"]" }
            .joined(separator: ",") + "]"
    }

    /// Signed CRC32 of the top 25 levels interleaved `bidPx:bidSz:askPx:askSz:…`, as OKX defines it.
    public static func checksum(bids: some Collection<BookLevel>, asks: some Collection<BookLevel>, spec: SimInstrumentSpec) -> Int32 {
        let b = Array(bids.prefix(25)), a = Array(asks.prefix(25))
        var parts: [String] = []
        for i in 0..<25 {
            if i < b.count { parts.append(spec.trimmedPrice(b[i].price)); parts.append(spec.trimmedQty(b[i].qty)) }
            if i < a.count { parts.append(spec.trimmedPrice(a[i].price)); parts.append(spec.trimmedQty(a[i].qty)) }
        }
        return CRC32.signedChecksum(parts.joined(separator: ":").utf8)
    }

    static func arg(_ channel: String, _ instId: String) -> String {
        #"{"channel":"\#(channel)","instId":"\#(instId)"}"#
    }

    /// A `books` push (snapshot or update).
    static func books(_ s: SimInstrumentState, action: String, bids: [BookLevel], asks: [BookLevel],
                      prevSeqId: Int64, seqId: Int64, checksum: Int32, nowMs: Int64) -> String {
        #"{"arg":\#(arg("books", s.spec.nativeSymbol)),"action":"\#(action)","data":[{"asks":\#(levels(asks, s.spec)),"bids":\#(levels(bids, s.spec)),"ts":"\#(nowMs)","checksum":\#(checksum),"prevSeqId":\#(prevSeqId),"seqId":\#(seqId)}]}"#
    }

    /// A `trades` push.
    static func trade(_ s: SimInstrumentState, _ t: SimTrade) -> String {
        #"{"arg":\#(arg("trades", s.spec.nativeSymbol)),"data":[{"instId":"\#(s.spec.nativeSymbol)","tradeId":"\#(t.id)","px":"\#(s.spec.trimmedPrice(t.price))","sz":"\#(s.spec.trimmedQty(t.qty))","side":"\#(t.takerSide.rawValue)","ts":"\#(t.timeMs)","count":"1"}]}"#
    }

    /// One ticker object (REST item and `tickers` push data).
    static func tickerItem(_ s: SimInstrumentState, nowMs: Int64) -> String {
        let p = s.spec
        let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
        let volCcy = Qty(units: s.volume * p.contractValue.units, scale: p.qtyScale + p.contractValue.scale).trimmedDescription
        return #"{"instType":"SWAP","instId":"\#(p.nativeSymbol)","last":"\#(p.trimmedPrice(s.lastPrice))","lastSz":"\#(p.trimmedQty(s.lastQty))","askPx":"\#(p.trimmedPrice(a.price))","askSz":"\#(p.trimmedQty(a.qty))","bidPx":"\#(p.trimmedPrice(b.price))","bidSz":"\#(p.trimmedQty(b.qty))","open24h":"\#(p.trimmedPrice(s.openPrice))","high24h":"\#(p.trimmedPrice(s.high))","low24h":"\#(p.trimmedPrice(s.low))","volCcy24h":"\#(volCcy)","vol24h":"\#(p.trimmedQty(s.volume))","ts":"\#(nowMs)","sodUtc0":"\#(p.trimmedPrice(s.openPrice))","sodUtc8":"\#(p.trimmedPrice(s.openPrice))"}"#
    }

    /// A `tickers` push.
    static func ticker(_ s: SimInstrumentState, nowMs: Int64) -> String {
        #"{"arg":\#(arg("tickers", s.spec.nativeSymbol)),"data":[\#(tickerItem(s, nowMs: nowMs))]}"#
    }

    static func markPx(_ s: SimInstrumentState) -> String {
        let scale = s.spec.priceScale + 1
        return Price(units: Int64((s.mid * Double(pow10(scale))).rounded()), scale: scale).trimmedDescription
    }

    /// One mark-price object.
    static func markItem(_ s: SimInstrumentState, nowMs: Int64) -> String {
        #"{"instType":"SWAP","instId":"\#(s.spec.nativeSymbol)","markPx":"\#(markPx(s))","ts":"\#(nowMs)"}"#
    }

    /// One funding-rate object.
    static func fundingItem(_ s: SimInstrumentState, nowMs: Int64) -> String {
        let rate = Price(units: s.fundingRateE8, scale: 8).trimmedDescription
        let next = BinanceSimCodec.nextFunding(nowMs)
        return #"{"instType":"SWAP","instId":"\#(s.spec.nativeSymbol)","fundingRate":"\#(rate)","nextFundingRate":"","fundingTime":"\#(next)","nextFundingTime":"\#(next + 28_800_000)","method":"current_period","maxFundingRate":"0.0075","minFundingRate":"-0.0075","premium":"0.0001","settState":"settled","settFundingRate":"\#(rate)","impactValue":"","interestRate":"0.0001","ts":"\#(nowMs)"}"#
    }

    /// One `public/instruments` SWAP item.
    static func instrument(_ s: SimInstrumentState) -> String {
        let p = s.spec
        return #"{"alias":"","baseCcy":"","category":"1","ctMult":"1","ctType":"linear","ctVal":"\#(p.contractValue.trimmedDescription)","ctValCcy":"\#(p.id.base)","expTime":"","instFamily":"\#(p.id.base)-USDT","instId":"\#(p.nativeSymbol)","instType":"SWAP","lever":"100","listTime":"1611916828000","lotSz":"\#(p.lotSize.trimmedDescription)","maxIcebergSz":"100000000","maxLmtAmt":"20000000","maxLmtSz":"100000000","maxMktAmt":"","maxMktSz":"10000","maxStopSz":"10000","maxTriggerSz":"100000000","maxTwapSz":"100000000","minSz":"\#(p.lotSize.trimmedDescription)","optType":"","quoteCcy":"","ruleType":"normal","settleCcy":"USDT","state":"live","stk":"","tickSz":"\#(p.tickSize.trimmedDescription)","uly":"\#(p.id.base)-USDT"}"#
    }

    /// The `{"code":"0","msg":"","data":[…]}` envelope.
    static func ok(_ items: [String]) -> String { #"{"code":"0","msg":"","data":[\#(items.joined(separator: ","))]}"# }
}
