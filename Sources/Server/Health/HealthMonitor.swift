import Foundation
import Journal
import Logging
import Ops
import PropCore

/// Measures the running process once a second into the health registry and the SLO engine, forwards the SLO
/// engine's HOLD decisions to the command service, and publishes health changes on the stream. Components it
/// cannot measure in this process stay GRAY (not counted in the score) rather than claiming GREEN.
actor HealthMonitor {
    var registry: HealthRegistry
    var slo: SLOEngine
    let board: StatusBoard
    let readinessBuilder = ReadinessBuilder()
    var lastReport: SLOReport
    var lastReadiness: Bool?
    var lastOverall: HealthStatus?
    let profile: ProfileConfig
    let hub: MarketDataHub
    let execution: ExecutionPlane
    let strategy: StrategyRunner?
    let control: ControlPlane
    let stream: EventHub?
    let time: any TimeSource
    var lastSampleMs: Int64 = 0
    var auditChecked: (atMs: Int64, ok: Bool, detail: String) = (0, true, "")

    init(profile: ProfileConfig, hub: MarketDataHub, execution: ExecutionPlane, strategy: StrategyRunner?,
         control: ControlPlane, stream: EventHub?, time: any TimeSource) throws {
        let thresholds = try StatusThresholdsLoader.load(for: profile.status)
        var registry = HealthRegistry(policy: thresholds.health)
        try registry.register(all: StandardComponents.catalogue(enabledVenues: Set(profile.venues.enabledVenues), simulator: profile.sim.enabled))
        self.registry = registry
        slo = thresholds.makeSLOEngine(site: profile.status.site, maxClockSkewMs: profile.ops.maxClockSkewMs)
        board = StatusBoard(thresholds: thresholds, site: profile.status.site)
        lastReport = slo.evaluate(atMs: time.wallMillis())
        self.profile = profile; self.hub = hub; self.execution = execution; self.strategy = strategy
        self.control = control; self.stream = stream; self.time = time
    }

    func run() async {
        while !Task.isCancelled {
            await tick()
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// One measurement round.
    func tick() async {
        let now = time.wallMillis()
        let before = Dictionary(uniqueKeysWithValues: registry.components().map { ($0.componentId, $0.status) })
        await measure(atMs: now)
        lastReport = slo.evaluate(atMs: now)
        for input in lastReport.inputs { _ = await control.service.report(input) }
        set(StandardComponents.Id.slo, lastReport.metrics.contains(where: \.breach)
            ? HealthCheck(status: .yellow, reasonCode: "SLO_BREACH", reasonTextRu: "нарушены SLO: " + lastReport.metrics.filter(\.breach).map(\.metric.rawValue).joined(separator: ", "),
                          hintRu: "см. /api/ui/status/slo")
            : .ok("SLO в норме"), now)
        let snapshot = await control.service.snapshot()
        let readiness = readinessBuilder.build(control: snapshot, health: registry, slo: lastReport, leader: await control.leaderInfo(), atMs: now)
        set(StandardComponents.Id.liveReadiness, readiness.ready ? .ok("готов к торговле")
            : HealthCheck(status: .yellow, reasonCode: readiness.reasons.first?.code ?? "NOT_READY",
                          reasonTextRu: readiness.adviceRu, hintRu: "см. /live-readiness"), now)
        if now - lastSampleMs >= 10_000 { registry.recordSample(atMs: now); lastSampleMs = now }
        await publishChanges(before: before, readiness: readiness.ready, atMs: now)
    }


    private func set(_ id: String, _ check: HealthCheck, _ now: Int64) { try? registry.update(id, check, atMs: now) }

    private func measure(atMs now: Int64) async {
        typealias Id = StandardComponents.Id
        let mono = time.monotonicNanos()
        let tops = hub.tops()
        var freshVenues = 0
        let venues = profile.venues.enabledVenues
        for venue in venues {
            let f = VenueFreshness(venue, tops: tops, maxAgeMs: profile.risk.staleBookMs, nowNs: mono)
            let stale = f.stale
            if let freshest = f.freshestAgeMs { slo.recordWsGap(venue: venue.canonicalName, ms: Double(freshest), atMs: now) }
            let check: HealthCheck
            if f.books == 0 || stale == f.books {
                check = HealthCheck(status: .red, reasonCode: "WS_STALE", reasonTextRu: "нет свежих стаканов \(venue.canonicalName)",
                                    hintRu: "проверьте соединение с биржей; см. /api/md/books", metrics: ["stale_books": Double(stale)])
            } else if stale > 0 {
                check = HealthCheck(status: .yellow, reasonCode: "WS_PARTIAL", reasonTextRu: "\(stale) из \(f.books) стаканов устарели или не синхронизированы",
                                    hintRu: "см. /api/md/books", metrics: ["stale_books": Double(stale)])
            } else {
                freshVenues += 1
                check = .ok("все \(f.books) стаканов свежие", metrics: ["books": Double(f.books), "freshest_age_ms": Double(f.freshestAgeMs ?? 0)])
            }
            set(Id.marketData(venue), check, now)
        }
        set(Id.marketData, freshVenues == venues.count ? .ok("данные всех бирж свежие")
            : HealthCheck(status: freshVenues == 0 ? .red : .yellow, reasonCode: "WS_STALE",
                          reasonTextRu: "свежие данные на \(freshVenues) из \(venues.count) бирж", hintRu: "см. /api/md/books"), now)

        let executor = execution.executor
        for sample in await executor.takeSLOSamples() {
            switch sample {
            case .orderCycle(let ms, let at): slo.recordOrderCycle(ms: ms, atMs: at)
            case .orderOutcome(let rejected, let at): slo.recordOrderOutcome(rejected: rejected, atMs: at)
            case .cancel(let failed, let at): slo.recordCancel(failed: failed, atMs: at)
            }
        }
        let allowed = await executor.tradingAllowed
        let holds = await executor.holdReasons
        for venue in execution.venues {
            set(Id.orders(venue), holds.isEmpty && allowed ? .ok("ордера принимаются")
                : HealthCheck(status: holds.isEmpty ? .yellow : .red, reasonCode: holds.isEmpty ? "RECOVERY" : "ORDER_PATH_HOLD",
                              reasonTextRu: holds.first ?? "восстановление после запуска не завершено", hintRu: "см. /api/execution/status"), now)
        }
        set(Id.execution, holds.isEmpty ? .ok("контур ордеров работает")
            : HealthCheck(status: .red, reasonCode: "ORDER_PATH_HOLD", reasonTextRu: holds.joined(separator: "; "), hintRu: "см. /api/execution/status"), now)
        let recovery = execution.recovery
        let mismatches = recovery?.positionMismatches.count ?? 0
        slo.setReconMismatch(mismatches)
        set(Id.recon, recovery == nil ? HealthCheck(status: .yellow, reasonCode: "RECON_PENDING", reasonTextRu: "сверка ещё идёт", hintRu: "подождите")
            : mismatches == 0 ? .ok("позиции и ордера сходятся с биржами")
            : HealthCheck(status: .red, reasonCode: "RECON_MISMATCH", reasonTextRu: "расхождений: \(mismatches)", hintRu: "см. /api/execution/status"), now)
        set(Id.journal, recovery.map { $0.journalProblems.isEmpty } ?? true ? .ok("журнал ордеров открыт, цепочка цела")
            : HealthCheck(status: .red, reasonCode: "JOURNAL_PROBLEM", reasonTextRu: "проблемы журнала при восстановлении", hintRu: "propbot db verify"), now)

        if now - auditChecked.atMs >= 60_000 {
            let report = try? control.audit.verify()
            auditChecked = (now, report?.firstBreak == nil && report != nil, report.map { "записей: \($0.recordsChecked)" } ?? "не читается")
        }
        set(Id.audit, auditChecked.ok ? .ok("цепочка аудита цела (\(auditChecked.detail))")
            : HealthCheck(status: .red, reasonCode: "AUDIT_BROKEN", reasonTextRu: "цепочка аудита нарушена: \(auditChecked.detail)", hintRu: "propbot audit verify"), now)

        let snapshot = await control.service.snapshot()
        let state = snapshot.state
        set(Id.controlState, state == .run || state == .safeMode ? .ok("торговля разрешена (\(state.rawValue))")
            : HealthCheck(status: state == .pause ? .yellow : .red, reasonCode: state.rawValue.uppercased(),
                          reasonTextRu: snapshot.holdReasons.map(\.textRu).joined(separator: "; ").isEmpty ? snapshot.stateRu : snapshot.holdReasons.map(\.textRu).joined(separator: "; "),
                          hintRu: "см. /api/ui/control-state"), now)
        set(Id.guardedStartup, snapshot.holdReasons.contains { $0.code == .startup }
            ? HealthCheck(status: .yellow, reasonCode: "STARTUP_CHECKS", reasonTextRu: snapshot.holdReasons.first { $0.code == .startup }?.textRu ?? "", hintRu: "ждём проверок запуска")
            : .ok("проверки запуска пройдены"), now)
        if let keeper = control.leader {
            let info = await keeper.info
            set(Id.leaderFencing, info.isLeader ? .ok("аренда лидера у этого экземпляра, fencing token \(info.fencingToken ?? 0)")
                : HealthCheck(status: .red, reasonCode: "NOT_LEADER", reasonTextRu: await keeper.whyNotRu,
                              hintRu: "проверьте второй экземпляр; торговля — только у держателя аренды"), now)
        } else {
            set(Id.leaderFencing, .ok("аренда не требуется: один экземпляр"), now)
        }
        if let skew = control.clockSkewMs.value {
            slo.recordClockSkew(ms: skew)
            let limit = profile.ops.maxClockSkewMs
            set(Id.clock, abs(skew) <= limit / 2 ? .ok("расхождение с биржами \(abs(skew)) мс", metrics: ["skew_ms": Double(skew)])
                : HealthCheck(status: abs(skew) <= limit ? .yellow : .red, reasonCode: "CLOCK_SKEW",
                              reasonTextRu: "расхождение часов с биржами \(abs(skew)) мс (предел \(limit) мс)",
                              hintRu: "проверьте синхронизацию времени (chrony/ntpd, на macOS — «Дата и время»)",
                              metrics: ["skew_ms": Double(skew)]), now)
        }
        let limits = await execution.rateLimits()
        if !limits.isEmpty {
            let paused = limits.filter { $0.pausedForMs > 0 }, waiting = limits.reduce(0) { $0 + $1.waiting }
            set(Id.rateLimiter, paused.isEmpty
                ? .ok("бюджеты запросов в норме", metrics: ["waiting": Double(waiting)])
                : HealthCheck(status: .yellow, reasonCode: "RATE_LIMITED",
                              reasonTextRu: "биржа ограничила запросы: " + paused.map { "\($0.venue.canonicalName) ещё \($0.pausedForMs) мс" }.joined(separator: ", "),
                              hintRu: "бот ждёт сам; если повторяется — уменьшите max_orders_per_second", metrics: ["waiting": Double(waiting)]), now)
        }
        set(Id.config, .ok("профиль \(profile.profile.rawValue) проверен при загрузке"), now)
        set(Id.keysSecurity, .ok("ключи только из окружения или файла секретов; вывода средств нет"), now)
        set(Id.metrics, .ok("/metrics отдаётся"), now)
        if profile.sim.enabled { set(Id.simulator, .ok("симулятор бирж работает"), now) }
        if let stream {
            let clients = await stream.clientCount, dropped = await stream.droppedClients
            set(Id.stream, .ok("клиентов: \(clients)", metrics: ["clients": Double(clients), "dropped_clients": Double(dropped)]), now)
        }
        if let strategy {
            let status = await strategy.healthFacts()
            set(Id.strategy, status.ready ? .ok("движок работает") : HealthCheck(status: .yellow, reasonCode: "STARTING", reasonTextRu: "правила инструментов ещё читаются", hintRu: "подождите"), now)
            set(Id.risk, status.riskHold.map { HealthCheck(status: .red, reasonCode: "RISK_HOLD", reasonTextRu: $0, hintRu: "снятие — два оператора (см. docs/runbooks/control-plane.md)") }
                ?? .ok("лимиты не нарушены"), now)
            set(Id.hedging, status.unhedgedBreached.isEmpty ? .ok("непокрытых ног сверх предела нет")
                : HealthCheck(status: .red, reasonCode: "UNHEDGED", reasonTextRu: "непокрыто: " + status.unhedgedBreached.joined(separator: ", "), hintRu: "см. /api/ui/exposure"), now)
            slo.setDayDrawdownBps(status.dayDrawdownBps)
        }
    }

    private func publishChanges(before: [String: HealthStatus], readiness: Bool, atMs now: Int64) async {
        guard let stream else { return }
        for c in registry.components() {
            let was = before[c.componentId] ?? .gray
            guard was != c.status else { continue }
            let json = StreamPublisher.json(c)
            if c.status == .red { await stream.publish("component.failed", json: json) }
            else if was == .red { await stream.publish("component.recovered", json: json) }
        }
        let summary = registry.summary(atMs: now)
        if summary.overall != lastOverall {
            lastOverall = summary.overall
            await stream.publish("health.changed", json: StreamPublisher.json(summary))
        }
        if readiness != lastReadiness {
            lastReadiness = readiness
            await stream.publish("readiness.changed", json: StreamPublisher.json(["ready": readiness]))
        }
    }

    // MARK: views

    func summary() -> HealthSummary { registry.summary(atMs: time.wallMillis()) }
    func components(_ q: OpsQuery.Components) -> [HealthComponentView] { registry.components(scope: q.scope, kind: q.kind, group: q.group) }
    func history(_ q: OpsQuery.History) -> HealthHistory { registry.history(fromMs: q.fromMs, toMs: q.toMs, bucketMs: q.bucketMs) }
    func overview(group: ComponentGroup?) async -> StatusOverview {
        board.overview(health: registry, slo: lastReport, control: await control.service.snapshot(), atMs: time.wallMillis(), group: group)
    }
    func componentsPage(group: ComponentGroup?) async -> StatusComponentsPage {
        board.componentsPage(health: registry, control: await control.service.snapshot(), atMs: time.wallMillis(), group: group)
    }
    func sloReport() -> SLOReport { lastReport }
    func readiness() async -> LiveReadiness {
        readinessBuilder.build(control: await control.service.snapshot(), health: registry, slo: lastReport,
                               leader: await control.leaderInfo(), atMs: time.wallMillis())
    }
}
