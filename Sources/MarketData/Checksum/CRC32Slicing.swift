/// IEEE/zlib CRC-32 (the polynomial of `PropCore.CRC32`) over a byte buffer, eight bytes per step
/// ("slicing-by-8"): the byte-at-a-time loop waits on one table load per byte, this one on one per eight.
/// The tests check it against `PropCore.CRC32`.
enum CRC32Slicing {
    /// Eight 256-entry tables back to back: table `k` advances a byte through `k` further zero bytes.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let prev = t[(k - 1) * 256 + n]
                t[k * 256 + n] = (prev >> 8) ^ t[Int(prev & 0xFF)]
            }
        }
        return t
    }()

    /// CRC-32 of `bytes` (zlib's `crc32(0, bytes, count)`).
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard var p = bytes.baseAddress else { return 0 }
        var left = bytes.count
        var crc = ~UInt32(0)
        tables.withUnsafeBufferPointer { tb in
            let t = tb.baseAddress!
            @inline(__always) func at(_ table: Int, _ v: UInt32) -> UInt32 { t[table &* 256 &+ Int(v & 0xFF)] }
            while left >= 8 {
                let raw = UnsafeRawPointer(p)
                let lo = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)) ^ crc
                let hi = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                crc = at(7, lo) ^ at(6, lo >> 8) ^ at(5, lo >> 16) ^ at(4, lo >> 24)
                    ^ at(3, hi) ^ at(2, hi >> 8) ^ at(1, hi >> 16) ^ at(0, hi >> 24)
                p += 8
                left &-= 8
            }
            while left > 0 {
                crc = at(0, crc ^ UInt32(p.pointee)) ^ (crc >> 8)
                p += 1
                left &-= 1
            }
        }
        return ~crc
    }
}
