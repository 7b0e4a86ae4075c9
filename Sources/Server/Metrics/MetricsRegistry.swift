public import Metrics
import Prometheus

/// One Prometheus registry per running app. Library code receives `factory` and creates its
/// metrics through it, so tests can run several apps in one process without a global bootstrap.
public struct MetricsRegistry: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// Factory to pass to swift-metrics initialisers (`Counter(label:dimensions:factory:)`).
    public let factory: any MetricsFactory

    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        // Net edges are mostly negative (below fees); the default buckets start at zero.
        factory.valueHistogramBuckets["opportunity_edge_bps"] = [-100, -50, -20, -10, -5, -2, 0, 2, 5, 10, 20, 50, 100]
        factory.valueHistogramBuckets["unhedged_exposure_episode_seconds"] = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30]
        self.factory = factory
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
