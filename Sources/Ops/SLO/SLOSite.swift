/// Where the bot runs, which picks the SLO targets (RG-5: the laptop is held to tighter latency than a VPS).
public enum SLOSite: String, Sendable, Hashable, CaseIterable, Codable {
    case local
    case vps
}
