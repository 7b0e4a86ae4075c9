public import PropCore

/// One published venue limit: at most `limit` units of `counts` per `windowMs`, venue-wide or per endpoint.
public struct RateLimitRule: Sendable, Hashable {
    /// What a request spends against the limit.
    public enum Counts: Sendable, Hashable {
        /// One per request.
        case requests
        /// `RequestCost.weight` (Binance request weight).
        case weight
        /// `RequestCost.orders`; requests creating no orders are not counted.
        case orders
    }

    /// Whether every endpoint shares the limit or each endpoint has its own.
    public enum Scope: Sendable, Hashable {
        case venue
        case perEndpoint
    }

    /// How the venue reports its own count in response headers (names lowercased).
    public enum HeaderSync: Sendable, Hashable {
        /// The header carries what was used in the current window (Binance `x-mbx-used-weight-1m`).
        case used(String)
        /// Remaining / limit / reset-timestamp headers (Bybit `x-bapi-limit-status`, `x-bapi-limit`,
        /// `x-bapi-limit-reset-timestamp`).
        case remaining(remaining: String, limit: String, resetMs: String)
    }

    /// Bucket name for logs, metrics and tests, e.g. `"binance.orders.10s"`.
    public var name: String
    /// The venue's published limit per window.
    public var limit: Int
    /// Window length, ms.
    public var windowMs: Int64
    /// What is counted.
    public var counts: Counts
    /// Shared or per endpoint.
    public var scope: Scope
    /// When set, the rule only applies to endpoints whose name contains this text (e.g. `"batch"`).
    public var endpointFilter: String?
    /// Header the venue reports its count in, if any.
    public var headerSync: HeaderSync?

    /// A rule.
    public init(name: String, limit: Int, windowMs: Int64, counts: Counts, scope: Scope = .venue,
                endpointFilter: String? = nil, headerSync: HeaderSync? = nil) {
        self.name = name; self.limit = limit; self.windowMs = windowMs; self.counts = counts
        self.scope = scope; self.endpointFilter = endpointFilter; self.headerSync = headerSync
    }

    /// Units `cost` spends against this rule (0 when the rule does not apply to it).
    public func units(_ cost: RequestCost) -> Int {
        if let endpointFilter, !cost.endpoint.contains(endpointFilter) { return 0 }
        switch counts {
        case .requests: return 1
        case .weight: return max(0, cost.weight)
        case .orders: return max(0, cost.orders)
        }
    }

    /// The bucket `cost` draws from under this rule.
    public func bucketKey(_ cost: RequestCost) -> String {
        scope == .venue ? name : name + "|" + cost.endpoint
    }
}

/// A venue's published request limits plus how much of them PropBot allows itself to use.
///
/// Every limit becomes a token bucket holding `burstShare` of the budget (`safety × limit`) and refilling
/// the rest over one window, so even in the worst case (a full burst, then refills) no window of the venue's
/// length ever sees more than `safety × limit`: a 429 is not reached in normal operation, a 418 ban never.
public struct VenueRateLimits: Sendable {
    /// The venue.
    public var venue: Venue
    /// Its limits.
    public var rules: [RateLimitRule]
    /// Fraction of each published limit we use at most.
    public var safety: Double
    /// Fraction of the budget that may go out at once; the rest refills evenly over the window.
    public var burstShare: Double
    /// Fraction of each bucket kept for cancels and amends: places and queries stop short of it.
    public var cancelReserve: Double
    /// Longest a request may wait for its turn before `.throttled` is thrown instead.
    public var maxWaitMs: Int64
    /// First pause after a rate-limit answer; doubles per consecutive one, with jitter.
    public var backoffBaseMs: Int64
    /// Longest pause after rate-limit answers (a `Retry-After` may ask for more and is honoured).
    public var backoffMaxMs: Int64

    /// Limits for `venue` with explicit margins.
    public init(venue: Venue, rules: [RateLimitRule], safety: Double = 0.8, burstShare: Double = 0.5,
                cancelReserve: Double = 0.1, maxWaitMs: Int64 = 2_000, backoffBaseMs: Int64 = 500,
                backoffMaxMs: Int64 = 60_000) {
        self.venue = venue; self.rules = rules
        self.safety = min(1, max(0.01, safety))
        self.burstShare = min(1, max(0.01, burstShare))
        self.cancelReserve = min(0.9, max(0, cancelReserve))
        self.maxWaitMs = maxWaitMs; self.backoffBaseMs = backoffBaseMs; self.backoffMaxMs = backoffMaxMs
    }

    /// The venue's published limits (see `shared/venues/*.md` §rate limits) with the default margins.
    public static func published(for venue: Venue) -> VenueRateLimits {
        switch venue {
        case .binance: binance
        case .okx: okx
        case .bybit: bybit
        }
    }

    /// Binance USD-M: REQUEST_WEIGHT 2400/min, ORDERS 300/10 s and 1200/min, IP-wide, synced from `X-MBX-*` headers.
    public static let binance = VenueRateLimits(venue: .binance, rules: [
        RateLimitRule(name: "binance.weight.1m", limit: 2_400, windowMs: 60_000, counts: .weight,
                      headerSync: .used("x-mbx-used-weight-1m")),
        RateLimitRule(name: "binance.orders.10s", limit: 300, windowMs: 10_000, counts: .orders,
                      headerSync: .used("x-mbx-order-count-10s")),
        RateLimitRule(name: "binance.orders.1m", limit: 1_200, windowMs: 60_000, counts: .orders,
                      headerSync: .used("x-mbx-order-count-1m")),
    ])

    /// OKX v5: 60 requests / 2 s per trading endpoint, batch endpoints 300 orders / 2 s, sub-account
    /// 1000 new+amend orders / 2 s. OKX sends no usage headers.
    public static let okx = VenueRateLimits(venue: .okx, rules: [
        RateLimitRule(name: "okx.endpoint.2s", limit: 60, windowMs: 2_000, counts: .requests, scope: .perEndpoint),
        RateLimitRule(name: "okx.batch.orders.2s", limit: 300, windowMs: 2_000, counts: .orders, endpointFilter: "batch"),
        RateLimitRule(name: "okx.account.orders.2s", limit: 1_000, windowMs: 2_000, counts: .orders),
    ])

    /// Bybit v5: 10 requests / s per endpoint (create/amend/cancel; synced from `X-Bapi-Limit-*`), and the
    /// IP-wide 600 requests / 5 s whose breach costs a 10-minute block.
    public static let bybit = VenueRateLimits(venue: .bybit, rules: [
        RateLimitRule(name: "bybit.endpoint.1s", limit: 10, windowMs: 1_000, counts: .requests, scope: .perEndpoint,
                      headerSync: .remaining(remaining: "x-bapi-limit-status", limit: "x-bapi-limit",
                                             resetMs: "x-bapi-limit-reset-timestamp")),
        RateLimitRule(name: "bybit.ip.5s", limit: 600, windowMs: 5_000, counts: .requests),
    ])
}
