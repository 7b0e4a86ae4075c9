import Foundation
import Hummingbird
import PropCore

/// One authenticated OKX private REST request: its JSON body (POST) or query (GET), parsed leniently the way
/// the venue does (numbers may come as strings, `reduceOnly` as a bool or `"true"`).
struct OKXSimPrivateRequest: Sendable {
    /// POST body objects (one for single operations, several for batches).
    var objects: [[String: String]]
    /// GET query parameters.
    var query: [String: String]
    var nowMs: Int64

    func value(_ key: String) -> String? { objects.first?[key] ?? query[key] }

    /// OKX booleans: `true`, `"true"` (JSON `true` parses as NSNumber 1).
    static func isTrue(_ s: String?) -> Bool { s == "true" || s == "1" }

    /// Flattens a JSON object's scalar members to text; `true`/`false` stay `"true"`/`"false"`.
    static func flatten(_ any: Any) -> [String: String]? {
        guard let d = any as? [String: Any] else { return nil }
        var out: [String: String] = [:]
        for (k, v) in d {
            switch v {
            case let s as String: out[k] = s
            case let n as NSNumber:
                // Booleans arrive as NSNumber too (`true` reads "1"); `isTrue` accepts both spellings.
                out[k] = n.stringValue
            default: continue
            }
        }
        return out
    }

    /// Parses a POST body: an object or an array of objects. Nil for anything else.
    static func parseBody(_ body: String) -> [[String: String]]? {
        guard let any = try? JSONSerialization.jsonObject(with: Data(body.utf8)) else { return nil }
        if let one = flatten(any) { return [one] }
        guard let arr = any as? [Any] else { return nil }
        var out: [[String: String]] = []
        for a in arr { guard let o = flatten(a) else { return nil }; out.append(o) }
        return out
    }
}

extension SimState {
    /// Counts one request against an OKX per-endpoint limit; false when over it.
    func okxAllow(_ bucket: String, weight: Int = 1, limit: Int, windowMs: Int64) -> Bool {
        rateLimiter.consume("okx." + bucket, weight: weight, limit: limit, windowMs: windowMs, nowMs: nowMs).allowed
    }
}
