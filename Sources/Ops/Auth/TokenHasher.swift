import PropCore
import Crypto
import Foundation

/// Token generation, salted hashing and constant-time comparison.
enum TokenHasher {
    /// Prefix that makes a PropBot token recognisable to secret scanners.
    static let prefix = "pbt_"

    /// 32 random bytes from the system CSPRNG, base64url without padding, behind `pbt_`.
    static func newToken() -> String {
        prefix + base64url(randomBytes(32))
    }

    /// 16 random bytes, hex.
    static func newSalt() -> String { HexCoding.hex(randomBytes(16)) }

    /// SHA-256(salt bytes || token UTF-8) as hex; nil when the salt is not hex.
    static func hash(token: String, saltHex: String) -> String? {
        guard let salt = HexCoding.bytes(fromHex: saltHex) else { return nil }
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(token.utf8))
        return HexCoding.hex(Array(hasher.finalize()))
    }

    /// Equal-length comparison whose time does not depend on where the strings differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return diff == 0
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        // SystemRandomNumberGenerator is the OS CSPRNG (getrandom on Linux, arc4random on Darwin).
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
