import Foundation
import Journal
@testable import Ops
import PropCore

/// A `CommandService` with three operators, an admin and a viewer, test doubles and a hand-moved clock.
struct CommandServiceRig {
    let service: CommandService
    let effects = RecordingEffects()
    let audit = MemoryAuditSink()
    let instructions: MemoryInstructionStore
    let time = ManualTime()
    let tokens: [String: String]

    static let names: [(String, Role)] = [("ivan", .operator), ("olga", .operator), ("petr", .operator), ("adam", .admin), ("vera", .viewer)]

    init(profile kind: ProfileKind = .live, saved: OperatorInstruction? = OperatorInstruction(mode: .run, by: "ivan"),
         anonymousLocalReads: Bool = false, running: ProfileConfig? = nil) throws {
        var profile = running ?? ProfileConfig.demoDefault
        if running == nil {
            profile.profile = kind
            profile.ops = .defaults(for: kind)
        }
        let store = TokenStore(path: opsTempDirectory() + "/tokens.yaml")
        var tokens: [String: String] = [:]
        for (name, role) in Self.names { tokens[name] = try store.add(name: name, role: role, atMs: 1).reveal() }
        self.tokens = tokens
        instructions = MemoryInstructionStore(saved)
        service = CommandService(configuration: CommandServiceConfiguration(profile: profile),
                                 tokens: .file(store, anonymousLocalReads: anonymousLocalReads), effects: effects,
                                 audit: audit, instructions: instructions, time: time)
    }

    func header(_ name: String) -> String { "Bearer \(tokens[name] ?? "")" }

    /// Runs `command` as `name` over loopback.
    func run(_ command: OperatorCommand, as name: String) async -> CommandOutcome {
        await service.handle(command, authorization: header(name), isLocal: true)
    }

    /// Passes guarded startup.
    func startUp() async {
        await service.reportStartup(StartupChecks(marketDataHealthy: [.binance: true, .okx: true, .bybit: true],
                                                  requiredVenues: Venue.allCases, journalReplayClean: true,
                                                  reconciliationClean: true, invariantsHold: true, clockSkewMs: 5))
    }

    var state: ControlState { get async { await service.controlMachine.state } }
}

extension CommandOutcome {
    var refusal: CommandRefusal? { if case .refused(let r) = self { r } else { nil } }
    var pending: PendingApproval? { if case .pendingApproval(let p) = self { p } else { nil } }
    var isDone: Bool { if case .done = self { true } else { false } }
}
