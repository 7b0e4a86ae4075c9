/// Query parameters of `/api/ui/health/*` and `/api/ui/status/*`, parsed and range-checked. Unknown
/// parameters are ignored (cache busters); a bad value of a known one is a `QueryError` naming it.
public enum OpsQuery {
    /// `/api/ui/health/components?scope=&type=&group=`.
    public struct Components: Sendable, Hashable {
        public var scope: ScopeFilter = .all
        public var kind: ComponentKind?
        public var group: ComponentGroup?
    }

    /// `/api/ui/health/history?from=&to=&bucket=`.
    public struct History: Sendable, Hashable {
        public var fromMs: Int64
        public var toMs: Int64
        public var bucketMs: Int64
    }

    /// Longest history span one request may ask for.
    public static let maxSpanMs: Int64 = 7 * 86_400_000
    /// Bucket sizes allowed: one second to one day.
    public static let bucketRangeMs: ClosedRange<Int64> = 1_000...86_400_000
    /// Most points one history answer may hold.
    public static let maxPoints: Int64 = 10_000

    /// `scope`, `type`, `group`.
    public static func components(_ params: [String: String]) throws(QueryError) -> Components {
        var q = Components()
        if let v = params["scope"] { q.scope = try choice("scope", v, ScopeFilter.self) }
        if let v = params["type"] { q.kind = try choice("type", v, ComponentKind.self) }
        q.group = try group(params)
        return q
    }

    /// `group` (`P0`…`P3`, any case); nil when absent or `all`.
    public static func group(_ params: [String: String]) throws(QueryError) -> ComponentGroup? {
        guard let v = params["group"], v.lowercased() != "all" else { return nil }
        return try choice("group", v.uppercased(), ComponentGroup.self, shown: v)
    }

    /// `from`, `to` (ISO-8601 UTC or epoch milliseconds) and `bucket` (`30s`, `5m`, `1h`, `1d` or milliseconds).
    /// Defaults: the last hour up to `nowMs`, 5-minute buckets.
    public static func history(_ params: [String: String], nowMs: Int64) throws(QueryError) -> History {
        let to = try params["to"].map { v throws(QueryError) in try time("to", v) } ?? nowMs
        let from = try params["from"].map { v throws(QueryError) in try time("from", v) } ?? (to - 3_600_000)
        let bucket = try params["bucket"].map { v throws(QueryError) in try duration("bucket", v) } ?? 300_000
        guard from < to else {
            throw QueryError(field: "from", code: "query_out_of_range", problemRu: "начало периода не раньше конца (from ≥ to)",
                             hintRu: "Укажите from раньше to")
        }
        guard to - from <= maxSpanMs else {
            throw QueryError(field: "from", code: "query_out_of_range", problemRu: "период длиннее 7 суток",
                             hintRu: "Запросите не больше 7 суток за раз")
        }
        guard bucketRangeMs.contains(bucket) else {
            throw QueryError(field: "bucket", code: "query_out_of_range",
                             problemRu: "корзина \(params["bucket"] ?? "") вне диапазона 1s…1d",
                             hintRu: "Укажите от 1s до 1d, например bucket=5m")
        }
        guard (to - from) / bucket <= maxPoints else {
            throw QueryError(field: "bucket", code: "query_out_of_range",
                             problemRu: "слишком мелкая корзина: больше \(maxPoints) точек за период",
                             hintRu: "Увеличьте bucket или сократите период")
        }
        return History(fromMs: from, toMs: to, bucketMs: bucket)
    }

    // MARK: values

    static func choice<E: RawRepresentable & CaseIterable>(_ field: String, _ v: String, _: E.Type,
                                                            shown: String? = nil) throws(QueryError) -> E where E.RawValue == String {
        if let e = E(rawValue: v) { return e }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        throw QueryError(field: field, code: "query_invalid", problemRu: "недопустимое значение «\(shown ?? v)»",
                         hintRu: "Допустимые значения: \(allowed)")
    }

    static func duration(_ field: String, _ v: String) throws(QueryError) -> Int64 {
        let units: [Character: Int64] = ["s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000]
        let bad = QueryError(field: field, code: "query_invalid", problemRu: "значение «\(v)» не распознано как длительность",
                             hintRu: "Формат: число с единицей s, m, h или d (например 30s, 5m, 1h) или миллисекунды")
        if let ms = Int64(v) { return ms }
        guard let unit = v.last, let mult = units[unit], let n = Int64(v.dropLast()), n >= 0 else { throw bad }
        let (ms, overflow) = n.multipliedReportingOverflow(by: mult)
        guard !overflow else { throw bad }
        return ms
    }

    static func time(_ field: String, _ v: String) throws(QueryError) -> Int64 {
        if let ms = Int64(v) {
            guard ms >= 0 else {
                throw QueryError(field: field, code: "query_out_of_range", problemRu: "время \(ms) раньше 1970 года",
                                 hintRu: "Укажите миллисекунды Unix ≥ 0 или время ISO-8601 UTC")
            }
            return ms
        }
        guard let ms = ISO8601Parse.millis(v) else {
            throw QueryError(field: field, code: "query_invalid", problemRu: "время «\(v)» не распознано",
                             hintRu: "Формат: ISO-8601 UTC, например 2026-12-04T10:00:00Z, или миллисекунды Unix")
        }
        return ms
    }
}
