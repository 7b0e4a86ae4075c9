import Foundation
import Ops
import Testing

@Suite("Secrets and environment substitution")
struct SecretHandlingTests {
    private typealias S = ConfigTestSupport

    @Test func secretPrintsAsMaskEverywhere() throws {
        let secret = Secret("top-secret-value")
        #expect(secret.description == "***")
        #expect(secret.debugDescription == "***")
        #expect("\(secret)" == "***")
        #expect(String(reflecting: secret) == "***")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("top-secret"))
        let json = try JSONEncoder().encode(["k": secret])
        #expect(String(decoding: json, as: UTF8.self) == #"{"k":"***"}"#)
        #expect(secret.reveal() == "top-secret-value")
    }

    @Test func loadedConfigNeverShowsSecretsInDescriptionDumpOrEncoding() throws {
        let config = try ProfileLoader.load(yaml: S.liveBase, environment: S.fullEnvironment, sourceName: "live.yaml")
        #expect(config.venues.binance.apiSecret?.reveal() == "sekret-binance_api_secret-value")
        var dumped = ""
        dump(config, to: &dumped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(config), as: UTF8.self)
        for text in [String(describing: config), String(reflecting: config), dumped, json] {
            #expect(!text.contains("sekret"), "leaked in: \(text.prefix(200))")
        }
        #expect(json.contains(#""api_secret":"***""#))
    }

    @Test func secretValuesNeverAppearInRenderedErrors() throws {
        // Every way a secret could reach a message: a secret variable used where a number is expected,
        // inline secrets, a malformed reference next to a set secret.
        let yaml = S.liveBase.replacingOccurrences(of: "${BYBIT_API_SECRET}", with: "inline-sekret-xyz")
            + "server: {port: \"${BINANCE_API_SECRET}\"}\nmarket_data: {stale_ms: \"${OKX_API_SECRET}x\"}\n"
        do {
            _ = try ProfileLoader.load(yaml: yaml, environment: S.fullEnvironment, sourceName: "live.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.issues.count >= 3)
            let everything = error.messageRu + error.hintRu + "\(error)" + String(reflecting: error)
                + error.issues.map { $0.rendered + $0.description + $0.operatorText }.joined()
            #expect(!everything.contains("sekret"))
            let port = try #require(error.issues.first { $0.path == "server.port" })
            #expect(port.problemRu.contains("«${BINANCE_API_SECRET}» (подставленное значение не показывается)"))
        }
    }

    @Test func environmentSubstitutionWithDefaults() throws {
        let yaml = """
            profile: demo
            server:
              host: ${HOST:-127.0.0.1}
              port: ${PORT:-8000}
            storage: {path: "${DATA_DIR}/demo.sqlite"}
            sim: {seed: "${SEED:-7}"}
            """
        let c = try ProfileLoader.load(yaml: yaml, environment: ["PORT": "9100", "DATA_DIR": "/var/lib/propbot"],
                                       sourceName: "x")
        #expect(c.server.host == "127.0.0.1")
        #expect(c.server.port == 9100)
        #expect(c.storage.path == "/var/lib/propbot/demo.sqlite")
        #expect(c.sim.seed == 7)
    }

    @Test func substitutedValueIsStillTypeChecked() throws {
        let issue = try #require(S.issue("wrong_type", in: S.issues("profile: demo\nserver:\n  port: ${PORT}\n",
                                                                      env: ["PORT": "eighty"])))
        #expect(issue.path == "server.port")
        #expect(!issue.problemRu.contains("eighty"))
    }

    @Test func unsetVariableWithoutDefaultNamesTheVariable() throws {
        let issue = try #require(S.issue("env_var_missing", in: S.issues("profile: demo\nstorage:\n  path: ${DATA}\n")))
        #expect(issue.path == "storage.path")
        #expect(issue.line == 3)
        #expect(issue.problemRu == "переменная окружения «DATA» не задана")
        #expect(issue.hintRu.contains("export DATA="))
    }

    @Test func malformedReferenceIsReported() throws {
        let issues = S.issues("profile: demo\nstorage: {path: \"${DATA\"}\nlogging: {level: \"${1BAD}\"}\n")
        #expect(issues.map(\.code) == ["env_reference_malformed", "env_reference_malformed"])
    }

    @Test func dollarDollarIsALiteralDollar() throws {
        let c = try ProfileLoader.load(yaml: "profile: demo\nstorage:\n  path: ./a$${b}\n", environment: [:], sourceName: "x")
        #expect(c.storage.path == "./a${b}")
    }

    @Test func secretsFileSuppliesMissingVariablesAndEnvironmentWins() throws {
        let dir = try S.makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let secrets = dir + "/secrets.yaml"
        try "BYBIT_API_KEY: from-file-key\nBYBIT_API_SECRET: from-file-secret\nBINANCE_API_KEY: file-loses\n"
            .write(toFile: secrets, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secrets)
        var env = S.fullEnvironment
        env["BYBIT_API_KEY"] = nil
        env["BYBIT_API_SECRET"] = nil
        env["SECRETS"] = secrets
        let c = try ProfileLoader.load(yaml: S.liveBase + "secrets_file: ${SECRETS}\n", environment: env,
                                       sourceName: "live.yaml")
        #expect(c.venues.bybit.apiKey?.reveal() == "from-file-key")
        #expect(c.venues.bybit.apiSecret?.reveal() == "from-file-secret")
        #expect(c.venues.binance.apiKey?.reveal() == "sekret-binance_api_key-value")
        #expect(c.secretsFile == secrets)
    }

    @Test func liveSecretsFileReadableByOthersIsRejected() throws {
        let dir = try S.makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let secrets = dir + "/secrets.yaml"
        try "X: y\n".write(toFile: secrets, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secrets)
        let issues = S.issues(S.liveBase + "secrets_file: \(secrets)\n", env: S.fullEnvironment)
        #expect(issues.map(\.code) == ["secrets_file_permissions"])
        #expect(issues.first?.hintRu == "Выполните: chmod 600 \(secrets)")
    }

    @Test func brokenSecretsFileIsReportedWithoutItsContent() throws {
        let dir = try S.makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let secrets = dir + "/secrets.yaml"
        try "GOOD: sekret-one\nBAD: [sekret-two\n".write(toFile: secrets, atomically: true, encoding: .utf8)
        let issues = S.issues("profile: demo\nsecrets_file: \(secrets)\n")
        #expect(issues.map(\.code) == ["yaml_malformed"])
        #expect(issues.first?.path == "secrets_file")
        #expect(!issues.map(\.rendered).joined().contains("sekret"))
        #expect(S.issues("profile: demo\nsecrets_file: \(dir)/absent.yaml\n").map(\.code) == ["secrets_file_not_found"])
    }

    @Test func emptySecretsFileReferenceMeansNoFile() throws {
        let c = try ProfileLoader.load(yaml: "profile: demo\nsecrets_file: ${PROPBOT_SECRETS_FILE:-}\n",
                                       environment: [:], sourceName: "x")
        #expect(c.secretsFile == nil)
    }

    @Test func optionalSecretWithUnsetVariableIsSimplyAbsentOnPaper() throws {
        let yaml = """
            profile: paper
            venues:
              binance: {rest_url: "https://fapi.binance.com", ws_url: "wss://fstream.binance.com", api_key: "${K}"}
            instruments: [BINANCE:PERP:BTC-USDT]
            """
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "paper.yaml")
        #expect(c.venues.binance.apiKey == nil)
    }
}
