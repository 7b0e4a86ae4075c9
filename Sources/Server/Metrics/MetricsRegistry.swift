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
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
