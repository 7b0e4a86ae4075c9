public import PropCore

extension ProfileConfig {
    /// Instruments the demo trades when its file lists none: BTC, ETH and SOL perpetuals on all three venues.
    public static let demoInstruments: [InstrumentId] = ["BTC", "ETH", "SOL"].flatMap { base in
        Venue.allCases.map { InstrumentId(venue: $0, type: .perp, base: base, quote: "USDT") }
    }

    /// The built-in demo profile, equal to `configs/demo.yaml` (a test keeps them in step). Used when no profile
    /// is given and the file is absent, so `propbot run` works from any directory.
    public static let demoDefault = ProfileConfig(
        profile: .demo,
        server: ServerConfig(host: "127.0.0.1", port: 8000, allowRemote: false),
        sim: SimConfig(enabled: true, seed: 42, port: 0, tickMs: 100),
        storage: StorageConfig(path: ProfileKind.demo.defaultStoragePath),
        marketData: MarketDataConfig(),
        // The simulator's dislocations are 8–30 bps against ≈ 10 bps of taker fees: a low bar so the demo trades;
        // 400 USDT at risk level 50 is 200 USDT a leg, at least one lot of BTC, ETH and SOL on every venue.
        strategy: StrategyConfig(orderAmount: 400, minProfitability: 2, slippageBuffer: 1),
        venues: VenuesConfig(
            binance: VenueConfig(enabled: true, fees: .publishedBaseTier(.binance)),
            okx: VenueConfig(enabled: true, fees: .publishedBaseTier(.okx)),
            bybit: VenueConfig(enabled: true, fees: .publishedBaseTier(.bybit))
        ),
        instruments: demoInstruments,
        logging: LoggingConfig(level: .info, format: .text)
    )
}
