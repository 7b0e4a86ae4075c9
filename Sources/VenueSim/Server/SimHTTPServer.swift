import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// One venue's running Hummingbird application: the task it runs in, its service group (for a graceful
/// stop) and the port it really bound.
struct SimHTTPServer: Sendable {
    let task: Task<Void, Never>
    let group: ServiceGroup
    /// Port the OS gave us (port 0 asks for a free one).
    let port: Int

    /// Starts `router` on `host:port` and returns once the server is listening.
    static func start(router: Router<SimHTTP.Context>, host: String, port: Int, autoPingSeconds: Int?,
                      logger: Logger) async throws -> SimHTTPServer {
        let (ports, portSink) = AsyncStream<Result<Int, any Error>>.makeStream()
        let ping: AutoPingSetup = autoPingSeconds.map { .enabled(timePeriod: .seconds($0)) } ?? .disabled
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router,
                                           configuration: .init(ws: .init(maxFrameSize: 1 << 22, autoPing: ping))),
            configuration: .init(address: .hostname(host, port: port), serverName: "propbot-sim"),
            onServerRunning: { channel in
                portSink.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: logger
        )
        // No signal handling here: the process that embeds the simulator owns SIGINT/SIGTERM. Detached, so the
        // server does not inherit the embedding service's graceful shutdown: the simulated venues must keep
        // answering until the bot has stopped talking to them (`stop()`), as a real venue would.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task.detached {
            do {
                try await group.run()
            } catch {
                portSink.yield(.failure(error))
            }
            portSink.finish()
        }
        for await result in ports {
            switch result {
            case .success(let p): return SimHTTPServer(task: task, group: group, port: p)
            case .failure(let e): throw e
            }
        }
        throw SimServerError.notStarted(port)
    }

    /// Graceful shutdown; cancels the server if it has not finished within two seconds, and stops waiting for it
    /// two seconds after that (seen: a socket whose handler never ends): stopping the simulator must never hold
    /// the embedding process open.
    func stop() async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let (finished, done) = AsyncStream<Void>.makeStream()
        let waiter = Task { await task.value; done.finish() }
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(2))
            task.cancel()
            try? await Task.sleep(for: .seconds(2))
            done.finish()
        }
        for await _ in finished {}
        watchdog.cancel()
        _ = waiter
    }
}
