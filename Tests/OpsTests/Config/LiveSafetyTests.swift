import Ops
import Testing

@Suite("Live safety rules")
struct LiveSafetyTests {
    private typealias S = ConfigTestSupport

    @Test func minimalLiveBaseIsValid() throws {
        let c = try ProfileLoader.load(yaml: S.liveBase, environment: S.fullEnvironment, sourceName: "live.yaml")
        #expect(c.profile == .live)
        #expect(c.venues.enabledVenues == [.binance, .bybit])
        #expect(c.storage.path == "./data/propbot.sqlite")
    }

    @Test func liveWithSimulatorEnabledIsRejected() throws {
        let issues = S.issues(S.liveBase + "sim: {enabled: true}\n", env: S.fullEnvironment)
        let issue = try #require(S.issue("live_sim_enabled", in: issues))
        #expect(issue.path == "sim.enabled")
        #expect(issue.line == 16)
    }

    @Test func liveWithPlainHTTPOrWSURLIsRejected() throws {
        let yaml = S.liveBase
            .replacingOccurrences(of: "https://api.bybit.com", with: "http://api.bybit.com")
            .replacingOccurrences(of: "wss://fstream.binance.com", with: "ws://fstream.binance.com")
        let issues = S.issues(yaml, env: S.fullEnvironment).filter { $0.code == "live_insecure_url" }
        #expect(issues.map(\.path) == ["venues.binance.ws_url", "venues.bybit.rest_url"])
        #expect(issues.map(\.line) == [5, 9])
    }

    @Test func plainHTTPIsFineOutsideLive() {
        let yaml = """
            profile: paper
            venues:
              binance: {rest_url: "http://127.0.0.1:9000", ws_url: "ws://127.0.0.1:9000"}
            instruments: [BINANCE:PERP:BTC-USDT]
            """
        #expect(S.issues(yaml).isEmpty)
    }

    @Test func nonLoopbackHostNeedsExplicitAllowRemote() throws {
        let issues = S.issues(S.liveBase + "server: {host: 0.0.0.0}\n", env: S.fullEnvironment)
        let issue = try #require(S.issue("server_remote_not_allowed", in: issues))
        #expect(issue.path == "server.host")
        #expect(issue.line == 16)
        #expect(S.issues(S.liveBase + "server: {host: 0.0.0.0, allow_remote: true}\n", env: S.fullEnvironment).isEmpty)
        #expect(S.issues(S.liveBase + "server: {host: localhost}\n", env: S.fullEnvironment).isEmpty)
        #expect(S.issues("profile: demo\nserver: {host: 192.168.1.5}\n").map(\.code) == ["server_remote_not_allowed"])
    }

    @Test func liveSecretWrittenInlineIsRejectedWithoutShowingIt() throws {
        let yaml = S.liveBase.replacingOccurrences(of: "${BYBIT_API_SECRET}", with: "hunter2-inline-secret")
        let issues = S.issues(yaml, env: S.fullEnvironment)
        let issue = try #require(S.issue("secret_inline", in: issues))
        #expect(issue.path == "venues.bybit.api_secret")
        #expect(issue.line == 12)
        #expect(!issues.map(\.rendered).joined().contains("hunter2"))
    }

    @Test func liveVenueWithoutKeysIsRejected() throws {
        let yaml = """
            profile: live
            venues:
              okx:
                rest_url: https://www.okx.com
                ws_url: wss://ws.okx.com:8443
            instruments: [OKX:PERP:BTC-USDT]
            """
        let issues = S.issues(yaml).filter { $0.code == "secret_missing" }
        #expect(issues.map(\.path) == ["venues.okx.api_key", "venues.okx.api_secret", "venues.okx.passphrase"])
    }

    @Test func liveWithOKXSimulatedTradingIsRejected() throws {
        let yaml = """
            profile: live
            venues:
              okx:
                rest_url: https://www.okx.com
                ws_url: wss://ws.okx.com:8443
                api_key: ${OKX_API_KEY}
                api_secret: ${OKX_API_SECRET}
                passphrase: ${OKX_PASSPHRASE}
                simulated_trading: true
            instruments: [OKX:PERP:BTC-USDT]
            risk: {daily_loss_limit: 100}
            strategy: {leg_risk: {max_unhedged_usd: 500}}
            """
        #expect(S.issues(yaml, env: S.fullEnvironment).map(\.code) == ["live_simulated_trading"])
    }

    @Test func liveWithNoVenuesIsRejected() {
        let codes = S.issues("profile: live\ninstruments: [BINANCE:PERP:BTC-USDT]\n").map(\.code)
        #expect(codes.contains("no_venues_enabled"))
        #expect(codes.contains("instrument_venue_disabled"))
    }
}
