import PropCore
import Testing

@Suite struct ISO8601MillisTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_717_000_000_123), "2024-05-29T16:26:40.123Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
    ])
    func formatsUTCWithMillis(_ ms: Int64, _ expected: String) {
        #expect(ISO8601Millis.string(fromMillis: ms) == expected)
    }
}
