/// Whether enough venues have fresh market data for cross-venue arbitrage (`/live-readiness` `data_quorum`).
public struct DataQuorum: Sendable, Hashable, Codable {
    public var ok: Bool
    /// Enabled venues whose `md.<venue>` is GREEN or YELLOW.
    public var fresh: [String]
    /// How many are needed (two legs need two venues).
    public var required: Int

    enum CodingKeys: String, CodingKey { case ok, fresh, required }
}
