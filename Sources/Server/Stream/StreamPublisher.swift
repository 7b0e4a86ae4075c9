import Foundation
import Logging
import Ops
import PropCore

/// Feeds the operator stream from what the process already publishes: control events as they happen, the best
/// opportunity every 50 ms, PnL every 250 ms, new fills, alerts and cap denials every 200 ms, a heartbeat every
/// 5 s. It reads views; nothing on the engine's path waits for it.
struct StreamPublisher: Sendable {
    let hub: EventHub
    let service: CommandService?
    let strategy: StrategyRunner?
    let time: any TimeSource

    static let opportunityEveryMs: Int64 = 50
    static let pnlEveryMs: Int64 = 250
    static let executionEveryMs: Int64 = 200
    static let heartbeatEveryMs: Int64 = 5_000

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            if let service { group.addTask { await self.forwardControl(service) } }
            group.addTask { await self.pollViews() }
            await group.waitForAll()
        }
    }

    private func forwardControl(_ service: CommandService) async {
        for await event in await service.events() {
            switch event {
            case .transition, .settingsChanged:
                await hub.publish("control.changed", json: Self.json(await service.snapshot()))
            case .approvalRequested(let p):
                await hub.publish("approval.requested", json: Self.json(ApprovalPending(p)))
            case .approvalResolved(let id, let resolution, let by):
                await hub.publish("approval.resolved", json: Self.json(["id": id, "resolution": resolution.rawValue, "by": by]))
            }
        }
    }

    private func pollViews() async {
        var cursor = StreamCursor()
        var next = (opportunity: Int64(0), pnl: Int64(0), execution: Int64(0), heartbeat: Int64(0))
        while !Task.isCancelled {
            let now = time.wallMillis()
            if let strategy {
                if now >= next.opportunity {
                    next.opportunity = now + Self.opportunityEveryMs
                    if let best = await strategy.bestOpportunity() { await hub.publish("opportunity", json: Self.json(best)) }
                }
                if now >= next.pnl {
                    next.pnl = now + Self.pnlEveryMs
                    if let pnl = await strategy.pnlResponse() { await hub.publish("pnl", json: Self.json(pnl)) }
                }
                if now >= next.execution {
                    next.execution = now + Self.executionEveryMs
                    let news = await strategy.streamNews(since: cursor)
                    cursor = news.cursor
                    for fill in news.fills { await hub.publish("execution", json: Self.json(fill)) }
                    for alert in news.alerts { await hub.publish("alerts.raised", json: Self.json(alert)) }
                    for (code, count) in news.capDenials { await hub.publish("limits.breached", json: Self.json(["code": code, "count": String(count)])) }
                }
            }
            if now >= next.heartbeat {
                next.heartbeat = now + Self.heartbeatEveryMs
                let clients = await hub.clientCount
                await hub.heartbeat(json: Self.json(["ts": ISO8601Millis.string(fromMillis: now), "clients": String(clients)]))
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        (try? ControlRoutes.jsonData(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// How far the publisher has read the strategy's fills, alerts and denials.
struct StreamCursor: Sendable {
    var fills: UInt64 = 0
    var alerts: UInt64 = 0
    var denials: [String: Int] = [:]
}

extension StrategyRunner {
    /// The best route now, as `/api/opportunities` shows it.
    func bestOpportunity() -> OpportunityRow? { engine?.board.all.first.map(OpportunityRow.init) }

    /// Fills, alerts and cap denials since `cursor` (denials: `risk_*_cap` counts that grew).
    func streamNews(since cursor: StreamCursor) -> (fills: [FillRow], alerts: [ExecutionAlert], capDenials: [(String, Int)], cursor: StreamCursor) {
        var next = cursor
        let newFills = Int(min(fillSequence - cursor.fills, UInt64(recentFills.count)))
        let newAlerts = Int(min(alertSequence - cursor.alerts, UInt64(alerts.count)))
        next.fills = fillSequence; next.alerts = alertSequence
        var caps: [(String, Int)] = []
        if let e = engine {
            var counts = e.risk.denialsByCode
            for (code, n) in e.skipsByCode { counts[code, default: 0] += n }
            for (code, n) in counts.sorted(by: { $0.key < $1.key }) where code.hasSuffix("_cap") && n > (cursor.denials[code] ?? 0) {
                caps.append((code, n))
            }
            next.denials = counts
        }
        return (recentFills.suffix(newFills).map(FillRow.init), Array(alerts.suffix(newAlerts)), caps, next)
    }
}
