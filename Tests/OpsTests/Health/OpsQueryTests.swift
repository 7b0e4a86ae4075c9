import PropCore
@testable import Ops
import Testing

@Suite("Health/status query parameters")
struct OpsQueryTests {
    @Test func componentsFilters() throws {
        let q = try OpsQuery.components(["scope": "venue", "type": "connector", "group": "p0", "_": "123"])
        #expect(q.scope == .venue && q.kind == .connector && q.group == .p0)
        #expect(try OpsQuery.components([:]) == OpsQuery.Components())
        #expect(try OpsQuery.group(["group": "all"]) == nil)
    }

    @Test func badWordsNameTheFieldInRussian() {
        for (field, value) in [("scope", "planet"), ("type", "daemon"), ("group", "P9")] {
            do {
                _ = try OpsQuery.components([field: value])
                Issue.record("accepted \(field)=\(value)")
            } catch {
                #expect(error.field == field && error.code == "query_invalid")
                #expect(error.messageRu.hasPrefix("Параметр «\(field)»: недопустимое значение «\(value)»"))
                #expect(error.hintRu.hasPrefix("Допустимые значения:"))
                #expect(error.body.messageRu == error.messageRu)
            }
        }
    }

    @Test func historyParsesTimesAndBuckets() throws {
        let q = try OpsQuery.history(["from": "2026-12-04T10:00:00Z", "to": "2026-12-04T11:00:00.5Z", "bucket": "5m"], nowMs: 0)
        #expect(q.fromMs == 1_796_378_400_000 && q.toMs == 1_796_382_000_500 && q.bucketMs == 300_000)
        let d = try OpsQuery.history([:], nowMs: 10_000_000)
        #expect(d.toMs == 10_000_000 && d.fromMs == 6_400_000 && d.bucketMs == 300_000)
        #expect(try OpsQuery.history(["from": "0", "to": "60000", "bucket": "1000"], nowMs: 0).bucketMs == 1_000)
        #expect(ISO8601Parse.millis("1970-01-01T00:00:01.000Z") == 1_000)
        #expect(ISO8601Parse.millis("2024-02-29T23:59:59Z").map { ISO8601Millis.string(fromMillis: $0) } == "2024-02-29T23:59:59.000Z")
    }

    @Test func outOfRangeHistoryValuesNameTheField() {
        let cases: [([String: String], String, String)] = [
            (["bucket": "7x"], "bucket", "query_invalid"),
            (["bucket": "500"], "bucket", "query_out_of_range"),
            (["bucket": "2d"], "bucket", "query_out_of_range"),
            (["from": "вчера"], "from", "query_invalid"),
            (["to": "-5"], "to", "query_out_of_range"),
            (["from": "2026-12-04T11:00:00Z", "to": "2026-12-04T10:00:00Z"], "from", "query_out_of_range"),
            (["from": "0", "to": "864000000"], "from", "query_out_of_range"),
            (["from": "0", "to": "86400000", "bucket": "1s"], "bucket", "query_out_of_range"),
            (["to": "2026-13-01T00:00:00Z"], "to", "query_invalid"),
        ]
        for (params, field, code) in cases {
            do {
                _ = try OpsQuery.history(params, nowMs: 1_796_382_000_000)
                Issue.record("accepted \(params)")
            } catch {
                #expect(error.field == field && error.code == code, "\(params) → \(error)")
                #expect(error.messageRu.hasPrefix("Параметр «\(field)»:"))
            }
        }
    }
}
