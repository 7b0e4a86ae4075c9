/// The simulated account's API credentials (one account per venue, same keys on all three).
/// Defaults are documented in the README and printed under `"credentials"` by `propbot sim`.
public struct SimCredentials: Sendable, Hashable {
    public var apiKey: String
    public var apiSecret: String
    /// OKX passphrase.
    public var passphrase: String
    /// Starting USDT wallet balance of each venue's account, as decimal text.
    public var balanceUSDT: String

    public static let defaultApiKey = "propbot-sim-key"
    public static let defaultApiSecret = "propbot-sim-secret"
    public static let defaultPassphrase = "propbot-sim-pass"
    public static let defaultBalanceUSDT = "100000"

    public init(apiKey: String = defaultApiKey, apiSecret: String = defaultApiSecret,
                passphrase: String = defaultPassphrase, balanceUSDT: String = defaultBalanceUSDT) {
        self.apiKey = apiKey; self.apiSecret = apiSecret; self.passphrase = passphrase; self.balanceUSDT = balanceUSDT
    }
}
