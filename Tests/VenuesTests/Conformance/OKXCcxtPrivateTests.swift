import Testing
import VenueSim

/// ccxt (a real third-party client) places, queries and cancels an order and reads positions and balances
/// on the simulator's OKX private API. Skipped, with the reason recorded, only when ccxt is not installed.
@Suite struct OKXCcxtPrivateTests {
    @Test(.enabled(if: CcxtScript.installed, CcxtScript.skipReason))
    func ccxtTradesOnTheSimulatedOKXAccount() async throws {
        var result: (status: Int32, output: String) = (-1, "")
        try await OKXRig.with(seed: 17) { rig in
            result = try await CcxtScript.run("ccxt_private_okx.py", [rig.endpoints.rest, SimCredentials.defaultApiKey,
                                                                      SimCredentials.defaultApiSecret, SimCredentials.defaultPassphrase])
        }
        #expect(result.status == 0, "ccxt_private_okx.py failed:\n\(result.output)")
    }
}
