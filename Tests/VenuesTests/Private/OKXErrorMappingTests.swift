import PropCore
import Testing
@testable import Venues

/// Every OKX code named in venues/okx-v5.md maps to the right `VenueOrderError` and outcome; envelopes,
/// HTTP statuses and unreadable bodies are classified without ever calling an unknown answer "failed".
@Suite struct OKXErrorMappingTests {
    static let table: [(code: String, expected: String, outcome: VenueOrderError.Outcome)] = [
        ("51016", "order_duplicate_client_id", .rejected),
        ("51400", "order_unknown", .rejected), ("51401", "order_unknown", .rejected), ("51402", "order_unknown", .rejected),
        ("51503", "order_unknown", .rejected), ("51603", "order_unknown", .rejected),
        ("51019", "order_post_only_would_take", .rejected),
        ("51169", "order_reduce_only_rejected", .rejected), ("51170", "order_reduce_only_rejected", .rejected),
        ("51008", "order_insufficient_margin", .rejected), ("51131", "order_insufficient_margin", .rejected),
        ("51000", "order_invalid", .rejected), ("51001", "order_invalid", .rejected), ("51020", "order_invalid", .rejected),
        ("51121", "order_invalid", .rejected), ("50014", "order_invalid", .rejected), ("51011", "order_invalid", .rejected),
        ("50102", "venue_timestamp_outside_window", .rejected),
        ("50111", "venue_auth_failed", .rejected), ("50113", "venue_auth_failed", .rejected), ("50105", "venue_auth_failed", .rejected),
        ("50112", "venue_auth_failed", .rejected), ("50103", "venue_auth_failed", .rejected),
        ("50011", "venue_rate_limited", .rejected), ("50061", "venue_rate_limited", .rejected),
        ("50001", "venue_unknown_code", .unresolved), ("50013", "venue_unknown_code", .unresolved),
        ("51071", "venue_unknown_code", .unresolved), ("99999", "venue_unknown_code", .unresolved),
    ]

    @Test func everyDocumentedCodeMaps() {
        for row in Self.table {
            let e = OKXTradingErrors.map(code: row.code, message: "m", clientOrderId: "c1")
            #expect(e.code == row.expected, "code \(row.code)")
            #expect(e.outcome == row.outcome, "code \(row.code)")
            #expect(e.venue == .okx)
            #expect(!e.messageRu.isEmpty && !e.hintRu.isEmpty)
        }
        #expect(OKXTradingErrors.map(code: "51016", message: "", clientOrderId: "abc") == .duplicateClientOrderId(venue: .okx, clientOrderId: "abc"))
    }

    func classify(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Result<[JSONTree], VenueOrderError> {
        Result { () throws(VenueOrderError) -> [JSONTree] in
            try OKXTradingResponse.data(status: status, headers: headers, body: Array(body.utf8), path: "/api/v5/trade/order", clientOrderId: "c1")
        }
    }

    @Test func envelopesAreClassified() throws {
        // The doc's place answer.
        let ok = try classify(200, #"{"code":"0","msg":"","data":[{"clOrdId":"oktswap6","ordId":"312269865356374016","tag":"","ts":"1695190491421","sCode":"0","sMsg":"Order placed"}],"inTime":"1695190491421339","outTime":"1695190491423240"}"#).get()
        #expect(ok.count == 1 && OKXTradingResponse.itemError(ok[0], clientOrderId: "oktswap6") == nil)
        // All failed: the item's sCode decides.
        let failed = try classify(200, #"{"code":"1","msg":"All operations failed","data":[{"clOrdId":"c1","ordId":"","sCode":"51008","sMsg":"Insufficient"}]}"#).get()
        #expect(OKXTradingResponse.itemError(failed[0], clientOrderId: "c1") == .insufficientMargin(venue: .okx, clientOrderId: "c1"))
        // An item without sCode is unresolved, not success.
        #expect(OKXTradingResponse.itemError(.object([:]), clientOrderId: "c1")?.outcome == .unresolved)
        // Top-level codes.
        #expect(throws: VenueOrderError.unknownOrder(venue: .okx, clientOrderId: "c1")) { try classify(200, #"{"code":"51603","msg":"Order does not exist","data":[]}"#).get() }
        #expect(throws: VenueOrderError.authenticationFailed(venue: .okx, code: "50113", message: "Invalid Sign")) {
            try classify(401, #"{"code":"50113","msg":"Invalid Sign","data":[]}"#).get()
        }
        // Rate limits: HTTP 429 with or without a readable body, Retry-After honoured.
        #expect(throws: VenueOrderError.rateLimited(venue: .okx, code: "50011", retryAfterMs: nil)) {
            try classify(429, #"{"code":"50011","msg":"Too Many Requests","data":[]}"#).get()
        }
        #expect(throws: VenueOrderError.rateLimited(venue: .okx, code: "429", retryAfterMs: 2000)) {
            try classify(429, "<html>slow down</html>", headers: ["retry-after": "2"]).get()
        }
    }

    @Test func unreadableOrServerErrorAnswersAreUnresolved() {
        for (status, body) in [(200, "not json"), (200, #"{"code":"0","msg":""}"#), (200, #"{"msg":"no code"}"#), (502, "Bad Gateway"),
                               (500, #"{"code":"50026","msg":"System error","data":[]}"#), (200, #"{"code":"0","data":{}}"#)] {
            switch classify(status, body) {
            case .success: Issue.record("accepted \(status) \(body)")
            case .failure(let e): #expect(e.outcome == .unresolved, "\(status) \(body) → \(e)")
            }
        }
    }

    @Test func errorsNeverCarryTheSecret() {
        let secret = "s3cr3t-OKX-value"
        let client = OKXTradingClient(baseURL: "http://127.0.0.1:1", apiKey: "k", secret: secret, passphrase: "p")
        #expect(!String(describing: client).contains(secret))
        #expect(!String(reflecting: client).contains(secret))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(secret) && !dumped.contains("\"p\""))
    }
}
