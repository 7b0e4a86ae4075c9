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

    /// Lowercase hex of a hash, for reports.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
