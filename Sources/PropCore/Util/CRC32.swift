/// IEEE CRC-32 (the zlib polynomial), used for OKX order-book checksums.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Continues a running CRC over `bytes`; start with `0`.
    public static func update(_ crc: UInt32, _ bytes: some Sequence<UInt8>) -> UInt32 {
        var c = ~crc
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    /// CRC-32 of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 { update(0, bytes) }

    /// CRC-32 as OKX reports it: the same bits read as a signed 32-bit integer.
    public static func signedChecksum(_ bytes: some Sequence<UInt8>) -> Int32 { Int32(bitPattern: checksum(bytes)) }
}
