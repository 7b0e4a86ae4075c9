import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// Runs one venue's Hummingbird application in a task the simulator owns and reports the port it
/// really bound (port 0 asks the OS for a free one).
enum SimHTTPServer {
    /// Starts `router` on `host:port`; returns the running task (cancel it to stop) and the bound port.
    static func start(router: Router<SimHTTP.Context>, host: String, port: Int, autoPingSeconds: Int?,
                      logger: Logger) async throws -> (Task<Void, Never>, Int) {
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
        let task = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                portSink.yield(.failure(error))
            }
            portSink.finish()
        }
        for await result in ports {
            switch result {
            case .success(let p): return (task, p)
            case .failure(let e): throw e
            }
        }
        throw SimServerError.notStarted(port)
    }
}
