import NIOHTTP1
import PropCore

/// A successful (`retCode` 0) Bybit answer: `result`, `retExtInfo` (per-item codes of batch calls) and the venue time.
struct BybitAnswer: Sendable {
    var result: JSONTree
    var extInfo: JSONTree
    var timeMs: Int64
}

extension BybitTradingClient {
    /// Signs and sends one request, then classifies the answer: `retCode` 0 returns, anything else throws.
    /// A body we cannot read is unresolved (the request may have taken effect), never a crash or a reject.
    func call(_ method: HTTPMethod, _ path: String, query: String = "", body: String? = nil, cost: RequestCost,
              clientOrderId: String = "") async throws(VenueOrderError) -> BybitAnswer {
        try await call(method, path, query: query, bodyBytes: body.map { Array($0.utf8) }, cost: cost, clientOrderId: clientOrderId)
    }

    /// `call` with the body already as the bytes that are signed and sent.
    func call(_ method: HTTPMethod, _ path: String, query: String = "", bodyBytes: [UInt8]?, cost: RequestCost,
              clientOrderId: String = "") async throws(VenueOrderError) -> BybitAnswer {
        let ts = clock.nowMs
        let sign = method == .GET
            ? signer.signature(timestampMs: ts, apiKey: apiKey, recvWindowMs: recvWindowMs, payload: query)
            : signer.signature(timestampMs: ts, apiKey: apiKey, recvWindowMs: recvWindowMs, payloadBytes: bodyBytes ?? [])
        var headers: [(String, String)] = [
            (BybitSigner.apiKeyHeader, apiKey),
            (BybitSigner.timestampHeader, String(ts)),
            (BybitSigner.recvWindowHeader, String(recvWindowMs)),
            (BybitSigner.signHeader, sign),
        ]
        if method == .POST { headers.append(("Content-Type", "application/json")) }
        let pathAndQuery = query.isEmpty ? path : path + "?" + query
        let response = try await http.send(method: method, pathAndQuery: pathAndQuery, body: bodyBytes,
                                           headers: headers, cost: cost)
        let now = clock.nowMs
        guard let json = JSONTree.parse(response.body), let retCode = json["retCode"]?.int64 else {
            if response.status != 200 {
                throw BybitTradingErrors.httpError(status: response.status, path: path, headers: response.headers, nowMs: now)
            }
            throw .unresolved(venue: .bybit, path: path, detail: "ответ биржи не разобран (нет retCode)")
        }
        guard retCode == 0 else {
            throw BybitTradingErrors.error(retCode: retCode, retMsg: json["retMsg"]?.text ?? "", clientOrderId: clientOrderId,
                                           headers: response.headers, nowMs: now)
        }
        if response.status >= 500 {
            throw .unresolved(venue: .bybit, path: path, detail: "HTTP \(response.status)")
        }
        return BybitAnswer(result: json["result"] ?? .null, extInfo: json["retExtInfo"] ?? .null,
                           timeMs: json["time"]?.int64 ?? now)
    }

    /// Per-item outcome of a batch call: `result.list[i]` with `retExtInfo.list[i].code`; a missing item is unresolved.
    func perItem(_ answer: BybitAnswer, count: Int, path: String, ids: [String]) -> [Result<JSONTree, VenueOrderError>] {
        let list = answer.result["list"]?.array ?? []
        let codes = answer.extInfo["list"]?.array ?? []
        return (0..<count).map { i in
            guard i < list.count else {
                return .failure(.unresolved(venue: .bybit, path: path, detail: "нет результата для элемента \(i) пакета"))
            }
            let code = i < codes.count ? (codes[i]["code"]?.int64 ?? 0) : 0
            if code != 0 {
                return .failure(BybitTradingErrors.error(retCode: code, retMsg: codes[i]["msg"]?.text ?? "",
                                                         clientOrderId: ids[i], nowMs: answer.timeMs))
            }
            return .success(list[i])
        }
    }

