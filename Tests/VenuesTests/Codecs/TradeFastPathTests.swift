import PropCore
import Testing
@testable import Venues

/// The canonical trade fast paths (Binance combined `aggTrade`, OKX and Bybit one-trade frames) must agree with the general
/// decoders on every frame they claim, and must decline whenever the layout deviates.
@Suite struct TradeFastPathTests {
    static let binanceTable = SymbolTable([
        SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 2, qtyScale: 3),
        SymbolSpec(nativeSymbol: "1000PEPEUSDT", priceScale: 7, qtyScale: 0),
    ])
    static let okxTable = SymbolTable([
        SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 2),
        SymbolSpec(nativeSymbol: "SOL-USDT-SWAP", priceScale: 2, qtyScale: 0),
    ])

    /// As the simulator renders them (and the venues send them).
    static let aggTrade = #"{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1767599970200,"a":11690901,"s":"BTCUSDT","p":"64997.90","q":"0.035","f":11690901,"l":11690901,"T":1767599970200,"m":true}}"#
    static let pepe = #"{"stream":"1000pepeusdt@aggTrade","data":{"e":"aggTrade","E":5,"a":1,"s":"1000PEPEUSDT","p":"0.0123456","q":"125","f":1,"l":2,"T":0,"m":false}}"#
    static let okxTrade = #"{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP","tradeId":"15039192","px":"65001.5","sz":"0.81","side":"sell","ts":"1767599970500","count":"1"}]}"#
    static let okxSol = #"{"arg":{"channel":"trades","instId":"SOL-USDT-SWAP"},"data":[{"instId":"SOL-USDT-SWAP","tradeId":"7","px":"150.01","sz":"3","side":"buy","ts":"1","count":"2"}]}"#

    /// Message and trades after `decode` (fast path first, dirty update beforehand) or `decodeGeneral`.
    static func binance(_ frame: String, general: Bool) -> String {
        var codec = BinanceCodec(symbols: binanceTable)
        var update = DepthUpdate()
        update.slot = 9; update.lastUpdateId = 4; update.bids = [BookLevel(price: 1, qty: 1)]
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(Array(frame.utf8)) { (raw) throws(VenueCodecError) in
                if general { return try codec.decodeGeneral(raw, into: &update) }
                return try codec.decode(raw, into: &update)
            }
            return "\(m) \(codec.trades) \(update.slot) \(update.bids.count) \(update.lastUpdateId)"
        } catch {
            return "failed \(error.code)"
        }
    }

    static func okx(_ frame: String, general: Bool) -> String {
        var codec = OKXCodec(symbols: okxTable)
        var update = DepthUpdate()
        update.slot = 9; update.lastUpdateId = 4; update.bids = [BookLevel(price: 1, qty: 1)]
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(Array(frame.utf8)) { (raw) throws(VenueCodecError) in
                if general { return try codec.decodeGeneral(raw, into: &update) }
                return try codec.decode(raw, into: &update)
            }
            return "\(m) \(codec.trades) \(update.slot) \(update.bids.count) \(update.lastUpdateId)"
        } catch {
            return "failed \(error.code)"
        }
    }

    static func fastBinance(_ frame: String) -> TradeTick? {
        var path = BinanceAggTradeFastPath()
        return Array(frame.utf8).withUnsafeBytes { path.decode($0, symbols: binanceTable) }
    }

    static func fastOKX(_ frame: String) -> TradeTick? {
        var path = OKXTradesFastPath()
        return Array(frame.utf8).withUnsafeBytes { path.decode($0, symbols: okxTable) }
    }

    @Test func canonicalFramesTakeTheFastPathAndMatchGeneral() throws {
        let tick = try #require(Self.fastBinance(Self.aggTrade))
        #expect(tick == TradeTick(slot: 0, price: Price(units: 6_499_790, scale: 2), qty: Qty(units: 35, scale: 3),
                                  takerSide: .sell, tradeTimeMs: 1_767_599_970_200, tradeId: 11_690_901))
        // `T` 0 falls back to the event time, as in the general decoder.
        #expect(Self.fastBinance(Self.pepe)?.tradeTimeMs == 5)
        for f in [Self.aggTrade, Self.pepe] { #expect(Self.binance(f, general: false) == Self.binance(f, general: true)) }
        let okx = try #require(Self.fastOKX(Self.okxTrade))
        #expect(okx == TradeTick(slot: 0, price: Price(units: 650_015, scale: 1), qty: Qty(units: 81, scale: 2),
                                 takerSide: .sell, tradeTimeMs: 1_767_599_970_500, tradeId: 15_039_192))
        #expect(Self.fastOKX(Self.okxSol)?.takerSide == .buy)
        for f in [Self.okxTrade, Self.okxSol] { #expect(Self.okx(f, general: false) == Self.okx(f, general: true)) }
    }

    @Test func binanceDeviationsAreDeclined() {
        let c = Self.aggTrade
        var variants: [String] = [
            c.replacingOccurrences(of: #""E":"#, with: #""E": "#),                          // whitespace
            c.replacingOccurrences(of: "BTCUSDT", with: "ETHUSDT"),                          // unknown symbol
            c.replacingOccurrences(of: "btcusdt@aggTrade", with: #"btc\u0075sdt@aggTrade"#), // escape in stream
            c.replacingOccurrences(of: #""64997.90""#, with: #""0""#),                      // zero price
            c.replacingOccurrences(of: #""64997.90""#, with: #""""#),                       // empty price
            c.replacingOccurrences(of: #""0.035""#, with: #""0.0351""#),                    // off scale
            c.replacingOccurrences(of: #""0.035""#, with: #""-0.035""#),                    // negative size
            c.replacingOccurrences(of: #""m":true"#, with: #""m":1"#),                      // not a bool
            c.replacingOccurrences(of: #","f":11690901"#, with: ""),                         // missing field
            c.replacingOccurrences(of: #""a":11690901"#, with: #""a":-1"#),                 // negative id
            c.replacingOccurrences(of: #"{"e":"aggTrade","#, with: #"{"E":1,"e":"aggTrade","#), // key order
        ]
        variants += [c + " ", String(c.dropLast()), c.replacingOccurrences(of: #"{"stream":"btcusdt@aggTrade","data":"#, with: "").dropLast().description]
        for v in variants {
            #expect(v != c)
            #expect(Self.fastBinance(v) == nil, "claimed: \(v)")
            #expect(Self.binance(v, general: false) == Self.binance(v, general: true), "differs: \(v)")
        }
    }

    @Test func okxDeviationsAreDeclined() {
        let c = Self.okxTrade
        let second = #"{"instId":"BTC-USDT-SWAP","tradeId":"15039193","px":"65001.6","sz":"1","side":"buy","ts":"1767599970501","count":"1"}"#
        var variants: [String] = [
            c.replacingOccurrences(of: #""px":"#, with: #""px": "#),                        // whitespace
            c.replacingOccurrences(of: #"}]}"#, with: "}," + second + "]}"),                 // two trades
            c.replacingOccurrences(of: #""instId":"BTC-USDT-SWAP"}"#, with: #""instId":"ETH-USDT-SWAP"}"#), // unknown
            c.replacingOccurrences(of: #""65001.5""#, with: #""0""#),                       // zero price
            c.replacingOccurrences(of: #""0.81""#, with: #""0.811""#),                      // off scale
            c.replacingOccurrences(of: #""sell""#, with: #""SELL""#),                       // unknown side
            c.replacingOccurrences(of: #""tradeId":"15039192""#, with: #""tradeId":15039192"#), // unquoted id
            c.replacingOccurrences(of: #","count":"1""#, with: ""),                          // no count
            c.replacingOccurrences(of: #""ts":"1767599970500""#, with: #""ts":"-1""#),      // negative ts
            c.replacingOccurrences(of: #"[{"instId":"BTC-USDT-SWAP","#, with: #"[{"instId":"BTC\u002dUSDT-SWAP","#), // escape
        ]
        variants += [c + " ", String(c.dropLast())]
        for v in variants {
            #expect(v != c)
            #expect(Self.fastOKX(v) == nil, "claimed: \(v)")
            #expect(Self.okx(v, general: false) == Self.okx(v, general: true), "differs: \(v)")
        }
    }

    static let bybitTable = SymbolTable([
        SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 2, qtyScale: 3),
        SymbolSpec(nativeSymbol: "SOLUSDT", priceScale: 3, qtyScale: 1),
    ])
    static let bybitTrade = #"{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1767599970100,"data":[{"T":1767599970100,"s":"BTCUSDT","S":"Buy","v":"0.005","p":"65003.30","L":"ZeroPlusTick","i":"6f4bd56c012179c8-10935464","BT":false,"RPI":false,"seq":700106853134}]}"#
    /// A numeric trade id is kept, as the general decoder keeps it.
    static let bybitSol = #"{"topic":"publicTrade.SOLUSDT","type":"snapshot","ts":2,"data":[{"T":1,"s":"SOLUSDT","S":"Sell","v":"3","p":"150.01","L":"MinusTick","i":"12345","BT":true,"RPI":false,"seq":1}]}"#

    static func bybit(_ frame: String, general: Bool) -> String {
        var codec = BybitCodec(symbols: bybitTable)
        var update = DepthUpdate()
        update.slot = 9; update.lastUpdateId = 4; update.bids = [BookLevel(price: 1, qty: 1)]
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(Array(frame.utf8)) { (raw) throws(VenueCodecError) in
                if general { return try codec.decodeGeneral(raw, into: &update) }
                return try codec.decode(raw, into: &update)
            }
            return "\(m) \(codec.trades) \(String(describing: codec.lastTicker)) \(update.slot) \(update.bids.count) \(update.lastUpdateId)"
        } catch {
            return "failed \(error.code)"
        }
    }

    static func fastBybit(_ frame: String) -> TradeTick? {
        var path = BybitTradeFastPath()
        return Array(frame.utf8).withUnsafeBytes { path.decode($0, symbols: bybitTable) }
    }

    @Test func bybitCanonicalFramesTakeTheFastPathAndMatchGeneral() throws {
        let tick = try #require(Self.fastBybit(Self.bybitTrade))
        #expect(tick == TradeTick(slot: 0, price: Price(units: 6_500_330, scale: 2), qty: Qty(units: 5, scale: 3),
                                  takerSide: .buy, tradeTimeMs: 1_767_599_970_100, tradeId: 0))
        #expect(Self.fastBybit(Self.bybitSol)?.tradeId == 12_345)
        for f in [Self.bybitTrade, Self.bybitSol] { #expect(Self.bybit(f, general: false) == Self.bybit(f, general: true)) }
    }

    @Test func bybitDeviationsAreDeclined() {
        let c = Self.bybitTrade
        let second = #"{"T":1767599970101,"s":"BTCUSDT","S":"Sell","v":"0.001","p":"65003.20","L":"MinusTick","i":"x","BT":false,"RPI":false,"seq":700106853135}"#
        var variants: [String] = [
            c.replacingOccurrences(of: #""S":"#, with: #""S": "#),                          // whitespace
            c.replacingOccurrences(of: "}]}", with: "}," + second + "]}"),                   // two trades
            c.replacingOccurrences(of: "publicTrade.BTCUSDT", with: "publicTrade.ETHUSDT"),  // unknown symbol
            c.replacingOccurrences(of: "publicTrade.BTCUSDT", with: "publicTrade.X.BTCUSDT"), // dotted symbol
            c.replacingOccurrences(of: #""65003.30""#, with: #""0""#),                      // zero price
            c.replacingOccurrences(of: #""0.005""#, with: #""0.0051""#),                    // off scale
            c.replacingOccurrences(of: #""Buy""#, with: #""buy""#),                         // unknown side
            c.replacingOccurrences(of: #""BT":false"#, with: #""BT":null"#),                // not a bool
            c.replacingOccurrences(of: #","L":"ZeroPlusTick""#, with: ""),                   // missing field
            c.replacingOccurrences(of: #""T":1767599970100"#, with: #""T":-1"#),            // negative time
            c.replacingOccurrences(of: #""i":"6f4b"#, with: #""i":"\u0036f4b"#),           // escape
        ]
        variants += [c + " ", String(c.dropLast())]
        for v in variants {
            #expect(v != c)
            #expect(Self.fastBybit(v) == nil, "claimed: \(v)")
            #expect(Self.bybit(v, general: false) == Self.bybit(v, general: true), "differs: \(v)")
        }
    }
}
