@testable import Ops
import Testing

@Suite("Key suggestions and variable expansion")
struct KeySuggesterTests {
    @Test(arguments: [
        ("stale_msx", "stale_ms"), ("stlae_ms", "stale_ms"), ("stalems", "stale_ms"), ("snapshot_limt", "snapshot_limit"),
        ("ping_interval", "ping_interval_ms"), ("reconect", "reconnect"),
    ])
    func typoSuggestsIntendedKey(typo: String, expected: String) {
        #expect(KeySuggester.closest(to: typo, in: ProfileSchema.marketData) == expected)
    }

    @Test func unrelatedWordGetsNoSuggestion() {
        #expect(KeySuggester.closest(to: "banana", in: ProfileSchema.marketData) == nil)
    }

    @Test func expansionCases() {
        let r = EnvironmentResolver(environment: ["A": "1", "EMPTY": ""], secrets: ["S": "s"])
        #expect(r.expand("x${A}y") == .text("x1y", substituted: true))
        #expect(r.expand("${EMPTY:-d}") == .text("d", substituted: true))
        #expect(r.expand("${S}") == .text("s", substituted: true))
        #expect(r.expand("${NOPE}${A}${ALSO}") == .missing(["NOPE", "ALSO"]))
        #expect(r.expand("plain $ text") == .text("plain $ text", substituted: false))
        #expect(r.expand("${A") == .malformed("${A"))
        #expect(r.expand("${A-B}") == .malformed("${A-B}"))
    }
}
