/// `/leverage off|on <max>`: leverage off (1×) or on with a ceiling.
public enum LeverageSetting: Sendable, Hashable, Codable {
    /// No leverage beyond 1×.
    case off
    /// Leverage allowed up to `max`× (1 … the profile's `risk.max_leverage`).
    case on(max: Int)

    /// The ceiling this setting allows, ×.
    public var ceiling: Int {
        switch self {
        case .off: 1
        case .on(let max): max
        }
    }

    /// `off` or `on 3`.
    public var text: String {
        switch self {
        case .off: "off"
        case .on(let max): "on \(max)"
        }
    }
}

extension LeverageSetting {
    private enum CodingKeys: String, CodingKey { case enabled, max }

    /// JSON: `{"enabled": false, "max": 1}` or `{"enabled": true, "max": 3}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self != .off, forKey: .enabled)
        try c.encode(ceiling, forKey: .max)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = try c.decode(Bool.self, forKey: .enabled) ? .on(max: try c.decode(Int.self, forKey: .max)) : .off
    }
}
