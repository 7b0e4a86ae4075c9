public import PropCore

/// Reads the OKX `{"code":…,"msg":…,"data":[…]}` envelope of a private answer and classifies failures:
/// HTTP 429 / `50011` → rate limited; 5xx or an unreadable body → unresolved (never "failed");
/// a known code → its definite error; code `1`/`2` (batch all/partly failed) → the per-item `sCode`s decide.
public enum OKXTradingResponse {
    /// The `data` array of a successful (or per-item) answer.
    public static func data(status: Int, headers: [String: String], body: [UInt8], path: String,
                            clientOrderId: String = "") throws(VenueOrderError) -> [JSONTree] {
        let retryAfter = headers["retry-after"].flatMap { Int64($0) }.map { $0 * 1000 }
        guard let root = JSONTree.parse(body), let code = root.literal("code") else {
            if status == 429 { throw .rateLimited(venue: .okx, code: "429", retryAfterMs: retryAfter) }
            throw .unresolved(venue: .okx, path: path, detail: "HTTP \(status), ответ не в формате OKX (\(body.count) байт)")
        }
        let msg = root.literal("msg") ?? ""
        if status == 429 || code == "50011" || code == "50061" {
            throw .rateLimited(venue: .okx, code: code, retryAfterMs: retryAfter)
        }
        switch code {
        case "0", "1", "2":
            guard case .array(let items)? = root["data"] else {
                throw .unresolved(venue: .okx, path: path, detail: "HTTP \(status), нет поля data")
            }
            return items
        default:
            let error = OKXTradingErrors.map(code: code, message: msg, clientOrderId: clientOrderId, retryAfterMs: retryAfter)
            // A server error with a code we do not know may still have acted: stay unresolved.
            if status >= 500, case .unknownVenueCode = error {
                throw .unresolved(venue: .okx, path: path, detail: "HTTP \(status), код \(code): \(msg)")
            }
            throw error
        }
    }

    /// Per-item result of an order operation: `sCode` `0` succeeded, anything else mapped to an error.
    public static func itemError(_ item: JSONTree, clientOrderId: String) -> VenueOrderError? {
        guard let sCode = item.literal("sCode") else {
            return .unresolved(venue: .okx, path: "sCode", detail: "в ответе нет sCode для \(clientOrderId)")
        }
        if sCode == "0" { return nil }
        return OKXTradingErrors.map(code: sCode, message: item.literal("sMsg") ?? "", clientOrderId: clientOrderId)
    }
}
