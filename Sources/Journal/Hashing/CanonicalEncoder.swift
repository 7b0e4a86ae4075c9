/// Builds the unambiguous byte string a hash-chained row is hashed over: a format tag, then fields in a fixed
/// order; text as presence byte + big-endian UInt32 length + UTF-8, integers as big-endian 8 bytes. Length
/// prefixes make the encoding injective (no two different rows give the same bytes). Shared by the order
/// journal and the audit log so both chains are built the same way.
struct CanonicalEncoder {
    private(set) var bytes: [UInt8]

    /// Starts an encoding with a format tag (e.g. `PJ1`, `PA1`) so rows of different tables never collide.
    init(tag: String) { bytes = Array(tag.utf8) }

    /// Appends a big-endian 8-byte integer.
    mutating func int(_ v: Int64) { withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) } }

    /// Appends optional text: 0 for nil, else 1 + length + UTF-8.
    mutating func text(_ s: String?) {
        guard let s else { bytes.append(0); return }
        bytes.append(1)
        let utf8 = Array(s.utf8)
        withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }

    /// Appends one raw byte (a field tag for optional trailing fields).
    mutating func tag(_ byte: UInt8) { bytes.append(byte) }
}
