extension OrderManager {
    /// Fires every deadline due at `nowNs`, in submission order:
    /// - a place with no answer ⇒ `unknown` and `.query` (never a new id);
    /// - an `unknown` order ⇒ `.query` again every place timeout until the venue answers;
    /// - a re-check scheduled after an "unknown order" answer for an acknowledged order ⇒ `.query`;
    /// - a cancel with no confirmation ⇒ `.query`, and the answer re-cancels if the order is still live.
    public mutating func onTimer(nowNs: UInt64) -> [OrderCommand] {
        var commands: [OrderCommand] = []
        for id in sequence {
            guard let before = byId[id], !before.state.isFinal else { continue }
            var queried = false
            if before.state == .new || before.state == .sent, let due = before.placeDeadlineNs, due <= nowNs {
                var out = ApplyOutcome()
                run(id, .placeTimedOut, nowNs, &out)
                commands += out.commands
                queried = true
            } else if before.state == .unknown, (before.queryDeadlineNs ?? 0) <= nowNs {
                queried = true
            } else if before.state.progress >= 2, let due = before.queryDeadlineNs, due <= nowNs {
                queried = true
            }
            if before.cancelRequested, let due = before.cancelDeadlineNs, due <= nowNs {
                queried = true
                byId[id]?.cancelCheckPending = true
                byId[id]?.cancelDeadlineNs = nowNs &+ settings.cancelTimeoutNs
            }
            guard queried, let order = byId[id] else { continue }
            commands.append(query(order, nowNs))
            // Only `unknown` keeps a standing query deadline; for others the re-check was one-shot.
            if order.state != .unknown { byId[id]?.queryDeadlineNs = nil }
        }
        return commands
    }
}
