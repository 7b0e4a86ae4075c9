import Foundation
import Ops
import PropCore
import Testing

@Suite("Profile validation issues")
struct ValidationIssueTests {
    private typealias S = ConfigTestSupport

    @Test func unknownKeyWithTypoSuggestsClosestValidKey() throws {
        let yaml = """
            profile: demo
            market_data:
              stale_msx: 3000
            """
        let issues = S.issues(yaml)
        #expect(issues.count == 1)
        let issue = try #require(S.issue("unknown_key", in: issues))
        #expect(issue.path == "market_data.stale_msx")
        #expect(issue.line == 3)
        #expect(issue.problemRu == "неизвестный ключ «stale_msx»")
        #expect(issue.hintRu == "возможно, вы имели в виду «stale_ms»")
        #expect(issue.rendered == "market_data.stale_msx (строка 3): неизвестный ключ «stale_msx». "
            + "Подсказка: возможно, вы имели в виду «stale_ms»")
    }

    @Test func unknownKeyWithoutCloseMatchListsValidKeys() throws {
        let issue = try #require(S.issue("unknown_key", in: S.issues("profile: demo\nserver:\n  banana: 1\n")))
        #expect(issue.path == "server.banana")
        #expect(issue.hintRu.contains("host, port, allow_remote"))
    }

    @Test func deadManRefreshSlowerThanHalfTheTimeoutIsRejected() throws {
        let yaml = "profile: demo\nexecution:\n  dead_man_timeout_ms: 20000\n  dead_man_refresh_ms: 15000\n"
        let issue = try #require(S.issue("dead_man_refresh_too_slow", in: S.issues(yaml)))
        #expect(issue.path == "execution.dead_man_refresh_ms")
        #expect(issue.line == 4)
        #expect(issue.hintRu.contains("половины"))
    }

    @Test func wrongTypeNamesExpectedTypeAndValue() throws {
        let issues = S.issues("profile: demo\nmarket_data:\n  stale_ms: abc\n")
        let issue = try #require(S.issue("wrong_type", in: issues))
        #expect(issue.path == "market_data.stale_ms")
        #expect(issue.line == 3)
        #expect(issue.problemRu == "ожидалось целое число, получено «abc»")
        #expect(issue.messageRu == "Ключ market_data.stale_ms: ожидалось целое число, получено «abc»")
    }

    @Test func quotedNumberIsAStringNotAnInteger() throws {
        let issue = try #require(S.issue("wrong_type", in: S.issues("profile: demo\nserver: {port: \"8000\"}\n")))
        #expect(issue.path == "server.port")
    }

    @Test func sectionGivenAsScalarIsWrongType() throws {
        let issue = try #require(S.issue("wrong_type", in: S.issues("profile: demo\nmarket_data: fast\n")))
        #expect(issue.path == "market_data")
        #expect(issue.problemRu.contains("ожидалась таблица"))
    }

    @Test(arguments: [
        ("server: {port: 70000}", "server.port", "0…65535"),
        ("sim: {port: -1}", "sim.port", "0…65535"),
        ("market_data: {stale_ms: 50}", "market_data.stale_ms", "100…600000"),
        ("market_data: {reconnect: {jitter: 1.5}}", "market_data.reconnect.jitter", "0.0…1.0"),
        ("market_data: {depth: 0}", "market_data.depth", "1…1000"),
        ("execution: {place_timeout_ms: 5}", "execution.place_timeout_ms", "100…60000"),
        ("execution: {max_resends: 9}", "execution.max_resends", "0…5"),
    ])
    func outOfRangeValueIsRejectedWithItsRange(line: String, path: String, range: String) throws {
        let issues = S.issues("profile: demo\n\(line)\n")
        #expect(issues.count == 1)
        let issue = try #require(S.issue("out_of_range", in: issues))
        #expect(issue.path == path)
        #expect(issue.line == 2)
        #expect(issue.problemRu.contains("вне допустимого диапазона \(range)"))
    }

    @Test func reconnectInitialAboveMaxIsInconsistent() throws {
        let yaml = """
            profile: demo
            market_data:
              reconnect:
                initial_ms: 5000
                max_ms: 1000
            """
        let issue = try #require(S.issue("reconnect_range_inverted", in: S.issues(yaml)))
        #expect(issue.path == "market_data.reconnect.initial_ms")
        #expect(issue.line == 4)
        #expect(issue.problemRu.contains("5000") && issue.problemRu.contains("1000"))
    }

    @Test func invalidInstrumentIdUsesInstrumentIdErrorText() throws {
        let yaml = "profile: demo\ninstruments:\n  - BINANCE:PERP:BTC-USDT\n  - KRAKEN:PERP:BTC-USDT\n  - btc\n"
        let issues = S.issues(yaml)
        let venue = try #require(S.issue("instrument_id_unknown_venue", in: issues))
        #expect(venue.path == "instruments[1]")
        #expect(venue.line == 4)
        #expect(venue.problemRu == "неизвестная биржа «KRAKEN» в идентификаторе «KRAKEN:PERP:BTC-USDT»")
        #expect(venue.hintRu == InstrumentIdError.unknownVenue("", "").hintRu)
        let malformed = try #require(S.issue("instrument_id_malformed", in: issues))
        #expect(malformed.path == "instruments[2]")
        #expect(malformed.line == 5)
    }

    @Test func duplicateInstrumentPointsAtTheRepeat() throws {
        let yaml = "profile: demo\ninstruments:\n  - OKX:PERP:BTC-USDT\n  - BYBIT:PERP:BTC-USDT\n  - OKX:PERP:BTC-USDT\n"
        let issue = try #require(S.issue("instrument_duplicate", in: S.issues(yaml)))
        #expect(issue.path == "instruments[2]")
        #expect(issue.line == 5)
        #expect(issue.problemRu.contains("instruments[0]"))
    }

    @Test func instrumentOnDisabledVenueIsInconsistent() throws {
        let yaml = """
            profile: demo
            venues:
              binance: {enabled: true}
              okx: {enabled: false}
            instruments: [BINANCE:PERP:BTC-USDT, OKX:PERP:BTC-USDT]
            """
        let issue = try #require(S.issue("instrument_venue_disabled", in: S.issues(yaml)))
        #expect(issue.path == "instruments[1]")
        #expect(issue.line == 5)
        #expect(issue.hintRu.contains("venues.okx"))
    }

    @Test func spotInstrumentIsNotSupported() throws {
        let issue = try #require(S.issue("instrument_type_unsupported",
                                         in: S.issues("profile: demo\ninstruments: [BINANCE:SPOT:BTC-USDT]\n")))
        #expect(issue.hintRu.contains("BINANCE:PERP:BTC-USDT"))
    }

    @Test func nonDemoProfileWithoutInstrumentsIsRejected() throws {
        let yaml = """
            profile: paper
            venues:
              binance: {rest_url: "https://fapi.binance.com", ws_url: "wss://fstream.binance.com"}
            """
        let issues = S.issues(yaml)
        #expect(issues.map(\.code) == ["instruments_missing"])
    }

    @Test func missingProfileKeyIsReported() throws {
        let issue = try #require(S.issue("missing_key", in: S.issues("server: {port: 8000}\n")))
        #expect(issue.path == "profile")
        #expect(issue.problemRu.contains("«profile»"))
    }

    @Test func misspelledProfileValueGetsSuggestion() throws {
        let issue = try #require(S.issue("invalid_value", in: S.issues("profile: pape\n")))
        #expect(issue.path == "profile")
        #expect(issue.hintRu.contains("«paper»"))
    }

    @Test func profileMustMatchFileName() throws {
        let issue = try #require(S.issue("profile_mismatch", in: S.issues("profile: demo\n", source: "configs/live.yaml")))
        #expect(issue.path == "profile")
        #expect(issue.line == 1)
    }

    @Test func enabledVenueOutsideDemoNeedsURLs() throws {
        let yaml = "profile: paper\nvenues:\n  okx: {enabled: true}\ninstruments: [OKX:PERP:BTC-USDT]\n"
        let issues = S.issues(yaml).filter { $0.code == "missing_key" }
        #expect(issues.map(\.path) == ["venues.okx.rest_url", "venues.okx.ws_url"])
    }

    @Test func malformedURLIsRejected() throws {
        let yaml = "profile: paper\nvenues:\n  okx: {rest_url: 'https:/www.okx.com', ws_url: 'wss://ws.okx.com:8443'}\ninstruments: [OKX:PERP:BTC-USDT]\n"
        let issue = try #require(S.issue("url_invalid", in: S.issues(yaml)))
        #expect(issue.path == "venues.okx.rest_url")
    }

    @Test func venueURLWithChannelPathIsRejectedAndTrailingSlashDropped() throws {
        let yaml = """
            profile: paper
            venues:
              okx:
                rest_url: https://openapi.okx.com/
                ws_url: wss://ws.okx.com:8443/ws/v5/public
            instruments: [OKX:PERP:BTC-USDT]
            """
        let issues = S.issues(yaml)
        #expect(issues.map(\.code) == ["url_has_path"])
        #expect(issues.first?.path == "venues.okx.ws_url")
        #expect(issues.first?.hintRu.contains("wss://ws.okx.com:8443") == true)
        let fixed = yaml.replacingOccurrences(of: "/ws/v5/public", with: "")
        let c = try ProfileLoader.load(yaml: fixed, environment: [:], sourceName: "paper.yaml")
        #expect(c.venues.okx.restURL == "https://openapi.okx.com")
        #expect(c.venues.okx.wsURL == "wss://ws.okx.com:8443")
    }

    @Test func malformedYAMLReportsLine() throws {
        let yaml = "profile: demo\nserver:\n  host: 127.0.0.1\n   port: 8000: 1\n"
        let issues = S.issues(yaml)
        #expect(issues.count == 1)
        let issue = try #require(S.issue("yaml_malformed", in: issues))
        #expect(issue.line == 4)
        #expect(issue.rendered.hasPrefix("строка 4: "))
    }

    @Test func tabIndentationGetsATabHint() throws {
        let issue = try #require(S.issue("yaml_malformed", in: S.issues("profile: demo\nserver:\n\thost: x\n")))
        #expect(issue.line == 3)
        #expect(issue.hintRu.contains("табуляция"))
    }

    @Test func duplicateYAMLKeyIsReported() throws {
        let issue = try #require(S.issue("duplicate_key", in: S.issues("profile: demo\nserver: {port: 1, port: 2}\n")))
        #expect(issue.problemRu.contains("«port»"))
    }

    @Test func emptyFileIsRejected() {
        #expect(S.issues("").map(\.code) == ["config_empty"])
        #expect(S.issues("# only a comment\n").map(\.code) == ["config_empty"])
    }

    @Test func missingFileIsAConfigError() {
        do {
            _ = try ProfileLoader.load(path: "/nonexistent/configs/live.yaml", environment: [:])
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.codes == ["config_file_not_found"])
            #expect(error.messageRu.contains("/nonexistent/configs/live.yaml"))
        }
    }

    @Test func allProblemsAreReportedTogetherInFileOrder() throws {
        let yaml = """
            profile: demo
            server:
              port: 99999
              hots: 127.0.0.1
            market_data:
              stale_ms: abc
              reconnect: {initial_ms: 9000, max_ms: 500}
            logging: {level: verbose}
            instruments: [NOPE]
            """
        do {
            _ = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
            Issue.record("accepted a broken profile")
        } catch {
            #expect(error.codes == [
                "out_of_range", "unknown_key", "wrong_type", "reconnect_range_inverted", "invalid_value",
                "instrument_id_malformed",
            ])
            #expect(error.issues.map(\.line) == [3, 4, 6, 7, 8, 9])
            #expect(error.code == "config_invalid")
            #expect(error.messageRu.hasPrefix("Конфигурация «demo.yaml» отклонена, ошибок: 6"))
            #expect(error.messageRu.contains("3. market_data.stale_ms (строка 6): ожидалось целое число"))
            #expect(error.hintRu.contains("propbot config validate demo.yaml"))
        }
    }

    @Test func validateReturnsIssuesWithoutThrowing() {
        #expect(ProfileLoader.validate(yaml: "profile: demo\n", environment: [:], sourceName: "x").isEmpty)
        #expect(ProfileLoader.validate(yaml: "profile: demo\nfoo: 1\n", environment: [:], sourceName: "x")
            .map(\.code) == ["unknown_key"])
    }
}

