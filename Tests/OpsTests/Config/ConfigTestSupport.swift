import Foundation
import Ops

/// Shared helpers for the profile config tests.
enum ConfigTestSupport {
    /// Repository root, found from this file's location so tests do not depend on the working directory.
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Config/ → OpsTests/ → Tests/ → root
        return url.path
    }()

    /// Environment with every variable the shipped profiles reference, holding recognisable fake secrets.
    static let fullEnvironment: [String: String] = {
        let names = [
            "BINANCE_API_KEY", "BINANCE_API_SECRET", "OKX_API_KEY", "OKX_API_SECRET", "OKX_PASSPHRASE",
            "BYBIT_API_KEY", "BYBIT_API_SECRET", "BINANCE_TESTNET_API_KEY", "BINANCE_TESTNET_API_SECRET",
            "OKX_DEMO_API_KEY", "OKX_DEMO_API_SECRET", "OKX_DEMO_PASSPHRASE", "BYBIT_TESTNET_API_KEY",
            "BYBIT_TESTNET_API_SECRET",
        ]
        return Dictionary(uniqueKeysWithValues: names.map { ($0, "sekret-\($0.lowercased())-value") })
    }()

    /// The issues a profile text yields; empty when it loads.
    static func issues(
        _ yaml: String, env: [String: String] = [:], source: String = "test.yaml"
    ) -> [ConfigIssue] {
        do {
            _ = try ProfileLoader.load(yaml: yaml, environment: env, sourceName: source)
            return []
        } catch {
            return error.issues
        }
    }

    /// The single issue with `code`, or nil.
    static func issue(_ code: String, in issues: [ConfigIssue]) -> ConfigIssue? {
        issues.first { $0.code == code }
    }

    /// A minimal valid live profile to break one thing at a time.
    static let liveBase = """
        profile: live
        venues:
          binance:
            rest_url: https://fapi.binance.com
            ws_url: wss://fstream.binance.com
            api_key: ${BINANCE_API_KEY}
            api_secret: ${BINANCE_API_SECRET}
          bybit:
            rest_url: https://api.bybit.com
            ws_url: wss://stream.bybit.com
            api_key: ${BYBIT_API_KEY}
            api_secret: ${BYBIT_API_SECRET}
        instruments: [BINANCE:PERP:BTC-USDT, BYBIT:PERP:BTC-USDT]
        risk: {daily_loss_limit: 200}
        strategy: {leg_risk: {max_unhedged_usd: 500}}

        """

    /// A temporary directory removed by the caller.
    static func makeTempDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "propbot-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
