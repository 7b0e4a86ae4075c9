import Foundation
import PropCore

/// Foundation-based helpers for REST bodies (instrument lists): not on the hot path, so `JSONDecoder`
/// is fine there. Kept beside the scanner because both turn bytes into `VenueCodecError`s the same way.
enum RESTBodyDecoder {
    /// Decodes `T` from `body`, mapping `DecodingError` to a `VenueCodecError` that names the field path.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], venue: Venue) throws(VenueCodecError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let ctx):
                throw VenueCodecError(.missingField, field: path(ctx.codingPath + [key]), venue: venue)
            case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
                throw VenueCodecError(.wrongType, field: path(ctx.codingPath), venue: venue)
            case .dataCorrupted(let ctx):
                throw VenueCodecError(ctx.codingPath.isEmpty ? .notJSON : .badNumber, field: path(ctx.codingPath), venue: venue)
            @unknown default:
                throw VenueCodecError(.notJSON, field: "body", venue: venue)
            }
        } catch {
            throw VenueCodecError(.notJSON, field: "body", venue: venue)
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// A decimal string with trailing fractional zeros dropped, so tick `"0.10000000"` yields scale 1.
    static func significant<T: FixedPoint>(_ text: String, _ type: T.Type, field: String, venue: Venue) throws(VenueCodecError) -> T {
        guard let v = T(text) else { throw VenueCodecError(.badNumber, field: field, venue: venue) }
        var u = v.units, s = v.scale
        while s > 0, u % 10 == 0 { u /= 10; s -= 1 }
        return T(units: u, scale: s)
    }
}
