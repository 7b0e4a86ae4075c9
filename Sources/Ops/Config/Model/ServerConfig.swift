/// Where the HTTP API and web UI listen.
public struct ServerConfig: Sendable, Equatable, Encodable {
    /// Bind address; loopback unless `allowRemote` is set.
    public var host: String
    /// TCP port, 0 = pick a free one.
    public var port: Int
    /// Explicit consent to bind a non-loopback address (the API controls trading).
    public var allowRemote: Bool

    /// Creates a server section.
    public init(host: String = "127.0.0.1", port: Int = 8000, allowRemote: Bool = false) {
        self.host = host; self.port = port; self.allowRemote = allowRemote
    }

    enum CodingKeys: String, CodingKey {
        case host, port
        case allowRemote = "allow_remote"
    }

    /// Whether `host` is a loopback address, reachable only from this machine.
    public var isLoopback: Bool { Self.isLoopback(host) }

    /// Whether a host name or address is loopback (`localhost`, `127.0.0.0/8`, `::1`).
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in UInt8(part).map { _ in true } ?? false }
    }
}
