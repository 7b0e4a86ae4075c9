import AsyncHTTPClient
import Logging
import Ops
import PropCore
public import Venues

/// One venue's feed, whatever its protocol type.
protocol VenueFeed: Sendable {
    func run() async
    func books() -> [BookView]
    func tops() -> [BookTop]
    func marks() -> [BookMark]
    func depth(_ instrument: InstrumentId, levels: Int) -> BookDepth?
    /// The venue's rules for the feed's instruments (one REST call).
    func rules() async throws(VenueError) -> [InstrumentRules]
    var instruments: [InstrumentId] { get }
    var events: AsyncStream<FeedEvent> { get }
}

extension MarketDataFeed: VenueFeed {
    func rules() async throws(VenueError) -> [InstrumentRules] {
        let wanted = Set(instruments)
        return try await rest.instruments().filter { wanted.contains($0.id) }
    }
}

/// All market-data feeds of the process: one per enabled venue with instruments. Reads are lock-free
/// (each feed publishes its tops); `run()` keeps every feed going until cancelled.
public final class MarketDataHub: Sendable {
    let feeds: [any VenueFeed]
    private let logger: Logger

    /// Builds the feeds the profile asks for. `endpoints(venue)` gives the REST and WS base URLs.
    /// `recorders(venue)` records that venue's received frames (nil: no recording).
    public init(profile: ProfileConfig, endpoints: (Venue) -> VenueBaseURLs, metrics: MetricsRegistry,
                time: any TimeSource, recorders: (Venue) -> FrameRecorder? = { _ in nil }, logger: Logger) {
        let settings = FeedSettings(profile.marketData, seed: profile.sim.seed)
        var feeds: [any VenueFeed] = []
        for venue in Venue.allCases where profile.venues[venue].enabled {
            let instruments = profile.instruments(on: venue)
            guard !instruments.isEmpty else { continue }
            let urls = endpoints(venue)
            func feed<P: VenuePublicProtocol>(_ proto: P) -> any VenueFeed {
                MarketDataFeed(proto: proto, instruments: instruments, restBaseURL: urls.rest, wsBaseURL: urls.ws,
                               settings: settings, metrics: metrics.factory, time: time, logger: logger.with(venue: venue),
                               recorder: recorders(venue))
            }
            switch venue {
            case .binance: feeds.append(feed(BinancePublicStream()))
            case .okx: feeds.append(feed(OKXPublicStream()))
            case .bybit: feeds.append(feed(BybitPublicStream()))
            }
        }
        self.feeds = feeds
        self.logger = logger
    }

    /// Top of every book, sorted by canonical instrument id.
    public func books() -> [BookView] {
        feeds.flatMap { $0.books() }.sorted { $0.instrument < $1.instrument }
    }

    /// Top of one book (no sorting: the paper venue asks for each instrument every few milliseconds).
    public func book(_ instrument: InstrumentId) -> BookView? {
        for feed in feeds { if let view = feed.books().first(where: { $0.instrument == instrument }) { return view } }
        return nil
    }

    /// Every book's top (lock-free reads), feed by feed.
    public func tops() -> [BookTop] { feeds.flatMap { $0.tops() } }

    /// Every instrument's latest mark, index and funding.
    public func marks() -> [BookMark] { feeds.flatMap { $0.marks() } }

    /// The best levels of one book.
    public func depth(_ instrument: InstrumentId, levels: Int) -> BookDepth? {
        feeds.first { $0.instruments.contains(instrument) }?.depth(instrument, levels: levels)
    }

    /// Venue rules of every instrument the feeds carry; a venue whose list cannot be read is left out (logged).
    public func rules() async -> [InstrumentRules] {
        var out: [InstrumentRules] = []
        for feed in feeds {
            do { out += try await feed.rules() } catch {
                logger.warning("instrument rules unavailable", metadata: ["error": "\(error.messageRu)"])
            }
        }
        return out
    }

    /// Runs every feed, and logs their events, until the calling task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for feed in feeds {
                group.addTask { await feed.run() }
                group.addTask { [logger] in
                    for await event in feed.events { logger.notice("\(event)") }
                }
            }
            await group.waitForAll()
        }
    }
}

extension Logger {
    /// A copy of this logger tagged with the venue.
    func with(venue: Venue) -> Logger {
        var copy = self
        copy[metadataKey: "venue"] = .string(venue.rawValue)
        return copy
    }
}
