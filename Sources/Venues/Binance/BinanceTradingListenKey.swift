import NIOHTTP1
import PropCore

/// The user-data stream's listen key: `POST`/`PUT`/`DELETE /fapi/v1/listenKey` with the API-key header only
/// (no signature), see venues/binance-usdm.md §3.
extension BinanceTradingClient {
    /// Creates a listen key (or returns the account's live one, extended by 60 minutes).
    public func createListenKey() async throws(VenueOrderError) -> String {
        let json = try await keyRequest(.POST)
        guard let key = json["listenKey"]?.text, !key.isEmpty else {
            throw .unresolved(venue: .binance, path: BinanceTradingPaths.listenKey, detail: "в ответе нет listenKey")
        }
        return key
    }

    /// Keeps the live listen key valid for another 60 minutes (send every ~30 minutes).
    public func keepAliveListenKey() async throws(VenueOrderError) {
        _ = try await keyRequest(.PUT)
    }

    /// Closes the user-data stream.
    public func closeListenKey() async throws(VenueOrderError) {
        _ = try await keyRequest(.DELETE)
    }

    private func keyRequest(_ method: HTTPMethod) async throws(VenueOrderError) -> JSONTree {
        let path = BinanceTradingPaths.listenKey
        let response = try await http.send(method: method, pathAndQuery: path, headers: [(BinanceSigner.apiKeyHeader, apiKey)],
                                           cost: BinanceTradingPaths.cost(method: method.rawValue, path: path, priority: .query))
        return try answer(response, path: path, clientOrderId: nil)
    }
}
