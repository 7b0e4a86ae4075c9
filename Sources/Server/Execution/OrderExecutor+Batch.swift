import Engine
import PropCore
import Venues

extension OrderExecutor {
    /// Orders per batch request each venue accepts.
    static func batchLimit(_ venue: Venue) -> Int {
        switch venue {
        case .binance: 5
        case .okx: 20
        case .bybit: 10
        }
    }

    /// Places several orders on ONE venue: every intent is journalled first (one group commit), then the
    /// requests go out in the venue's batch size. A crash between two batches leaves durable intents for the
    /// unsent orders, which restart recovery resolves by asking the venue. One result per draft, in order.
    public func placeBatch(_ drafts: [OrderDraft], parentId: String? = nil, why: String = "strategy") async -> [PlaceResult] {
        guard let venue = drafts.first?.instrument.venue else { return [] }
        guard drafts.allSatisfy({ $0.instrument.venue == venue }) else {
            let text = "Пачка не выставлена: в одной пачке ордера на разных биржах (поле instrument); пачка — одна биржа"
            return drafts.map { _ in .denied(code: "batch_mixed_venues", messageRu: text) }
        }
        let api: any VenueTradingAPI
        switch admit(venue) {
        case .failure(let denied): return drafts.map { _ in denied.result }
        case .success(let a): api = a
        }
        // Concurrent appends share fsyncs; each intent still returns only once durable.
        let journalled = await withTaskGroup(of: (Int, Result<OrderRequest, Denied>).self) { group in
            for (i, draft) in drafts.enumerated() {
                group.addTask { (i, await self.journalIntent(draft, parentId: parentId, why: why)) }
            }
            var out = [Result<OrderRequest, Denied>?](repeating: nil, count: drafts.count)
            for await (i, r) in group { out[i] = r }
            return out.map { $0! }
        }
        var results = journalled.map { r -> PlaceResult? in
            if case .failure(let denied) = r { return denied.result }
            return nil
        }
        let ready = journalled.enumerated().compactMap { i, r in (try? r.get()).map { (i, $0) } }
        let size = min(Self.batchLimit(venue), settings.maxBatchOrders)
        let chunks = stride(from: 0, to: ready.count, by: size).map { Array(ready[$0..<min($0 + size, ready.count)]) }
        for (n, chunk) in chunks.enumerated() {
            if n > 0 { crash(.midBatch) }
            for (_, request) in chunk { manager.markSent(request.clientOrderId, nowNs: nowNs) }
            crash(.beforeSend)
            let answers: [Result<OrderReport, VenueOrderError>]
            do { answers = try await api.placeBatch(chunk.map(\.1)) } catch {
                answers = chunk.map { _ in .failure(error) }
            }
            crash(.afterSend)
            for ((i, request), answer) in zip(chunk, answers) {
                results[i] = await applyPlaceAnswer(request.clientOrderId, answer)
            }
            // A short answer list leaves the rest unresolved: the manager's deadline queries them.
            for (i, request) in chunk.dropFirst(answers.count) {
                results[i] = .unresolved(clientOrderId: request.clientOrderId, reason: "биржа не ответила по этому ордеру пачки")
            }
        }
        return results.map { $0 ?? .denied(code: "internal", messageRu: "нет результата") }
    }
}
