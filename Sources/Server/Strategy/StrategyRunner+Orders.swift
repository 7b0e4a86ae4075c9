import Engine
import PropCore
import Venues

extension StrategyRunner {
    /// Carries out the engine's commands: each order is its own task (the engine does not wait for the wire).
    func perform() {
        recordPhases()
        guard !commands.isEmpty else { return }
        let batch = commands
        commands.removeAll(keepingCapacity: true)
        for command in batch {
            switch command {
            case .place(let legs):
                for leg in legs { send(leg) }
            case .cancel(let key):
                if let id = clientIdByKey[key] { Task { [executor] in await executor.cancel(clientOrderId: id) } }
                else { pendingCancels.insert(key) }
            case .hold(let reason):
                logger.critical("strategy HOLD", metadata: ["reason": "\(reason)"])
            case .alert(let code, let text):
                raise(code, text)
            }
        }
    }

    /// Journals and sends one leg; the parent id is the arbitrage, the journal reason names the leg.
    func send(_ leg: LegOrder) {
        let draft = OrderDraft(instrument: leg.instrument, side: leg.side, type: .limit, timeInForce: leg.timeInForce,
                               price: leg.price, qty: leg.qty, reduceOnly: leg.reduceOnly)
        let why = Self.why(leg)
        Task { [executor, time] in
            let started = time.monotonicNanos()
            let result = await executor.place(draft, parentId: leg.key.arbitrageId, why: why)
            await self.placed(leg.key, result, venue: leg.instrument.venue, nanos: time.monotonicNanos() &- started)
        }
    }

    /// `arb_entry arb7-3#0`: the leg's purpose and key, written into the intent so the journal names it.
    static func why(_ leg: LegOrder) -> String { "\(leg.purpose.journalReason) \(leg.key)" }

    /// The leg key inside a journal reason written by `why(_:)`.
    static func key(fromWhy why: String, parentId: String?) -> LegKey? {
        guard let parentId, why.hasPrefix("arb_"), let hash = why.lastIndex(of: "#"),
              let index = Int(why[why.index(after: hash)...]) else { return nil }
        return LegKey(arbitrageId: parentId, index: index)
    }

    /// A place that ended before the venue (denied, rejected) is final for the engine now.
    func placed(_ key: LegKey, _ result: PlaceResult, venue: Venue, nanos: UInt64) {
        if case .accepted = result, engine != nil {
            // The maker leg rests on the slower venue: a moving average of accepted places' round trips.
            let old = engine!.venueLatencyNs[venue] ?? nanos
            engine!.venueLatencyNs[venue] = (old * 7 + nanos) / 8
        }
        switch result {
        case .denied(let code, let text):
            raise("leg_denied", "Ордер \(key) не выставлен: \(text)")
            final(key, .denied(code: code))
        case .rejected(_, let error):
            final(key, .rejected(code: error.code))
        case .accepted, .unresolved:
            break
        }
    }

    /// One update from the order path.
    func handle(_ update: ExecutionUpdate) {
        switch update {
        case .journaled(let id, let parent, let why):
            guard let key = Self.key(fromWhy: why, parentId: parent) else { return }
            keyByClientId[id] = key; clientIdByKey[key] = id
            if pendingCancels.remove(key) != nil { Task { [executor] in await executor.cancel(clientOrderId: id) } }
        case .fill(let fill):
            guard let key = keyByClientId[fill.clientOrderId], engine != nil else { return }
            recentFills.append(fill)
            fillSequence += 1
            if recentFills.count > 500 { recentFills.removeFirst(recentFills.count - 500) }
            engine!.onFill(key, LegFill(price: fill.price, qty: fill.qty, fee: fill.fee, isMaker: fill.isMaker,
                                  tradeId: fill.tradeId, tsMs: fill.tsMs),
                     nowNs: time.monotonicNanos(), wallMs: time.wallMillis(), into: &commands)
            perform()
        case .funding(let instrument, let amount, let tsMs):
            // The venue's funding history is the source; the settlement time keys it, so a replay books it once.
            guard let slot = engine?.slot(of: instrument) else { return }
            engine?.onFundingPayment(slot: slot, amount: amount, id: "\(tsMs)")
        case .final(let id, let state, let code, let filled):
            guard let key = keyByClientId[id] else { return }
            final(key, state == .rejected ? .rejected(code: code ?? "rejected") : .done, filled: filled)
        }
    }

    func final(_ key: LegKey, _ outcome: LegOutcome, filled: Qty? = nil) {
        guard engine != nil else { return }
        engine!.onLegFinal(key, outcome, venueFilledQty: filled, nowNs: time.monotonicNanos(), wallMs: time.wallMillis(), into: &commands)
        perform()
    }

    func raise(_ code: String, _ messageRu: String) {
        alerts.append(ExecutionAlert(code: code, messageRu: messageRu, wallMs: time.wallMillis()))
        alertSequence += 1
        if alerts.count > 500 { alerts.removeFirst(alerts.count - 500) }
        logger.error("strategy alert", metadata: ["code": "\(code)", "message": "\(messageRu)"])
    }
}
