import Testing
import VenueSim

/// ccxt (a real third-party client) trades on the simulator's Binance private API with the simulated keys.
@Suite struct BinanceCcxtPrivateTests {
    @Test(.enabled(if: CcxtScript.installed, CcxtScript.skipReason))
    func ccxtPlacesQueriesCancelsAndReadsAccount() async throws {
        var result: (status: Int32, output: String) = (-1, "")
        try await BinanceRig.with { rig in
            let creds = rig.sim.config.credentials
            result = try await CcxtScript.run("ccxt_private_binance.py", [rig.endpoints.binance.rest, creds.apiKey, creds.apiSecret])
        }
        #expect(result.status == 0, "ccxt_private_binance.py failed:\n\(result.output)")
    }
}
