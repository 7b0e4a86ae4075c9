/// One sample kept for `/api/ui/health/history`.
struct HealthSample: Sendable, Hashable {
    var atMs: Int64
    var scorePct: Double
    var overall: HealthStatus
    var statuses: [String: HealthStatus]
}

/// One bucket of `GET /api/ui/health/history`: the score and the worst colours seen in it.
public struct HealthHistoryPoint: Sendable, Hashable, Encodable {
    /// Bucket start, ISO-8601.
    public var ts: String
    /// Mean `score_pct` of the samples in the bucket.
    public var scorePct: Double
    /// Lowest `score_pct` in the bucket, so a short dip is not averaged away.
    public var scorePctMin: Double
    /// Worst overall colour in the bucket.
    public var overall: HealthStatus
    /// Worst colour per component in the bucket.
    public var components: [String: HealthStatus]
    /// Samples the bucket summarises.
    public var samples: Int

    enum CodingKeys: String, CodingKey {
        case ts
        case scorePct = "score_pct"
        case scorePctMin = "score_pct_min"
        case overall, components, samples
    }
}

/// `GET /api/ui/health/history` body.
public struct HealthHistory: Sendable, Hashable, Encodable {
    public var from: String
    public var to: String
    public var bucketMs: Int64
    public var points: [HealthHistoryPoint]

    enum CodingKeys: String, CodingKey {
        case from, to
        case bucketMs = "bucket_ms"
        case points
    }
}
