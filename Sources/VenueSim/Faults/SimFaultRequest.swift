import Foundation
import PropCore

/// Decodes the admin API's fault JSON (`{"venue":…,"kind":…,"params":{count,duration_ms,status,symbol,path}}`)
/// with a Russian error naming the offending field, so an operator typing curl sees what to fix.
public enum SimFaultRequest {
    /// Parses a request body into a fault.
    public static func parse(_ body: [UInt8]) throws(SimAdminError) -> SimFault {
        guard let any = try? JSONSerialization.jsonObject(with: Data(body)), let obj = any as? [String: Any] else {
            throw .notJSONObject
        }
        guard let venueRaw = obj["venue"] else { throw .missingField("venue") }
        guard let venueText = venueRaw as? String, let venue = Venue(rawValue: venueText.lowercased()) else {
            throw .invalidField("venue", "ожидается binance, okx или bybit")
        }
        guard let kindRaw = obj["kind"] else { throw .missingField("kind") }
        guard let kindText = kindRaw as? String, let kind = SimFaultKind(rawValue: kindText) else {
            throw .invalidField("kind", "неизвестный вид сбоя")
        }
        let params: [String: Any]
        switch obj["params"] {
        case nil, is NSNull: params = [:]
        case let p as [String: Any]: params = p
        default: throw .invalidField("params", "ожидается JSON-объект")
        }
        var fault = SimFault(venue: venue, kind: kind)
        if let c = try int(params, "count", min: 1) { fault.count = c }
        if let d = try int(params, "duration_ms", min: 0) { fault.durationMillis = d }
        if let st = try int(params, "status", min: 100) {
            guard [403, 418, 429].contains(st) || (500...599).contains(st) else {
                throw .invalidField("params.status", "ожидается 5xx, 429, 418 или 403")
            }
            fault.status = st
        }
        if let symRaw = params["symbol"] {
            guard let sym = symRaw as? String, let id = instrument(sym, venue: venue) else {
                throw .invalidField("params.symbol", "инструмент не найден на бирже \(venue.rawValue)")
            }
            fault.instrument = id
        }
        if let pathRaw = params["path"] {
            guard let path = pathRaw as? String, path.hasPrefix("/"), kind == .restError else {
                throw .invalidField("params.path", "путь REST начинается с «/» и задаётся только для rest_error")
            }
            fault.path = path
        }
        if [.stall, .freezeBook, .latency].contains(kind), params["duration_ms"] == nil {
            throw .missingField("params.duration_ms")
        }
        return fault
    }

    /// Resolves a native symbol (`BTCUSDT`, `BTC-USDT-SWAP`), canonical id or bare base coin.
    static func instrument(_ text: String, venue: Venue) -> InstrumentId? {
        let ids = SimInstrumentSpec.all.map(\.id).filter { $0.venue == venue }
        if let id = try? InstrumentId(parsing: text), ids.contains(id) { return id }
        return ids.first { NativeSymbol.symbol(for: $0) == text || $0.base == text.uppercased() }
    }

    private static func int(_ params: [String: Any], _ key: String, min: Int) throws(SimAdminError) -> Int? {
        guard let raw = params[key] else { return nil }
        guard !(raw is String), let n = raw as? NSNumber, let v = Int(exactly: n.doubleValue), v >= min else {
            throw .invalidField("params.\(key)", "ожидается целое число ≥ \(min)")
        }
        return v
    }
}
