import Crypto

/// The hash-chain rule shared by every append-only table: each row stores SHA-256(prev_hash || row bytes),
/// and the first row chains on 32 zero bytes.
enum HashChain {
    /// `prev_hash` of the first row.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// SHA-256(prevHash || payload).
    static func link(prevHash: [UInt8], payload: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: prevHash)
        hasher.update(data: payload)
        return Array(hasher.finalize())
    }
}
