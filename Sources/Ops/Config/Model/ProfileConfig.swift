public import PropCore

/// A fully validated run profile (`configs/<profile>.yaml`). Only `ProfileLoader` builds one from text, and it
/// either returns a config that passed every check or throws all the problems at once.
public struct ProfileConfig: Sendable, Equatable, Encodable {
    /// Run mode.
    public var profile: ProfileKind
    /// HTTP API listener.
    public var server: ServerConfig
    /// In-process venue simulator.
    public var sim: SimConfig
    /// Journal database.
    public var storage: StorageConfig
    /// Feed settings.
    public var marketData: MarketDataConfig
    /// Order path: deadlines, dead-man switch, cancel-on-disconnect.
    public var execution: ExecutionConfig
    /// Arbitrage strategy parameters.
    public var strategy: StrategyConfig
    /// Pre-trade risk caps and data guards.
    public var risk: RiskConfig
    /// Per-venue connection and credentials.
    public var venues: VenuesConfig
    /// Instruments to trade, canonical ids, in file order.
    public var instruments: [InstrumentId]
    /// Log output.
    public var logging: LoggingConfig
    /// Secrets file the `${NAME}` references were also looked up in, if any (path as written, after substitution).
    public var secretsFile: String?
    /// Control plane: tokens, approvals, audit.
    public var ops: OpsConfig
    /// System Status: SLO site and threshold overrides.
    public var status: StatusConfig

    /// Creates a config from its sections (tests and the built-in demo default).
    public init(
        profile: ProfileKind, server: ServerConfig, sim: SimConfig, storage: StorageConfig,
        marketData: MarketDataConfig, execution: ExecutionConfig = ExecutionConfig(),
        strategy: StrategyConfig = StrategyConfig(), risk: RiskConfig = RiskConfig(), venues: VenuesConfig,
        instruments: [InstrumentId], logging: LoggingConfig, secretsFile: String? = nil, ops: OpsConfig? = nil,
        status: StatusConfig = StatusConfig()
    ) {
        self.profile = profile; self.server = server; self.sim = sim; self.storage = storage
        self.marketData = marketData; self.execution = execution
        self.strategy = strategy; self.risk = risk; self.venues = venues; self.instruments = instruments
        self.logging = logging; self.secretsFile = secretsFile
        self.ops = ops ?? .defaults(for: profile)
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case profile, server, sim, storage
        case marketData = "market_data"
        case execution, strategy, risk, venues, instruments, logging
        case secretsFile = "secrets_file"
        case ops, status
    }

    /// Instruments of one venue, in file order.
    public func instruments(on venue: Venue) -> [InstrumentId] { instruments.filter { $0.venue == venue } }
}
