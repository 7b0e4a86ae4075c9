import Testing
@testable import Venues

/// Known-answer tests. Every expected value below was computed independently at dev time with Python's
/// standard library (not with swift-crypto), and pasted as a literal:
///   hex:    python3 -c "import hmac,hashlib;print(hmac.new(SECRET,MSG,hashlib.sha256).hexdigest())"
///   base64: python3 -c "import hmac,hashlib,base64;print(base64.b64encode(hmac.new(SECRET,MSG,hashlib.sha256).digest()).decode())"
/// with SECRET/MSG the byte strings shown next to each expectation.
@Suite struct SignerVectorTests {
    static let binanceDocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    @Test func binanceDocExampleMatchesPythonHMAC() {
        // MSG = b'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559'
        let signer = BinanceSigner(secret: Self.binanceDocSecret)
        let total = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(signer.signature(totalParams: total) == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func binanceSignedQueryAppendsTimestampRecvWindowAndSignature() {
        // MSG = b'symbol=BTCUSDT&side=SELL&timestamp=1700000000123&recvWindow=5000'
        let signer = BinanceSigner(secret: Self.binanceDocSecret)
        let q = signer.signedQuery(params: [("symbol", "BTCUSDT"), ("side", "SELL")], timestampMs: 1_700_000_000_123, recvWindowMs: 5000)
        #expect(q == "symbol=BTCUSDT&side=SELL&timestamp=1700000000123&recvWindow=5000"
            + "&signature=6a0c88896aa01734ccd0e400f5c7013596678d09dcf1089cdc8870508f258d16")
        #expect(BinanceSigner.apiKeyHeader == "X-MBX-APIKEY")
    }

    @Test func binanceSignedQueryPercentEncodesReservedCharacters() {
        let signer = BinanceSigner(secret: "k")
        let q = signer.signedQuery(params: [("batchOrders", "[{\"a\":1}]")], timestampMs: 1, recvWindowMs: 5000)
        let total = "batchOrders=%5B%7B%22a%22%3A1%7D%5D&timestamp=1&recvWindow=5000"
        #expect(q == total + "&signature=" + signer.signature(totalParams: total))
    }

    @Test func okxRESTSignaturesMatchPythonHMAC() {
        let signer = OKXSigner(secret: "okxsecret-42")
        // MSG = b'2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC'
        #expect(signer.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "GET",
                                 requestPath: "/api/v5/account/balance?ccy=BTC", body: "")
            == "zUwKghmj73z7NkO3K+UzAovqA25uwIdZMbWVik9bcQg=")
        // Lowercase method is normalised to the uppercase OKX signs.
        #expect(signer.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "get",
                                 requestPath: "/api/v5/account/balance?ccy=BTC", body: "")
            == "zUwKghmj73z7NkO3K+UzAovqA25uwIdZMbWVik9bcQg=")
        // MSG = b'2020-12-08T09:08:57.715ZPOST/api/v5/trade/order{"instId":"BTC-USDT-SWAP","side":"buy"}'
        #expect(signer.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "POST", requestPath: "/api/v5/trade/order",
                                 body: #"{"instId":"BTC-USDT-SWAP","side":"buy"}"#)
            == "qU7TazGqdmrN9Jm/I/4kR/ncAFZQDi2+tDBjyj0kzyU=")
    }

    @Test func okxLoginSignatureMatchesPythonHMAC() {
        // MSG = b'1538054050GET/users/self/verify'
        #expect(OKXSigner(secret: "okxsecret-42").loginSignature(timestampSeconds: 1_538_054_050)
            == "0y1qUnErVFrotd5WVlgdaN4nGFBDbmIoL8qNXzfizSI=")
        #expect([OKXSigner.keyHeader, OKXSigner.signHeader, OKXSigner.timestampHeader, OKXSigner.passphraseHeader]
            == ["OK-ACCESS-KEY", "OK-ACCESS-SIGN", "OK-ACCESS-TIMESTAMP", "OK-ACCESS-PASSPHRASE"])
    }

    @Test func bybitRESTSignaturesMatchPythonHMAC() {
        let signer = BybitSigner(secret: "bybitsecret-7")
        // MSG = b'1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C'
        #expect(signer.signature(timestampMs: 1_658_384_314_791, apiKey: "XXXXXXXXXX", recvWindowMs: 5000,
                                 payload: "category=option&symbol=BTC-29JUL22-25000-C")
            == "fd0b8662e77077f49743742d1e157665367408ab5a57163cb68433bcfb904f5f")
        // MSG = b'1658384314791XXXXXXXXXX5000{"category":"linear","symbol":"BTCUSDT"}'
        #expect(signer.signature(timestampMs: 1_658_384_314_791, apiKey: "XXXXXXXXXX", recvWindowMs: 5000,
                                 payload: #"{"category":"linear","symbol":"BTCUSDT"}"#)
            == "f9e998641daa4d65b7ce669954f4825de8ffbc5a49395860a473faad587682f0")
    }

    @Test func bybitWSAuthSignatureMatchesPythonHMAC() {
        // MSG = b'GET/realtime1662350400000'
        #expect(BybitSigner(secret: "bybitsecret-7").wsAuthSignature(expiresMs: 1_662_350_400_000)
            == "ef564e07a811ca4c2567143096bd31fbf770856fb50b0f13763281d32aff463e")
        #expect([BybitSigner.apiKeyHeader, BybitSigner.timestampHeader, BybitSigner.signHeader, BybitSigner.recvWindowHeader]
            == ["X-BAPI-API-KEY", "X-BAPI-TIMESTAMP", "X-BAPI-SIGN", "X-BAPI-RECV-WINDOW"])
    }

    @Test func signerDescriptionsNeverContainTheSecret() {
        let secret = Self.binanceDocSecret
        let texts = [
            String(describing: BinanceSigner(secret: secret)), String(reflecting: BinanceSigner(secret: secret)),
            String(describing: OKXSigner(secret: secret)), String(reflecting: OKXSigner(secret: secret)),
            String(describing: BybitSigner(secret: secret)), String(reflecting: BybitSigner(secret: secret)),
            "\(BinanceSigner(secret: secret))", "\([OKXSigner(secret: secret)])",
        ]
        var dumped = ""
        dump(BybitSigner(secret: secret), to: &dumped)
        for t in texts + [dumped] {
            #expect(!t.contains(secret) && !t.contains(String(secret.prefix(8))), "\(t)")
        }
    }
}
