import Engine
import Journal
import PropCore
import Venues

extension OrderExecutor {
    /// Journals what the order manager concluded, raises its alerts and performs its commands.
    func absorb(_ outcome: ApplyOutcome) async {
        for fill in outcome.newFills { await journalFill(fill) }
        for t in outcome.transitions {
            if t.to == .acked { crash(.betweenAckAndFill) }
            guard let order = manager.order(t.clientOrderId), let kind = Self.journalKind(for: t.to) else { continue }
            await journal(kind, order: order.request, venueOrderId: order.venueOrderId, reason: order.lastReasonCode ?? t.cause)
        }
        for illegal in outcome.illegal {
            raise("order_illegal_transition", "\(illegal)")
        }
        for event in outcome.foreign {
            if case .order(let report) = event, !report.status.isFinal { await cancelOrphan(report) }
            if case .fill(let fill) = event { await journalFill(fill) }
        }
        notify(outcome)
        for id in outcome.fillsMissing { await fetchFills(of: id) }
        for command in outcome.commands { await execute(command) }
    }

    /// Performs one order-manager command against the venue and feeds the answer back.
    func execute(_ command: OrderCommand) async {
        switch command {
        case .place(let request), .resend(let request):
            guard let api = venues[request.venue] else { return }
            _ = await send(request, api: api)
        case .cancel(let instrument, let id):
            guard let api = venues[instrument.venue], let order = manager.order(id) else { return }
            await journal(.cancelRequest, order: order.request, venueOrderId: order.venueOrderId, reason: "cancel")
            let result: Result<OrderReport, CancelOutcome>
            do { result = .success(try await api.cancel(instrument: instrument, clientOrderId: id)) } catch {
                switch error {
                case .unknownOrder: result = .failure(.unknownOrder)
                default: result = .failure(error.outcome == .unresolved ? .unresolved(reason: error.code) : .rejected(code: error.code))
                }
            }
            // "Unknown order" is not a failed cancel: the order had already ended (filled or gone).
            let failed: Bool
            switch result {
            case .success, .failure(.unknownOrder): failed = false
            case .failure: failed = true
            }
            sloSamples.append(.cancel(failed: failed, atMs: time.wallMillis()))
            await absorb(manager.cancelResult(id, result, nowNs: nowNs))
        case .query(let instrument, let id):
            guard let api = venues[instrument.venue] else { return }
            do {
                let report = try await api.queryOrder(instrument: instrument, clientOrderId: id)
                await absorb(manager.reconcile(id, venueAnswer: report, nowNs: nowNs))
            } catch .unknownOrder {
                await absorb(manager.reconcile(id, venueAnswer: nil, nowNs: nowNs))
            } catch {
                // Still unknown: the manager's query deadline asks again; nothing is dropped.
                logger.warning("query failed", metadata: ["client_order_id": "\(id)", "code": "\(error.code)"])
            }
        case .alert(let code, let text):
            raise(code, text)
        }
    }

    /// Writes a fill once (stream and REST may both deliver it; the database's unique index guards restarts).
    func journalFill(_ fill: FillReport) async {
        guard !bookedFills.contains(fill.dedupKey) else { return }
        // Stream fills are journalled before the manager sees them, REST/report fills after: count this one once.
        let filled = manager.order(fill.clientOrderId).map { o in
            (o.fillKeys.contains(fill.dedupKey) ? o.bookedFillQty : o.bookedFillQty + fill.qty) >= o.request.qty
        } ?? false
        let entry = JournalEntry(kind: filled ? .fill : .partial, reason: fill.side.rawValue, venue: fill.instrument.venue,
                                 instrument: fill.instrument, clientOrderId: fill.clientOrderId,
                                 venueOrderId: fill.venueOrderId, price: fill.price, qty: fill.qty,
                                 wallMs: time.wallMillis(), monoNs: time.monotonicNanos(), epoch: epoch,
                                 tradeId: fill.tradeId, fee: fill.fee)
        do {
            if case .appended = try await writer.append(entry) { metrics?.filled(fill.instrument.venue) }
            bookedFills.insert(fill.dedupKey)
        } catch {
            raise("journal_write_failed", "Сделка \(fill.tradeId) по \(fill.clientOrderId) не записана в журнал: \(error.messageRu)")
            hold("журнал недоступен")
        }
    }

    /// Appends one venue event or intent row for `order`. Intents (`cancel_req`) wait for the fsync; venue answers
    /// (ack, canceled, reject, expire) are queued in order without waiting — a crash before their commit only means
    /// recovery asks the venue again, which it does for every unfinished order anyway.
    func journal(_ kind: JournalEventKind, order: OrderRequest, venueOrderId: String?, reason: String?) async {
        let entry = JournalEntry(kind: kind, reason: reason, venue: order.venue, instrument: order.instrument,
                                 clientOrderId: order.clientOrderId, venueOrderId: venueOrderId,
                                 price: order.price, qty: order.qty, wallMs: time.wallMillis(),
                                 monoNs: time.monotonicNanos(), epoch: epoch)
        if kind == .cancelRequest || kind == .place {
            do { try await writer.append(entry) } catch { journalFailed(kind, order.clientOrderId, error) }
        } else {
            writer.enqueue(entry) { [weak self] error in
                Task { await self?.journalFailed(kind, order.clientOrderId, error) }
            }
        }
    }

    func journalFailed(_ kind: JournalEventKind, _ clientOrderId: String, _ error: JournalError) {
        raise("journal_write_failed", "Событие \(kind.rawValue) по \(clientOrderId) не записано в журнал: \(error.messageRu)")
        hold("журнал недоступен")
    }

    /// The venue reports filled quantity we have no fill records for: fetch the order's fills.
    func fetchFills(of clientOrderId: String) async {
        guard let order = manager.order(clientOrderId), let api = venues[order.instrument.venue] else { return }
        let since = time.wallMillis() - 24 * 3_600_000
        do {
            for fill in try await api.fills(instrument: order.instrument, sinceMs: since) where fill.clientOrderId == clientOrderId {
                await handle(.fill(fill))
            }
        } catch {
            logger.warning("fills fetch failed", metadata: ["client_order_id": "\(clientOrderId)", "code": "\(error.code)"])
        }
    }

    /// An open order on the venue that the journal does not know: cancel it and report it.
    func cancelOrphan(_ report: OrderReport) async {
        guard let api = venues[report.instrument.venue] else { return }
        do {
            _ = try await api.cancel(instrument: report.instrument, clientOrderId: report.clientOrderId)
            orphansCancelled.append(report)
            metrics?.orphanCancelled(report.instrument.venue)
            raise("orphan_order_cancelled", "На \(report.instrument.venue.canonicalName) найден неизвестный журналу ордер \(report.clientOrderId) (\(report.instrument)); он отменён")
        } catch .unknownOrder {
            // Already gone.
        } catch {
            raise("orphan_cancel_failed", "Не удалось отменить неизвестный журналу ордер \(report.clientOrderId) на \(report.instrument.venue.canonicalName): \(error.messageRu)")
        }
    }

    static func journalKind(for state: OrderState) -> JournalEventKind? {
        switch state {
        case .acked: .ack
        case .canceled: .canceled
        case .rejected: .reject
        case .expired: .expire
        case .new, .sent, .partiallyFilled, .filled, .unknown: nil
        }
    }
}
