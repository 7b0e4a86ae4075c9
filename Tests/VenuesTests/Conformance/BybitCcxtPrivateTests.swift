import Testing
import VenueSim

/// ccxt (a real third-party client) places, queries and cancels an order and reads positions and balances
/// on the simulator's Bybit private API. Skipped, with the reason recorded, only when ccxt is not installed.
@Suite struct BybitCcxtPrivateTests {
    @Test(.enabled(if: CcxtScript.installed, CcxtScript.skipReason))
    func ccxtTradesOnTheSimulatedBybitAccount() async throws {
        var result: (status: Int32, output: String) = (-1, "")
        try await BybitRig.with(seed: 13) { rig in
            result = try await CcxtScript.run("ccxt_private_bybit.py",
                                              [rig.endpoints.rest, SimCredentials.defaultApiKey, SimCredentials.defaultApiSecret])
        }
        #expect(result.status == 0, "ccxt_private_bybit.py failed:\n\(result.output)")
    }
}
