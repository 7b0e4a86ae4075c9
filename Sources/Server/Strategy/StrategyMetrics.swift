public import CoreMetrics
import Engine

/// The strategy's metric handles: `opps_per_sec`, the `opportunity_edge_bps` histogram, unhedged exposure per
/// pair, arbitrages by phase and the strategy HOLD flag.
public final class StrategyMetrics: Sendable {
    let oppsPerSec: Gauge
    let edgeBps: Recorder
    let arbitragesOpened: Counter
    let hold: Gauge
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory) {
        self.factory = factory
        oppsPerSec = Gauge(label: "opps_per_sec", factory: factory)
        edgeBps = Recorder(label: "opportunity_edge_bps", aggregate: true, factory: factory)
        arbitragesOpened = Counter(label: "arbitrages_opened_total", factory: factory)
        hold = Gauge(label: "strategy_hold", factory: factory)
    }

    /// Publishes one pair's unhedged exposure (labels are fixed per pair, created on first use by the factory).
    func exposure(pair: String, usd: Double, seconds: Double) {
        Gauge(label: "unhedged_exposure_usd", dimensions: [("instrument", pair)], factory: factory).record(usd)
        Gauge(label: "unhedged_exposure_seconds", dimensions: [("instrument", pair)], factory: factory).record(seconds)
    }

    /// Counts arbitrages by the phase they reached.
    func phase(_ phase: ArbitragePhase) {
        Counter(label: "arbitrages_total", dimensions: [("phase", phase.rawValue)], factory: factory).increment()
    }
}
