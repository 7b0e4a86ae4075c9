import ServiceLifecycle

/// Waits for SIGINT or SIGTERM using swift-service-lifecycle's graceful shutdown.
enum ShutdownSignal {
    static func wait() async throws {
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: WaitForShutdown())], gracefulShutdownSignals: [.sigint, .sigterm],
                                 logger: .init(label: "propbot.signals"))
        )
        try await group.run()
    }

    /// A service that does nothing but return once graceful shutdown begins.
    private struct WaitForShutdown: Service {
        func run() async throws {
            try? await gracefulShutdown()
        }
    }
}
