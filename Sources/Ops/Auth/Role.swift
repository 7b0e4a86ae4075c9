/// What a token may do: `viewer` reads, `operator` controls trading, `admin` also changes config.
/// Ordered: a higher role can do everything a lower one can.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    case viewer
    case `operator`
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    public var description: String { rawValue }

    /// Russian name for messages.
    public var titleRu: String {
        switch self {
        case .viewer: "наблюдатель (viewer)"
        case .operator: "оператор (operator)"
        case .admin: "администратор (admin)"
        }
    }
}
