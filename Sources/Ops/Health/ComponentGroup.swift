/// Priority group of a component on the System Status page (§10.2): P0 must be green to trade.
public enum ComponentGroup: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"

    public static func < (a: ComponentGroup, b: ComponentGroup) -> Bool { a.rawValue < b.rawValue }
}
