import Engine
import PropCore
import Venues

extension OrderExecutor {
    /// The private stream of `venue` dropped: events may be missed from now on. Unless it is back within
    /// `cancelOnDisconnectMs`, every open order there is cancelled over REST (the venue's dead-man switch is
    /// the second line if REST is down too).
    func streamDropped(_ venue: Venue, reason: String) {
        guard disconnectedAtMs[venue] == nil else { return }
        let at = time.wallMillis()
        disconnectedAtMs[venue] = at
        raise("private_stream_down", "Приватный канал \(venue.canonicalName) оборвался (\(reason)); без восстановления за \(settings.cancelOnDisconnectMs) мс ордера будут отменены")
        let bound = settings.cancelOnDisconnectMs
        disconnectTimers[venue]?.cancel()
        disconnectTimers[venue] = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(bound))
            guard !Task.isCancelled else { return }
            await self?.cancelIfStillDown(venue, since: at)
        }
    }

    /// Shutdown: no disconnect timer may start venue requests once the execution plane has stopped.
    func cancelDisconnectTimers() {
        for timer in disconnectTimers.values { timer.cancel() }
        disconnectTimers = [:]
    }

    func cancelIfStillDown(_ venue: Venue, since: Int64) async {
        guard disconnectedAtMs[venue] == since else { return }
        let n = await cancelAll(venue: venue, reason: "обрыв приватного канала")
        raise("cancel_on_disconnect", "Приватный канал \(venue.canonicalName) не восстановлен за \(settings.cancelOnDisconnectMs) мс: отменены ордера (\(n) отслеживаемых и все прочие)")
    }

    /// The stream is back (re-authenticated and subscribed): returns when it had dropped (nil if it had not).
    /// Venues do not replay what we missed, so the caller resynchronises from that time.
    func streamRestored(_ venue: Venue) -> Int64? {
        disconnectedAtMs.removeValue(forKey: venue)
    }

    /// Queries every tracked live order of `venue`, books fills since `sinceMs`, and cancels open venue orders
    /// the journal does not know.
    func resynchronize(_ venue: Venue, sinceMs: Int64) async {
        guard let api = venues[venue] else { return }
        let live = manager.openOrders(venue: venue)
        for order in live { await execute(.query(order.instrument, clientOrderId: order.clientOrderId)) }
        let instruments = Set(manager.allOrders.filter { $0.instrument.venue == venue }.map(\.instrument))
        for instrument in instruments.sorted() {
            do {
                for fill in try await api.fills(instrument: instrument, sinceMs: sinceMs) { await handle(.fill(fill)) }
            } catch {
                raise("fills_resync_failed", "Не удалось получить сделки \(instrument) после переподключения: \(error.messageRu)")
            }
        }
        do {
            for report in try await api.openOrders(instrument: nil) where manager.order(report.clientOrderId) == nil {
                await cancelOrphan(report)
            }
        } catch {
            raise("open_orders_resync_failed", "Не удалось получить открытые ордера \(venue.canonicalName): \(error.messageRu)")
        }
    }

    /// Arms or refreshes every venue's dead-man switch over the given instruments.
    public func refreshDeadManSwitches(instruments: [InstrumentId]) async {
        guard settings.deadManTimeoutMs > 0 else { return }
        for (venue, api) in venues {
            do {
                try await api.armDeadManSwitch(timeoutMs: settings.deadManTimeoutMs,
                                               instruments: instruments.filter { $0.venue == venue })
            } catch {
                raise("dead_man_refresh_failed", "Не удалось обновить выключатель «мёртвой руки» на \(venue.canonicalName): \(error.messageRu)")
            }
        }
    }
}
