import Foundation
import PropCore
import Testing
@testable import VenueSim

/// The first line of `propbot sim` carries the simulated account's keys and balance.
@Suite struct CredentialsLineTests {
    @Test func jsonLineCarriesCredentialsAndStillDecodesAsEndpoints() throws {
        let e = SimEndpoints(binance: .init(host: "127.0.0.1", port: 9100), okx: .init(host: "127.0.0.1", port: 9101),
                             bybit: .init(host: "127.0.0.1", port: 9102))
        let c = SimCredentials(apiKey: "K\"1", apiSecret: "S", passphrase: "P", balanceUSDT: "2500.5")
        let line = e.jsonLine(credentials: c)
        #expect(line.hasPrefix(String(e.jsonLine.dropLast()) + ","))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let creds = try #require(obj["credentials"] as? [String: String])
        #expect(creds == ["api_key": "K\"1", "api_secret": "S", "passphrase": "P", "balance_usdt": "2500.5"])
        #expect(try JSONDecoder().decode(SimEndpoints.self, from: Data(line.utf8)) == e)
    }

    @Test func accountsStartWithTheConfiguredBalance() async {
        let (state, _) = ExchangeRig.make(balance: "2500.5")
        for v in Venue.allCases {
            let b = await state.balance(venue: v)
            #expect(b.wallet == Qty(units: 250_050_000_000, scale: 8) && b.available == b.wallet)
        }
    }
}
