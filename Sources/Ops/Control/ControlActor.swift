/// Who drives a control input: an operator (with the second operator when the two-man rule approved it) or
/// the runtime itself (`system`).
public struct ControlActor: Sendable, Hashable, Codable {
    /// Operator name, or `system`.
    public var name: String
    /// The second operator who approved this input under the two-man rule; nil for a single-key action.
    public var approvedBy: String?

    /// An actor.
    public init(name: String, approvedBy: String? = nil) {
        self.name = name; self.approvedBy = approvedBy
    }

    /// The runtime (automatic HOLD, KILL steps, startup checks).
    public static let system = ControlActor(name: "system")

    /// Whether this is the runtime rather than a person.
    public var isSystem: Bool { name == Self.system.name && approvedBy == nil }

    /// Whether two different operators stand behind this input.
    public var hasTwoKeys: Bool {
        guard let approvedBy else { return false }
        return !isSystem && approvedBy != name
    }

    enum CodingKeys: String, CodingKey {
        case name
        case approvedBy = "approved_by"
    }
}
