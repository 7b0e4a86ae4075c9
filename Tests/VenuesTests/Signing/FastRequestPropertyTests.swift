import Crypto
import Foundation
import PropCore
import PropertyBased
import Testing
@testable import Venues

/// The fast signed-request path (one pre-reserved buffer, HMAC key schedule done once, decimals/hex/base64 written
/// as bytes) must put on the wire exactly the bytes of the straightforward construction. `Reference` below is that
/// construction, kept deliberately naive: `[(String, String)]` pairs, interpolation, `joined`, `FixedPoint.description`,
/// a fresh `HMAC` per message, Foundation base64. Random orders cover prices and quantities over the whole `Int64`
/// range and every scale, both sides, both types, every time-in-force, reduce-only, awkward client ids (quotes,
/// backslashes, `%`, `&`, spaces, control and non-ASCII characters) and instruments of every venue and type.
@Suite struct FastRequestPropertyTests {
    // MARK: the reference construction

    enum Reference {
        static func hmac(_ secret: String, _ message: String) -> [UInt8] {
            Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(secret.utf8))))
        }

        static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

        static func percent(_ s: String) -> String {
            var out = ""
            for b in s.utf8 {
                let unreserved = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || "-_.~".utf8.contains(b)
                out += unreserved ? String(UnicodeScalar(b)) : String(format: "%%%02X", b)
            }
            return out
        }

        static func json(_ s: String) -> String {
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default: out += ch.value < 0x20 ? String(format: "\\u%04x", ch.value) : String(ch)
                }
            }
            return out + "\""
        }

        static func symbol(_ id: InstrumentId) -> String { NativeSymbol.symbol(for: id) }

        static func binanceParams(_ o: OrderRequest) -> [(String, String)] {
            var p = [("symbol", symbol(o.instrument)), ("side", o.side == .buy ? "BUY" : "SELL"),
                     ("type", o.type == .market ? "MARKET" : "LIMIT")]
            if o.type == .limit {
                p.append(("timeInForce", ["gtc": "GTC", "ioc": "IOC", "fok": "FOK", "post_only": "GTX"][o.timeInForce.rawValue]!))
            }
            p.append(("quantity", o.qty.description))
            if o.type == .limit, let price = o.price { p.append(("price", price.description)) }
            if o.reduceOnly { p.append(("reduceOnly", "true")) }
            p.append(("newClientOrderId", o.clientOrderId))
            p.append(("newOrderRespType", "RESULT"))
            return p
        }

        static func binanceQuery(_ secret: String, _ params: [(String, String)], ts: Int64, recv: Int) -> String {
            let total = (params.map { percent($0.0) + "=" + percent($0.1) } + ["timestamp=\(ts)", "recvWindow=\(recv)"]).joined(separator: "&")
            return total + "&signature=" + hex(hmac(secret, total))
        }

        static func okxOrder(_ o: OrderRequest) -> String {
            let ordType = o.type == .market ? "market"
                : ["gtc": "limit", "ioc": "ioc", "fok": "fok", "post_only": "post_only"][o.timeInForce.rawValue]!
            var f = ["\"instId\":\(json(symbol(o.instrument)))", "\"tdMode\":\"cross\"", "\"side\":\"\(o.side.rawValue)\"",
                     "\"ordType\":\"\(ordType)\"", "\"sz\":\"\(o.qty.trimmedDescription)\""]
            if o.type == .limit, let px = o.price { f.append("\"px\":\"\(px.trimmedDescription)\"") }
            if o.reduceOnly { f.append("\"reduceOnly\":true") }
            f.append("\"clOrdId\":\(json(o.clientOrderId))")
            return "{" + f.joined(separator: ",") + "}"
        }

        static func okxSign(_ secret: String, ts: String, method: String, path: String, body: String) -> String {
            Data(hmac(secret, ts + method.uppercased() + path + body)).base64EncodedString()
        }

        static func bybitOrder(_ o: OrderRequest, withCategory: Bool) -> String {
            let tif: String
            switch (o.type, o.timeInForce) {
            case (.market, .fok): tif = "FOK"
            case (.market, _): tif = "IOC"
            case (.limit, .postOnly): tif = "PostOnly"
            case (.limit, let t): tif = t.rawValue.uppercased()
            }
            var f: [String] = withCategory ? ["\"category\":\"linear\""] : []
            f += ["\"symbol\":\(json(symbol(o.instrument)))", "\"side\":\"\(o.side == .buy ? "Buy" : "Sell")\"",
                  "\"orderType\":\"\(o.type == .market ? "Market" : "Limit")\"", "\"qty\":\"\(o.qty.description)\""]
            if o.type == .limit, let p = o.price { f.append("\"price\":\"\(p.description)\"") }
            f += ["\"timeInForce\":\"\(tif)\"", "\"orderLinkId\":\(json(o.clientOrderId))", "\"reduceOnly\":\(o.reduceOnly)",
                  "\"positionIdx\":0"]
            return "{" + f.joined(separator: ",") + "}"
        }

        static func bybitSign(_ secret: String, ts: Int64, key: String, recv: Int, payload: String) -> String {
            hex(hmac(secret, "\(ts)\(key)\(recv)\(payload)"))
        }

        static func iso(_ ms: Int64) -> String {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
            return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
    }

    // MARK: random orders

    static let clientIdBytes: [String] = ["a", "Z", "0", "9", "-", "_", ".", "~", "\"", "\\", "%", "&", "=", "+", " ", "/",
                                          "?", "#", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "€", "😀", "{", "}"]

    /// A deterministic random order from `seed`; decimals come straight from the generators.
    static func order(seed: UInt64, priceUnits: Int64, qtyUnits: Int64, scales: Int) -> OrderRequest {
        var rng = SeededGenerator(seed: seed)
        let venue = Venue.allCases.randomElement(using: &rng)!
        let type: InstrumentType = Int.random(in: 0..<4, using: &rng) == 0 ? .spot : .perp
        let bases = ["BTC", "ETH", "1000PEPE", "SOL", "X\"Y", "A B", "É"]
        let instrument = InstrumentId(venue: venue, type: type, base: bases.randomElement(using: &rng)!,
                                      quote: ["USDT", "USDC", "U&S"].randomElement(using: &rng)!)
        var clientId = ""
        let journalStyle = Bool.random(using: &rng)
        if journalStyle {
            // Journal-style: letters and digits only, up to 32 (what OKX accepts).
            let alnum = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
            clientId = String((0..<Int.random(in: 1...32, using: &rng)).map { _ in alnum.randomElement(using: &rng)! })
        } else {
            for _ in 0..<Int.random(in: 0...36, using: &rng) { clientId += clientIdBytes.randomElement(using: &rng)! }
        }
        let orderType: OrderType = Bool.random(using: &rng) ? .limit : .market
        // Sometimes a limit without a price and a market with one: the builders must treat both as the reference does.
        let hasPrice = Int.random(in: 0..<8, using: &rng) == 0 ? orderType == .market : orderType == .limit
        return OrderRequest(clientOrderId: clientId, instrument: instrument, side: Bool.random(using: &rng) ? .buy : .sell,
                            type: orderType, timeInForce: TimeInForce.allCases.randomElement(using: &rng)!,
                            price: hasPrice ? Price(units: priceUnits, scale: scales % 19) : nil,
                            qty: Qty(units: qtyUnits, scale: (scales / 19) % 19), reduceOnly: Bool.random(using: &rng))
    }

    /// Mantissas: mostly realistic, sometimes extreme (0, ±1, ±Int64.max, Int64.min, round numbers).
    static let unitsGen = Gen.int64().map { (v: Int64) -> Int64 in
        switch v & 7 {
        case 0: [0, 1, -1, Int64.max, Int64.min, 10, 100_000, -1_000][Int((v >> 3) & 7)]
        case 1, 2: v >> 3
        case 3: (v >> 3) % 1_000 * 1_000
        default: (v >> 3) % 100_000_000
        }
    }

    // MARK: properties

    @Test func placeRequestsAreByteIdenticalToTheReferenceForAllVenues() async {
        let binance = BinanceSigner(secret: "prop-binance-secret"), okx = OKXSigner(secret: "prop-okx-secret")
        let bybit = BybitSigner(secret: "prop-bybit-secret")
        await propertyCheck(count: 3_000, input: Gen.uint64(), Self.unitsGen, Self.unitsGen, Gen.int(in: 0...360)) { seed, pu, qu, scales in
            let o = Self.order(seed: seed, priceUnits: pu, qtyUnits: qu, scales: scales)
            let ts = Int64(bitPattern: seed) % 2_000_000_000_000, recv = Int(seed % 60_000) + 1

            // Binance: path + signed query in one buffer, and the generic signed query over the reference pairs.
            let params = Reference.binanceParams(o)
            let binanceRef = Reference.binanceQuery("prop-binance-secret", params, ts: ts, recv: recv)
            #expect(BinanceTradingParams.place(o).map { "\($0.0)=\($0.1)" } == params.map { "\($0.0)=\($0.1)" })
            #expect(BinanceTradingParams.signedPlace(o, signer: binance, timestampMs: ts, recvWindowMs: recv)
                == BinanceTradingPaths.order + "?" + binanceRef)
            #expect(binance.signedQuery(params: params, timestampMs: ts, recvWindowMs: recv) == binanceRef)

            // OKX: body text and bytes, signature over the bytes and over the text, timestamp header.
            let okxBody = Reference.okxOrder(o)
            #expect(OKXTradingRequests.orderObject(o) == okxBody)
            #expect(OKXTradingRequests.orderBody(o) == Array(okxBody.utf8))
            let iso = ISO8601Millis.string(fromMillis: ts)
            let okxSign = Reference.okxSign("prop-okx-secret", ts: iso, method: "POST", path: OKXTradingRequests.placePath, body: okxBody)
            #expect(okx.signature(timestamp: iso, method: "POST", requestPath: OKXTradingRequests.placePath, bodyBytes: OKXTradingRequests.orderBody(o)) == okxSign)
            #expect(okx.signature(timestamp: iso, method: "post", requestPath: OKXTradingRequests.placePath, body: okxBody) == okxSign)
            #expect(OKXSigner.timestamp(ms: ts) == iso)

            // Bybit: body text and bytes (with and without category), signature over the bytes and over the text.
            let bybitBody = Reference.bybitOrder(o, withCategory: true)
            #expect(BybitTradingRequests.order(o, withCategory: true) == bybitBody)
            #expect(BybitTradingRequests.order(o, withCategory: false) == Reference.bybitOrder(o, withCategory: false))
            #expect(BybitTradingRequests.orderBody(o, withCategory: true) == Array(bybitBody.utf8))
            let bybitSign = Reference.bybitSign("prop-bybit-secret", ts: ts, key: "k\(seed % 97)", recv: recv, payload: bybitBody)
            #expect(bybit.signature(timestampMs: ts, apiKey: "k\(seed % 97)", recvWindowMs: recv,
                                    payloadBytes: BybitTradingRequests.orderBody(o, withCategory: true)) == bybitSign)
            #expect(bybit.signature(timestampMs: ts, apiKey: "k\(seed % 97)", recvWindowMs: recv, payload: bybitBody) == bybitSign)
        }
    }

    @Test func batchBodiesAreByteIdenticalToTheReference() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Self.unitsGen, Self.unitsGen, Gen.int(in: 0...360)) { seed, pu, qu, scales in
            let orders = (0..<Int(seed % 6)).map { Self.order(seed: seed &+ UInt64($0), priceUnits: pu &+ Int64($0), qtyUnits: qu, scales: scales) }
            #expect(OKXTradingRequests.batchBody(orders) == "[" + orders.map(Reference.okxOrder).joined(separator: ",") + "]")
            #expect(BybitTradingRequests.createBatch(orders)
                == #"{"category":"linear","request":["# + orders.map { Reference.bybitOrder($0, withCategory: false) }.joined(separator: ",") + "]}")
        }
    }

    @Test func decimalsIntegersAndTimestampsMatchTheirStringForms() async {
        await propertyCheck(count: 3_000, input: Self.unitsGen, Gen.int(in: 0...24), Gen.int64()) { units, scale, ms in
            var w = RequestBytes(capacity: 64)
            w.decimal(Price(units: units, scale: scale), trimZeros: false)
            #expect(w.string == Price(units: units, scale: scale).description)
            w = RequestBytes(capacity: 64)
            w.decimal(Qty(units: units, scale: scale), trimZeros: true)
            #expect(w.string == Qty(units: units, scale: scale).trimmedDescription)
            w = RequestBytes(capacity: 64)
            w.int(ms)
            #expect(w.string == String(ms))
            // Any instant: the fast path for 1970…9999, the fallback elsewhere; the reference is Foundation's formatter.
            let live = ms % 4_102_444_800_000 // up to 2100, both signs
            #expect(OKXSigner.timestamp(ms: live) == ISO8601Millis.string(fromMillis: live))
            if live >= 0 { #expect(OKXSigner.timestamp(ms: live) == Reference.iso(live)) }
            #expect(OKXSigner.timestamp(ms: ms) == ISO8601Millis.string(fromMillis: ms))
        }
    }

    @Test func signaturesOverArbitraryTextMatchTheReference() async {
        let binance = BinanceSigner(secret: "s1"), okx = OKXSigner(secret: String(repeating: "long-secret-", count: 9))
        let bybit = BybitSigner(secret: "")
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...(Self.clientIdBytes.count - 1)).array(of: 0...120), Gen.int64()) { picks, ts in
            let text = picks.map { Self.clientIdBytes[$0] }.joined()
            #expect(binance.signature(totalParams: text) == Reference.hex(Reference.hmac("s1", text)))
            #expect(okx.signature(timestamp: "\(ts)", method: text.isEmpty ? "get" : "Delete", requestPath: text, body: text)
                == Reference.okxSign(String(repeating: "long-secret-", count: 9), ts: "\(ts)", method: text.isEmpty ? "get" : "Delete",
                                     path: text, body: text))
            #expect(bybit.wsAuthSignature(expiresMs: ts) == Reference.hex(Reference.hmac("", "GET/realtime\(ts)")))
            #expect(bybit.signature(timestampMs: ts, apiKey: text, recvWindowMs: 5_000, payload: text)
                == Reference.bybitSign("", ts: ts, key: text, recv: 5_000, payload: text))
            let pairs = stride(from: 0, to: picks.count, by: 2).map { i in (String(text.prefix(i)), String(text.suffix(i))) }
            #expect(binance.signedQuery(params: pairs, timestampMs: ts, recvWindowMs: 1) == Reference.binanceQuery("s1", pairs, ts: ts, recv: 1))
        }
    }
}
