import Foundation
import Logging
import NIOHTTP1
import Ops
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// No withdraw/transfer ever leaves, and secrets never reach logs, the journal or alerts.
    @Suite struct Safety {
        @Test func withdrawRequestIsBlockedAndHoldsTrading() async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    var before: [Venue: Set<String>] = [:]
                    for venue in Venue.allCases { before[venue] = await rig.clientIds(venue) }
                    let rowsBefore = try h.records().count
                    let transport = TradingHTTP(venue: .binance, baseURL: rig.endpoints.binance.rest, http: .shared,
                                                timeoutMs: 5_000, logger: ExecutionRig.quietLogger(label: "crafted"),
                                                onForbidden: h.onForbidden)
                    do {
                        _ = try await transport.send(method: .POST, pathAndQuery: "/sapi/v1/capital/withdraw/apply?coin=USDT&amount=1",
                                                     cost: RequestCost(priority: .place, endpoint: "withdraw"))
                        Issue.record("the withdraw request was sent")
                    } catch let error as VenueOrderError {
                        guard case .forbiddenRequest = error else {
                            Issue.record("expected forbiddenRequest, got \(error)")
                            return
                        }
                        #expect(error.outcome == .denied)
                    } catch {
                        Issue.record("unexpected error \(error)")
                    }
                    #expect(await ExecutionRig.eventually { !(await h.executor.holdReasons.isEmpty) })
                    for venue in Venue.allCases {
                        let result = await h.executor.place(await rig.marketableIOC(ExecutionRig.btc(venue)), why: "test")
                        guard case .denied(let code, let text) = result else {
                            Issue.record("\(venue): expected denied, got \(result)")
                            continue
                        }
                        #expect(code == "hold")
                        #expect(text.contains("HOLD"))
                    }
                    for venue in Venue.allCases { #expect(await rig.clientIds(venue) == before[venue]) }
                    let rowsAfter = try h.records().count
                    #expect(rowsAfter == rowsBefore)
                }
            }
        }

        @Test func secretNeverAppearsInLogsJournalOrAlerts() async throws {
            let secret = "S3CR3T-test-9f1b", passphrase = "P4SSPHR4SE-test-9f1b"
            let credentials = SimCredentials(apiKey: "propbot-test-key-9f1b", apiSecret: secret, passphrase: passphrase)
            try await ExecutionRig.with(credentials: credentials) { rig in
                let sink = CapturingLogHandler.Sink()
                var options = ExecutorOptions()
                options.logger = CapturingLogHandler.logger("exec-secret-test", sink: sink)
                var alerts: [String] = []
                try await rig.withExecutor(epoch: 1, options: options) { h in
                    #expect(h.initialRecovery?.clean == true)
                    #expect(await h.waitConnected())
                    for venue in Venue.allCases {
                        let id = ExecutionRig.btc(venue)
                        let taker = try #require(await h.executor.place(await rig.marketableIOC(id), why: "test").clientOrderId)
                        let resting = try #require(await h.executor.place(await rig.resting(id), why: "test").clientOrderId)
                        #expect(await h.executor.cancel(clientOrderId: resting))
                        #expect(await ExecutionRig.eventually { await h.executor.order(taker)?.state.isFinal == true })
                        #expect(await ExecutionRig.eventually { await h.executor.order(resting)?.state == .canceled })
                    }
                    // An error path too: a request the venue refuses (unknown order) and a stream drop.
                    _ = await h.executor.cancel(clientOrderId: "pbdoesnotexist")
                    await rig.sim.inject(.closeSocket(.okx))
                    #expect(await h.waitConnected([.okx], times: 2))
                    alerts += await h.executor.alerts.map { "\($0.code) \($0.messageRu)" }
                }
                try await rig.withExecutor(epoch: 2, options: options) { h in
                    #expect(h.initialRecovery?.clean == true)
                    alerts += await h.executor.alerts.map { "\($0.code) \($0.messageRu)" }
                }
                let lines = sink.lines
                #expect(lines.count > 20, "the capturing logger saw only \(lines.count) lines")
                for word in [secret, passphrase] {
                    let leaks = lines.filter { $0.contains(word) }
                    #expect(leaks.isEmpty, "secret in logs: \(leaks.prefix(3))")
                    #expect(!alerts.contains { $0.contains(word) })
                    for suffix in ["", "-wal"] {
                        let path = rig.defaultDatabasePath + suffix
                        guard let bytes = FileManager.default.contents(atPath: path) else { continue }
                        #expect(bytes.range(of: Data(word.utf8)) == nil, "secret in \(path)")
                    }
                }
                #expect(FileManager.default.fileExists(atPath: rig.defaultDatabasePath))
            }
        }
    }
}
