import Foundation
import Ops
import PropCore
import Testing

@Suite("Shipped profiles")
struct ShippedProfilesTests {
    private let configs = ConfigTestSupport.repoRoot + "/configs"

    @Test func everyShippedProfileValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: configs).filter { $0.hasSuffix(".yaml") }
        let profiles = files.filter { ProfileKind(rawValue: String($0.dropLast(5))) != nil }
        #expect(Set(profiles) == Set(ProfileKind.allCases.map { "\($0.rawValue).yaml" }))
        for file in profiles {
            let path = "\(configs)/\(file)"
            do {
                let config = try ProfileLoader.load(path: path, environment: ConfigTestSupport.fullEnvironment)
                #expect(config.profile.rawValue + ".yaml" == file)
            } catch {
                Issue.record("\(file) rejected:\n\(error.messageRu)")
            }
        }
    }

    @Test func builtInDemoDefaultEqualsDemoFile() throws {
        let fromFile = try ProfileLoader.load(path: "\(configs)/demo.yaml", environment: [:])
        #expect(fromFile == ProfileConfig.demoDefault)
        #expect(fromFile.sim == SimConfig(enabled: true, seed: 42, port: 0, tickMs: 100))
        #expect(fromFile.server.host == "127.0.0.1" && fromFile.server.port == 8000)
    }

    @Test func demoNeedsNoEnvironmentAndNoVenueURLs() throws {
        let config = try ProfileLoader.load(yaml: "profile: demo\n", environment: [:], sourceName: "demo.yaml")
        // The built-in demo lowers the strategy bar so the simulator trades; a bare file gets the section defaults.
        var expected = ProfileConfig.demoDefault
        expected.strategy = StrategyConfig()
        #expect(config == expected)
        #expect(config.venues.enabledVenues == Venue.allCases)
        #expect(config.venues.binance.restURL == nil)
    }

    @Test func loadDefaultFallsBackToBuiltInDemoWhenFileIsAbsent() throws {
        let dir = try ConfigTestSupport.makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ProfileLoader.loadDefault(environment: [:], directory: dir) == .demoDefault)
        try "profile: demo\nserver: {port: 9001}\n".write(toFile: dir + "/demo.yaml", atomically: true, encoding: .utf8)
        #expect(try ProfileLoader.loadDefault(environment: [:], directory: dir).server.port == 9001)
    }

    @Test func defaultProfilePathIsUnderConfigs() {
        #expect(ProfileLoader.defaultProfilePath(named: "live") == "configs/live.yaml")
    }

    @Test func liveProfileWithoutKeysNamesEveryMissingVariable() {
        var env = ConfigTestSupport.fullEnvironment
        env["OKX_PASSPHRASE"] = nil
        env["BYBIT_API_SECRET"] = ""
        do {
            _ = try ProfileLoader.load(path: "\(configs)/live.yaml", environment: env)
            Issue.record("live.yaml loaded without OKX_PASSPHRASE")
        } catch {
            let missing = error.issues.filter { $0.code == "env_var_missing" }
            #expect(missing.map(\.path) == ["venues.okx.passphrase", "venues.bybit.api_secret"])
            #expect(missing[0].problemRu.contains("«OKX_PASSPHRASE»"))
            #expect(missing[1].problemRu.contains("«BYBIT_API_SECRET»"))
            #expect(missing.allSatisfy { $0.line != nil })
        }
    }

    @Test func liveProfileTypedValuesAreRead() throws {
        let c = try ProfileLoader.load(path: "\(configs)/live.yaml", environment: ConfigTestSupport.fullEnvironment)
        #expect(c.sim.enabled == false)
        #expect(c.venues.okx.passphrase?.reveal() == "sekret-okx_passphrase-value")
        #expect(c.venues.binance.restURL == "https://fapi.binance.com")
        #expect(c.instruments == [
            InstrumentId(venue: .binance, base: "BTC", quote: "USDT"),
            InstrumentId(venue: .okx, base: "BTC", quote: "USDT"),
            InstrumentId(venue: .bybit, base: "BTC", quote: "USDT"),
        ])
        #expect(c.logging.format == .json)
        #expect(c.secretsFile == nil)
    }
}
