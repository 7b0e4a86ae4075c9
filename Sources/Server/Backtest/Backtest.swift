import Engine
import Foundation
public import Ops
public import PropCore
public import Venues
public import VenueSim

/// `propbot backtest`: recorded (or freshly generated synthetic) market data replayed through the same engine,
/// risk gate and order manager that trade live, against simulated venues; writes `report.json` and `report.md`.
public enum Backtest {
    /// Knobs that are not in the profile.
    public struct Options: Sendable {
        /// Seed of the simulated venues (latencies, jitter).
        public var seed: UInt64
        /// USDT each venue starts with.
        public var startingBalance: Qty
        /// Engine and order-manager timer period, simulated ms.
        public var timerMs: Int64

        /// Options with the documented defaults: 100 000 USDT per venue, a 50 ms timer.
        public init(seed: UInt64, startingBalance: Qty = Qty(units: 100_000, scale: 0), timerMs: Int64 = 50) {
            self.seed = seed; self.startingBalance = startingBalance; self.timerMs = timerMs
        }
    }

    /// Where `generate` starts its market: 30 s before an 8-hour funding settlement (2026-01-05 08:00 UTC), so
    /// even a one-minute run charges funding.
    public static let syntheticStartWallMs: Int64 = 1_767_599_970_000

    /// Reads every recording file in `dataDirectory` and backtests it.
    public static func run(dataDirectory: String, profile: ProfileConfig, options: Options) throws(BacktestError) -> BacktestReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .dataDirectoryUnreadable(path: dataDirectory)
        }
        let contents: RecordingContents
        do { contents = try RecordingReader.read(directory: dataDirectory) } catch {
            switch error {
            case .directoryUnreadable(let p): throw .dataDirectoryUnreadable(path: p)
            case .fileUnreadable(let p): throw .dataFileUnreadable(path: p)
            }
        }
        guard !contents.frames.isEmpty else { throw .dataEmpty(path: dataDirectory) }
        return try run(contents: contents, source: dataDirectory, profile: profile, options: options)
    }

    /// Backtests frames already read. Only the replay loop is timed (`events_per_s`, `wall_ms`).
    public static func run(contents: RecordingContents, source: String, profile: ProfileConfig,
                           options: Options) throws(BacktestError) -> BacktestReport {
        let listed = instrumentLists(contents.frames)
        guard !listed.isEmpty else { throw .noInstrumentList(path: source) }
        let wanted = Set(profile.instruments)
        let rules = Venue.allCases.flatMap { listed[$0] ?? [] }.filter { wanted.contains($0.id) }.sorted { $0.id < $1.id }
        guard !rules.isEmpty else {
            throw .noTradedInstruments(profile: profile.instruments.map(\.description).sorted(),
                                       recorded: Venue.allCases.flatMap { listed[$0] ?? [] }.map(\.id.description).sorted())
        }
        var settings = ArbitrageSettings(profile: profile)
        // The opportunity board's periodic re-walk only feeds the operator's live view; a replay has no viewer.
        settings.boardRefreshMs = 3_600_000
        var runner = BacktestRunner(settings: settings, risk: RiskGate(profile: profile),
                                    rules: rules, listed: listed, balance: options.startingBalance, seed: options.seed,
                                    timerMs: options.timerMs)
        let clock = ContinuousClock()
        let started = clock.now
        runner.run(contents.frames)
        let elapsed = clock.now - started
        let wallNs = UInt64(max(0, elapsed.components.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.components.attoseconds / 1_000_000_000))
        let first = contents.frames.first?.receiveWallNanos ?? 0, last = contents.frames.last?.receiveWallNanos ?? 0
        return runner.report(seed: options.seed, simulatedNs: UInt64(max(0, last - first)),
                             malformedLines: contents.malformedLines + contents.tornLines, wallNs: wallNs)
    }

    /// Every venue's first readable instrument list (REST) in the recording.
    static func instrumentLists(_ frames: [RecordedFrame]) -> [Venue: [InstrumentRules]] {
        var out: [Venue: [InstrumentRules]] = [:]
        for f in frames where f.channel == .rest && out[f.venue] == nil {
            let path = f.pathString
            let rules: [InstrumentRules]?
            switch f.venue {
            case .binance: rules = path.contains(BinanceConstants.exchangeInfoPath) ? try? BinanceCodec.decodeInstruments(Array(f.bytes)) : nil
            case .okx: rules = path.contains(OKXConstants.instrumentsPath) ? try? OKXCodec.decodeInstruments(Array(f.bytes)) : nil
            case .bybit: rules = path.contains(BybitConstants.instrumentsPath) ? try? BybitCodec.decodeInstruments(Array(f.bytes)) : nil
            }
            if let rules, !rules.isEmpty { out[f.venue] = rules }
        }
        return out
    }

    /// Writes `minutes` of the simulator's synthetic market for `seed` into `directory` (see `syntheticStartWallMs`).
    @discardableResult
    public static func generate(minutes: Double, seed: UInt64, to directory: String) throws(BacktestError) -> SyntheticRecordingSummary {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try SyntheticRecording.generate(seed: seed, minutes: minutes, startWallMs: syntheticStartWallMs, to: directory)
        } catch {
            throw .generateFailed(path: directory, reason: "\(error)")
        }
    }

    /// Writes `report.json` and `report.md` into `directory` (created if needed).
    public static func write(_ report: BacktestReport, to directory: String) throws(BacktestError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try report.json().write(to: URL(fileURLWithPath: directory + "/report.json"), options: .atomic)
            try Data(report.markdown().utf8).write(to: URL(fileURLWithPath: directory + "/report.md"), options: .atomic)
        } catch {
            throw .outputUnwritable(path: directory)
        }
    }
}
