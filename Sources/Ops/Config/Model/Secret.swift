/// A secret value (API key, API secret, passphrase) that never prints itself.
///
/// `description`, `debugDescription`, reflection (`dump`) and `Encodable` output all show `***`, so a secret can
/// sit inside a config that is logged, dumped or served by `/show_config` without leaking. Only `reveal()` gives
/// the value, and it is meant for the one place that signs requests.
public struct Secret: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What every textual form of a secret shows instead of the value.
    public static let mask = "***"

    private let value: String

    /// Wraps a secret value.
    public init(_ value: String) { self.value = value }

    /// The real value. Call only where it is needed to sign or authenticate, never to print.
    public func reveal() -> String { value }

    /// Always `***`.
    public var description: String { Self.mask }

    /// Always `***`.
    public var debugDescription: String { Self.mask }

    /// No children, so `dump()` and `String(reflecting:)` of a containing value cannot reach the text.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Decodes a secret from a plain string (e.g. a secrets store).
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as `***`: encoded configs are for showing, never for carrying secrets.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.mask)
    }
}
