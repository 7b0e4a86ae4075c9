/// Signature comparison for the simulated venues' request and login checks.
enum SimSignature {
    /// Whether `a` equals `b`, without an early exit on the first differing byte (timing tells nothing).
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
