import PropCore
import Crypto

/// SHA-256 of a profile text, so audit records identify which config was applied without copying it
/// (a profile may reference secrets by name, and its text is large).
enum ConfigDigest {
    static func sha256Hex(_ text: String) -> String {
        HexCoding.hex(Array(SHA256.hash(data: Array(text.utf8))))
    }
}