    /// Decodes `result.list` items; a malformed item makes the whole answer unresolved (never half-read).
    func decodeList<T>(_ answer: BybitAnswer, path: String,
                       _ decode: (JSONTree, String) throws(VenueCodecError) -> T) throws(VenueOrderError) -> [T] {
        guard let list = answer.result["list"]?.array else {
            throw .unresolved(venue: .bybit, path: path, detail: "в ответе нет result.list")
        }
        var out: [T] = []
        for (i, item) in list.enumerated() {
            do throws(VenueCodecError) { out.append(try decode(item, "result.list[\(i)]")) } catch {
                throw .unresolved(venue: .bybit, path: path, detail: error.messageRu)
            }
        }
        return out
    }

    /// Follows `nextPageCursor` (at most 50 pages) and decodes every item.
    func paged<T>(path: String, base: [(String, String)], endpoint: String,
                  _ decode: (JSONTree, String) throws(VenueCodecError) -> T) async throws(VenueOrderError) -> [T] {
        var out: [T] = []
        var cursor = ""
        for _ in 0..<50 {
            var items = base
            if !cursor.isEmpty { items.append(("cursor", cursor)) }
            let answer = try await call(.GET, path, query: BybitTradingRequests.query(items),
                                        cost: RequestCost(priority: .query, endpoint: endpoint))
            out += try decodeList(answer, path: path, decode)
            let next = answer.result["nextPageCursor"]?.text ?? ""
            let pageSize = answer.result["list"]?.array?.count ?? 0
            if next.isEmpty || next == cursor || pageSize == 0 { break }
            cursor = next
        }
        return out
    }

    /// The report for an accepted order: the venue only acknowledges ids, the state follows on the stream.
    func acknowledged(_ o: OrderRequest, venueOrderId: String, atMs: Int64) -> OrderReport {
        OrderReport(instrument: o.instrument, clientOrderId: o.clientOrderId, venueOrderId: venueOrderId, side: o.side,
                    type: o.type, timeInForce: o.timeInForce, price: o.price, qty: o.qty, filledQty: .zero,
                    averagePrice: nil, status: .new, reduceOnly: o.reduceOnly, updateMs: atMs)
    }

    /// Bybit accepts a crossing PostOnly order and cancels it at once (`EC_PostOnlyWillTakeLiquidity`); one
    /// query turns that into `.postOnlyWouldTake`. If the query itself fails the ack stands (the stream will tell).
    func confirmPostOnly(_ o: OrderRequest, ack: OrderReport) async throws(VenueOrderError) -> OrderReport {
        guard o.timeInForce == .postOnly, o.type == .limit else { return ack }
        do throws(VenueOrderError) {
            let state = try await queryOrderState(instrument: o.instrument, clientOrderId: o.clientOrderId)
            if state.postOnlyWouldTake { throw VenueOrderError.postOnlyWouldTake(venue: .bybit, clientOrderId: o.clientOrderId) }
            return state.report
        } catch {
            if case .postOnlyWouldTake = error { throw error }
            return ack
        }
    }

    /// The order's state after a successful cancel or amend (one query). If that query fails, a minimal
    /// report with the ids and `fallbackStatus` (quantities unknown, zero) — the action itself succeeded.
    func stateAfter(instrument: InstrumentId, clientOrderId: String, venueOrderId: String,
                    fallbackStatus: VenueOrderStatus, atMs: Int64) async -> OrderReport {
        if let state = try? await queryOrderState(instrument: instrument, clientOrderId: clientOrderId) { return state.report }
        return OrderReport(instrument: instrument, clientOrderId: clientOrderId, venueOrderId: venueOrderId, side: .buy,
                           type: .limit, timeInForce: .gtc, price: nil, qty: .zero, filledQty: .zero, averagePrice: nil,
                           status: fallbackStatus, reduceOnly: false, updateMs: atMs)
    }
}
