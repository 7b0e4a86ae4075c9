/// The in-process venue simulator (used by `demo`).
public struct SimConfig: Sendable, Equatable, Encodable {
    /// Start the simulator inside the bot process.
    public var enabled: Bool
    /// Seed of the synthetic market, so a demo run replays the same way.
    public var seed: UInt64
    /// Port the simulator's REST/WS front-ends listen on, 0 = pick a free one.
    public var port: Int
    /// Synthetic market tick interval in milliseconds.
    public var tickMs: Int

    /// Creates a simulator section.
    public init(enabled: Bool, seed: UInt64 = 42, port: Int = 0, tickMs: Int = 100) {
        self.enabled = enabled; self.seed = seed; self.port = port; self.tickMs = tickMs
    }

    enum CodingKeys: String, CodingKey {
        case enabled, seed, port
        case tickMs = "tick_ms"
    }
}