@Suite("YAML features")
struct YAMLFeatureTests {
    @Test func anchorsAndAliasesAreResolved() throws {
        let yaml = """
            profile: paper
            market_data:
              reconnect: &backoff {initial_ms: 100, max_ms: 2000, jitter: 0.1}
            venues:
              binance: &bn {rest_url: "https://fapi.binance.com", ws_url: "wss://fstream.binance.com"}
            instruments: [BINANCE:PERP:BTC-USDT]
            """
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "paper.yaml")
        #expect(c.marketData.reconnect == ReconnectConfig(initialMs: 100, maxMs: 2000, jitter: 0.1))
    }

    @Test func emptySectionsMeanDefaults() throws {
        let c = try ProfileLoader.load(yaml: "profile: demo\nsim:\nmarket_data:\nvenues:\n  binance:\n", environment: [:],
                                       sourceName: "x")
        #expect(c.sim == ProfileConfig.demoDefault.sim)
        #expect(c.marketData == MarketDataConfig())
        #expect(c.venues.enabledVenues == [.binance])
    }

    @Test func halfAKeyPairIsReportedOncePerProblem() {
        let yaml = """
            profile: paper
            venues:
              binance: {rest_url: "https://fapi.binance.com", ws_url: "wss://fstream.binance.com", api_key: k}
            instruments: [BINANCE:PERP:BTC-USDT]
            """
        #expect(ConfigTestSupport.issues(yaml).map(\.code) == ["secret_incomplete"])
    }
}
