/// Market type part of an instrument id.
public enum InstrumentType: String, Sendable, Hashable, Codable {
    case perp = "PERP"
    case spot = "SPOT"
}

/// Canonical instrument id `VENUE:TYPE:BASE-QUOTE[:KIND]`, e.g. `BINANCE:PERP:BTC-USDT`.
/// The same ticker on two venues is two different ids with independent limits.
public struct InstrumentId: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var venue: Venue
    public var type: InstrumentType
    public var base: String
    public var quote: String
    /// Optional qualifier (e.g. a delivery date); `nil` for perpetuals.
    public var kind: String?

    public init(venue: Venue, type: InstrumentType = .perp, base: String, quote: String, kind: String? = nil) {
        self.venue = venue; self.type = type; self.base = base; self.quote = quote; self.kind = kind
    }

    /// Parses `VENUE:TYPE:BASE-QUOTE[:KIND]`; see `InstrumentIdError` for what is rejected.
    public init(parsing text: String) throws(InstrumentIdError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4 else { throw .malformed(text) }
        guard let venue = Venue(canonicalName: parts[0]), parts[0] == parts[0].uppercased() else {
            throw .unknownVenue(text, parts[0])
        }
        guard let type = InstrumentType(rawValue: parts[1]) else { throw .unknownType(text, parts[1]) }
        let pair = parts[2].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard pair.count == 2, pair.allSatisfy(Self.isAssetCode) else { throw .malformed(text) }
        if parts.count == 4, !Self.isAssetCode(parts[3]) { throw .malformed(text) }
        self.init(venue: venue, type: type, base: pair[0], quote: pair[1], kind: parts.count == 4 ? parts[3] : nil)
    }

    /// `BASE-QUOTE`, the venue-independent pair.
    public var pair: String { "\(base)-\(quote)" }

    public var description: String {
        "\(venue.canonicalName):\(type.rawValue):\(pair)" + (kind.map { ":" + $0 } ?? "")
    }

    public static func < (a: InstrumentId, b: InstrumentId) -> Bool { a.description < b.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try InstrumentId(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func isAssetCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 20 && s.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
    }
}

/// Why an instrument id string was rejected.
public enum InstrumentIdError: PropError, Equatable {
    case malformed(String)
    case unknownVenue(String, String)
    case unknownType(String, String)

    public var code: String {
        switch self {
        case .malformed: "instrument_id_malformed"
        case .unknownVenue: "instrument_id_unknown_venue"
        case .unknownType: "instrument_id_unknown_type"
        }
    }

    public var messageRu: String {
        switch self {
        case .malformed(let s): "Неверный идентификатор инструмента «\(s)»"
        case .unknownVenue(let s, let v): "Неизвестная биржа «\(v)» в идентификаторе «\(s)»"
        case .unknownType(let s, let t): "Неизвестный тип рынка «\(t)» в идентификаторе «\(s)»"
        }
    }

    public var hintRu: String {
        switch self {
        case .malformed: "Формат: БИРЖА:ТИП:БАЗА-КОТИРОВКА, например BINANCE:PERP:BTC-USDT (заглавные буквы)"
        case .unknownVenue: "Допустимые биржи: BINANCE, OKX, BYBIT"
        case .unknownType: "Допустимые типы: PERP, SPOT"
        }
    }
}
