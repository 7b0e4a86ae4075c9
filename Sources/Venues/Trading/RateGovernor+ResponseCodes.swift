extension RateGovernor {
    /// The rate-limit code in a venue answer's body, if it carries one: Binance `"code":-1003`/`-1015`,
    /// OKX `"code":"50011"`/`"sCode":"50011"` (and `50061`), Bybit `"retCode":10006` (sent with HTTP 200).
    /// A plain byte search over the start of the body: cheap enough for every answer, and the venues
    /// put the code first.
    public static func rateLimitCode(inBody body: [UInt8]) -> String? {
        let head = body.prefix(4_096).filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }
        for (pattern, code) in patterns where contains(head, pattern) { return code }
        return nil
    }

    private static let patterns: [([UInt8], String)] = [
        ("\"retCode\":10006", "10006"),
        ("\"code\":\"50011\"", "50011"), ("\"sCode\":\"50011\"", "50011"),
        ("\"code\":\"50061\"", "50061"), ("\"sCode\":\"50061\"", "50061"),
        ("\"code\":-1003", "-1003"), ("\"code\":-1015", "-1015"),
    ].map { (Array($0.0.utf8), $0.1) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
