import Foundation
import Journal
@testable import Ops
import PropCore
import Testing

/// The service writing to the real hash-chained audit file: every outcome lands there, the chain verifies,
/// and no token text is anywhere in the file.
@Suite struct CommandServiceAuditLogTests {
    @Test func everyOutcomeIsChainedInTheFileAndNoTokenIsStored() async throws {
        let dir = opsTempDirectory()
        let store = TokenStore(path: dir + "/tokens.yaml")
        let ivan = try store.add(name: "ivan", role: .operator, atMs: 1).reveal()
        let olga = try store.add(name: "olga", role: .operator, atMs: 1).reveal()
        let log = try AuditLog.open(path: dir + "/audit.sqlite")
        var profile = ProfileConfig.demoDefault
        profile.profile = .live
        profile.ops = .defaults(for: .live)
        let time = ManualTime()
        let instructions = FileInstructionStore(path: dir + "/control.json")
        try instructions.save(OperatorInstruction(mode: .run, by: "ivan"))
        let service = CommandService(configuration: CommandServiceConfiguration(profile: profile),
                                     tokens: .file(store, anonymousLocalReads: false), effects: RecordingEffects(),
                                     audit: log, instructions: instructions, time: time)
        await service.reportStartup(StartupChecks(marketDataHealthy: [.binance: true, .okx: true, .bybit: true],
                                                  requiredVenues: Venue.allCases, journalReplayClean: true,
                                                  reconciliationClean: true, invariantsHold: true, clockSkewMs: 1))
        _ = await service.handle(.pause, authorization: "Bearer \(ivan)", isLocal: true)
        _ = await service.handle(.pause, authorization: "Bearer \(ivan)x", isLocal: true)
        _ = await service.handle(.setRiskLevel(150), authorization: "Bearer \(ivan)", isLocal: true)
        let pending = await service.handle(.setRiskLevel(70), authorization: "Bearer \(ivan)", isLocal: true)
        guard case .pendingApproval(let p) = pending else { Issue.record("no pending approval"); return }
        _ = await service.handle(.approve(id: p.id), authorization: "Bearer \(olga)", isLocal: true)
        _ = await service.handle(.approve(id: p.id), authorization: "Bearer \(olga)", isLocal: true)

        let report = try log.verify()
        #expect(report.isIntact)
        let records = try log.records()
        #expect(records.map(\.entry.action) == ["transition", "pause", "login", "set_risk_level", "approval_request", "approve",
                                                 "set_risk_level", "approve"])
        #expect(records.map(\.entry.outcome) == [.ok, .ok, .refused, .refused, .pending, .ok, .ok, .refused])
        #expect(records[3].entry.detailJSON.contains("risk_level: 150 вне диапазона 0–100"))

        // A restart reads the standing instruction from the file: PAUSE comes back as PAUSE.
        #expect(try instructions.load()?.mode == .pause)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/audit.sqlite"))
            + ((try? Data(contentsOf: URL(fileURLWithPath: dir + "/audit.sqlite-wal"))) ?? Data())
        let tokensFile = try Data(contentsOf: URL(fileURLWithPath: store.path))
        for token in [ivan, olga] {
            let body = Data(token.dropFirst(4).utf8)
            #expect(bytes.range(of: body) == nil, "token in the audit file")
            #expect(tokensFile.range(of: body) == nil, "token in the tokens file")
        }
    }
}
