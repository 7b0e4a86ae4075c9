public import PropCore

/// Per-venue request budget: token buckets from the venue's published limits (`VenueRateLimits`), served in
/// priority order (cancel > amend > place > query), synced with the venue's usage headers, and paused with
/// exponential backoff and jitter (honouring `Retry-After`) after a rate-limit answer, so that limits are not
/// reached and a Binance 418 ban never is.
///
/// Time comes from the injected `TimeSource`; waiting requests are re-examined by `pump()`, which a
/// background wake-up calls when the next request can go (tests with a manual clock call it themselves).
public actor RateGovernor {
    /// The venue governed.
    public nonisolated let venue: Venue
    /// Its limits and margins.
    public nonisolated let limits: VenueRateLimits

    private let clock: any TimeSource
    private let jitter: @Sendable () -> Double
    private var buckets: [String: TokenBucket] = [:]
    private var waiters: [Waiter] = []
    private var nextWaiterId: UInt64 = 0
    private var pausedUntilNs: UInt64 = 0
    private var consecutiveLimited = 0
    private var wakeTask: Task<Void, Never>?
    private var wakeAtNs: UInt64 = .max
    private var wakeGeneration: UInt64 = 0

    /// Backoff of the last rate-limit answer, ms (for logs and tests).
    public private(set) var lastBackoffMs: Int64 = 0

    private struct Need: Sendable { let key: String; let units: Double }

    private struct Waiter {
        let id: UInt64
        let priority: RequestCost.Priority
        let endpoint: String
        let needs: [Need]
        let reserved: Bool
        let deadlineNs: UInt64
        let continuation: CheckedContinuation<Result<Void, VenueOrderError>, Never>
    }

    /// A governor for `limits.venue`; `jitter` returns a number in [0, 1) (injectable for deterministic tests).
    public init(limits: VenueRateLimits, clock: any TimeSource = SystemTimeSource(),
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.venue = limits.venue
        self.limits = limits
        self.clock = clock
        self.jitter = jitter
    }

    /// Waits until `cost` may be sent and spends it. Throws `.throttled` (nothing sent) when the wait would
    /// exceed `limits.maxWaitMs`, or when the calling task is cancelled while waiting.
    public func acquire(_ cost: RequestCost) async throws(VenueOrderError) {
        let now = clock.monotonicNanos()
        let needs = self.needs(for: cost, nowNs: now)
        let reserved = Self.respectsReserve(cost.priority)
        if now >= pausedUntilNs, !hasWaiterAhead(of: cost.priority, sharing: needs), fits(needs, reserved: reserved) {
            take(needs)
            return
        }
        let waitNs = estimatedWaitNs(needs, priority: cost.priority, reserved: reserved, nowNs: now)
        let maxNs = UInt64(max(0, limits.maxWaitMs)) * 1_000_000
        if waitNs > maxNs {
            throw .throttled(venue: venue, path: cost.endpoint, waitMs: Int64(min(waitNs, UInt64(Int64.max)) / 1_000_000))
        }
        nextWaiterId += 1
        let id = nextWaiterId
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, VenueOrderError>, Never>) in
                if Task.isCancelled {
                    continuation.resume(returning: .failure(.throttled(venue: venue, path: cost.endpoint, waitMs: 0)))
                    return
                }
                waiters.append(Waiter(id: id, priority: cost.priority, endpoint: cost.endpoint, needs: needs,
                                      reserved: reserved, deadlineNs: now + maxNs, continuation: continuation))
                scheduleWake(nowNs: now)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
        try result.get()
    }

    /// Learns from a venue answer: usage headers lower our buckets to what the venue counted; HTTP 429/418,
    /// OKX `50011`/`50061`, Bybit `10006`, Binance `-1003`/`-1015` (and Bybit's IP-level 403) pause every
    /// request with exponential backoff and jitter, at least as long as `Retry-After` asks.
    /// `headers` names must be lowercased; `cost` is the request answered (needed for per-endpoint headers).
    public func observe(status: Int, headers: [String: String], cost: RequestCost? = nil, venueCode: String? = nil) {
        let now = clock.monotonicNanos()
        // A 5xx is not an answer about our budget: its usage headers (if any) are not trusted.
        if status < 500 { syncFromHeaders(headers, cost: cost, nowNs: now, wallMs: clock.wallMillis()) }
        let ipBlocked = venue == .bybit && status == 403
        let limited = status == 429 || status == 418 || ipBlocked || venueCode.map(Self.rateLimitCodes.contains) == true
        guard limited else {
            if status < 500 { consecutiveLimited = 0 }
            return
        }
        consecutiveLimited += 1
        let doublings = min(20, consecutiveLimited - 1)
        let ceiling = min(limits.backoffMaxMs, limits.backoffBaseMs << Int64(doublings))
        // "Equal jitter": at least half the exponential step, so retries of several clients spread out.
        var delayMs = Int64(Double(ceiling) * (0.5 + 0.5 * min(1, max(0, jitter()))))
        let retryAfterMs = headers["retry-after"].flatMap { Int64($0.filter { $0 != " " }) }.map { $0 * 1_000 }
        if let retryAfterMs { delayMs = max(delayMs, retryAfterMs) }
        if let reset = headers["x-bapi-limit-reset-timestamp"].flatMap({ Int64($0) }) {
            delayMs = max(delayMs, reset - clock.wallMillis())
        }
        if status == 418 { delayMs = max(delayMs, retryAfterMs ?? 120_000) }
        if ipBlocked { delayMs = max(delayMs, 600_000) }
        lastBackoffMs = delayMs
        pausedUntilNs = max(pausedUntilNs, now + UInt64(max(0, delayMs)) * 1_000_000)
        // The venue says this budget is spent: start again from empty buckets once the pause ends.
        if let cost {
            for need in needs(for: cost, nowNs: now) { buckets[need.key]?.cap(at: 0) }
        }
        scheduleWake(nowNs: now)
    }

    /// Serves every waiting request that may go now, in priority order; expires those past their deadline.
    public func pump() {
        let now = clock.monotonicNanos()
        for key in buckets.keys { buckets[key]?.refill(nowNs: now) }
        if now >= pausedUntilNs {
            var blocked = Set<String>()
            var served = Set<UInt64>()
            for waiter in waiters.sorted(by: { ($0.priority, $0.id) < ($1.priority, $1.id) }) {
                let keys = waiter.needs.map(\.key)
                // A request never overtakes a more urgent (or older) one that waits for the same bucket.
                if keys.contains(where: blocked.contains) {
                    blocked.formUnion(keys)
                    continue
                }
                if fits(waiter.needs, reserved: waiter.reserved) {
                    take(waiter.needs)
                    served.insert(waiter.id)
                    waiter.continuation.resume(returning: .success(()))
                } else {
                    blocked.formUnion(keys)
                }
            }
            waiters.removeAll { served.contains($0.id) }
        }
        for waiter in waiters where waiter.deadlineNs <= now {
            waiter.continuation.resume(returning: .failure(
                .throttled(venue: venue, path: waiter.endpoint, waitMs: limits.maxWaitMs)))
        }
        waiters.removeAll { $0.deadlineNs <= now }
        scheduleWake(nowNs: now)
    }

    /// Tokens left in `bucket` (a rule name, or `name|endpoint` for per-endpoint rules), after refill.
    public func tokens(_ bucket: String) -> Double? {
        buckets[bucket]?.refill(nowNs: clock.monotonicNanos())
        return buckets[bucket]?.tokens
    }

    /// Requests waiting for their turn.
    public var waitingCount: Int { waiters.count }

    /// Milliseconds until requests may go again after a rate-limit answer (0 when not paused).
    public var pausedForMs: Int64 {
        let now = clock.monotonicNanos()
        return pausedUntilNs > now ? Int64((pausedUntilNs - now) / 1_000_000) : 0
    }

    /// Venue codes that mean "rate limited" (Binance, OKX, Bybit).
    public static let rateLimitCodes: Set<String> = ["-1003", "-1015", "50011", "50061", "10006"]

    // MARK: - Buckets

    /// Places and queries leave the cancel reserve untouched; cancels and amends may use it.
    private static func respectsReserve(_ priority: RequestCost.Priority) -> Bool {
        priority == .place || priority == .query
    }

    private func needs(for cost: RequestCost, nowNs: UInt64) -> [Need] {
        var out: [Need] = []
        for rule in limits.rules {
            let units = rule.units(cost)
            guard units > 0 else { continue }
            let key = rule.bucketKey(cost)
            ensureBucket(key, rule: rule, nowNs: nowNs)
            buckets[key]?.refill(nowNs: nowNs)
            out.append(Need(key: key, units: Double(units)))
        }
        return out
    }

    private func ensureBucket(_ key: String, rule: RateLimitRule, nowNs: UInt64) {
        guard buckets[key] == nil else { return }
        let budget = limits.safety * Double(rule.limit)
        // capacity + refill over one window = budget: no window ever sees more than the budget.
        let capacity = limits.burstShare * budget
        let perNs = (budget - capacity) / (Double(max(1, rule.windowMs)) * 1_000_000)
        buckets[key] = TokenBucket(capacity: capacity, perNs: perNs, nowNs: nowNs)
    }

    private func reserve(_ key: String, _ reserved: Bool) -> Double {
        reserved ? limits.cancelReserve * (buckets[key]?.capacity ?? 0) : 0
    }

    private func fits(_ needs: [Need], reserved: Bool) -> Bool {
        needs.allSatisfy { buckets[$0.key]?.fits($0.units, reserve: reserve($0.key, reserved)) ?? true }
    }

    private func take(_ needs: [Need]) {
        for need in needs { buckets[need.key]?.take(need.units) }
    }

    private func hasWaiterAhead(of priority: RequestCost.Priority, sharing needs: [Need]) -> Bool {
        let keys = Set(needs.map(\.key))
        return waiters.contains { $0.priority <= priority && $0.needs.contains { keys.contains($0.key) } }
    }

    /// Time until `needs` could go behind every waiter of the same or higher priority on the same buckets.
    private func estimatedWaitNs(_ needs: [Need], priority: RequestCost.Priority, reserved: Bool, nowNs: UInt64) -> UInt64 {
        var wait = pausedUntilNs > nowNs ? pausedUntilNs - nowNs : 0
        for need in needs {
            guard let bucket = buckets[need.key] else { continue }
            let queued = waiters.filter { $0.priority <= priority }
                .flatMap(\.needs).filter { $0.key == need.key }.reduce(0) { $0 + min($1.units, bucket.capacity) }
            wait = max(wait, bucket.nanosUntilFits(need.units + queued, reserve: reserve(need.key, reserved)))
        }
        return wait
    }

    // MARK: - Headers

    private func syncFromHeaders(_ headers: [String: String], cost: RequestCost?, nowNs: UInt64, wallMs: Int64) {
        for rule in limits.rules {
            guard let sync = rule.headerSync else { continue }
            let key: String
            if rule.scope == .venue {
                key = rule.name
            } else if let cost {
                key = rule.bucketKey(cost)
            } else {
                continue
            }
            switch sync {
            case .used(let header):
                guard let used = headers[header].flatMap({ Int($0) }) else { continue }
                let leftMs = rule.windowMs - ((wallMs % rule.windowMs) + rule.windowMs) % rule.windowMs
                apply(used: used, limit: rule.limit, windowLeftMs: leftMs, key: key, rule: rule, nowNs: nowNs)
            case .remaining(let remainingHeader, let limitHeader, let resetHeader):
                guard let remaining = headers[remainingHeader].flatMap({ Int($0) }) else { continue }
                let limit = headers[limitHeader].flatMap { Int($0) } ?? rule.limit
                let reset = headers[resetHeader].flatMap { Int64($0) }
                let leftMs = reset.map { min(rule.windowMs, max(0, $0 - wallMs)) } ?? rule.windowMs
                apply(used: limit - remaining, limit: limit, windowLeftMs: leftMs, key: key, rule: rule, nowNs: nowNs)
            }
        }
    }

    /// The venue counted `used` in a window with `windowLeftMs` to go: cap our bucket so that what it can
    /// still release in that time (balance + refill) stays within our share of the limit.
    private func apply(used: Int, limit: Int, windowLeftMs: Int64, key: String, rule: RateLimitRule, nowNs: UInt64) {
        ensureBucket(key, rule: rule, nowNs: nowNs)
        guard var bucket = buckets[key] else { return }
        bucket.refill(nowNs: nowNs)
        let budget = limits.safety * Double(limit)
        bucket.cap(at: budget - Double(used) - bucket.perNs * Double(windowLeftMs) * 1_000_000)
        buckets[key] = bucket
    }

    // MARK: - Waking up

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(returning: .failure(.throttled(venue: venue, path: waiter.endpoint, waitMs: 0)))
        pump()
    }

    /// Makes sure `pump()` runs when the earliest waiter may go or expire.
    private func scheduleWake(nowNs: UInt64) {
        guard !waiters.isEmpty else {
            wakeTask?.cancel()
            wakeTask = nil
            wakeAtNs = .max
            return
        }
        var next = UInt64.max
        for waiter in waiters {
            var ready = pausedUntilNs > nowNs ? pausedUntilNs : nowNs
            for need in waiter.needs {
                if let bucket = buckets[need.key] {
                    ready = max(ready, nowNs &+ bucket.nanosUntilFits(need.units, reserve: reserve(need.key, waiter.reserved)))
                }
            }
            next = min(next, waiter.deadlineNs, ready)
        }
        if wakeTask != nil, wakeAtNs <= next, wakeAtNs > nowNs { return }
        wakeTask?.cancel()
        wakeGeneration &+= 1
        let generation = wakeGeneration
        wakeAtNs = next
        let delayNs = max(1_000_000, next > nowNs ? next - nowNs : 0)
        wakeTask = Task { [weak self] in
            try? await Task.sleep(nanoseconds: delayNs)
            guard !Task.isCancelled else { return }
            await self?.wake(generation)
        }
    }

    private func wake(_ generation: UInt64) {
        guard generation == wakeGeneration else { return }
        wakeTask = nil
        wakeAtNs = .max
        pump()
    }
}
