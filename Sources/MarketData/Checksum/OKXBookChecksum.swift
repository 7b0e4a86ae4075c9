import PropCore

/// OKX's order-book checksum (CRC-32 over `bidPx:bidSz:askPx:askSz:…` of the top levels), computed by
/// streaming the decimal digits straight into the CRC: no string, no heap buffer, nothing allocated.
///
/// Numbers are printed as OKX prints them: minimal decimals, trailing fractional zeros trimmed
/// (`Price.trimmedDescription`). The CRC is the same IEEE/zlib polynomial as `PropCore.CRC32`, kept
/// here as a table-driven loop so the per-byte step inlines (the PropCore entry point is generic over
/// `Sequence` and not specialised across modules); the tests check both agree.
public enum OKXBookChecksum {
    @usableFromInline
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The signed CRC-32 OKX would send for `book`'s top `depth` levels per side.
    public static func compute(_ book: OrderBook, depth: Int = 25) -> Int32 {
        table.withUnsafeBufferPointer { t -> Int32 in
            var state = State(crc: ~UInt32(0), first: true, table: t)
            let bidN = Swift.min(depth, book.bidCount)
            let askN = Swift.min(depth, book.askCount)
            var i = 0
            while i < bidN || i < askN {
                if i < bidN, let b = book.bidSide.level(at: i) {
                    state.level(b, priceScale: book.priceScale, qtyScale: book.qtyScale)
                }
                if i < askN, let a = book.askSide.level(at: i) {
                    state.level(a, priceScale: book.priceScale, qtyScale: book.qtyScale)
                }
                i += 1
            }
            return Int32(bitPattern: ~state.crc)
        }
    }

    /// The exact text the checksum covers; slow and allocating, for tests and diagnostics.
    public static func text(_ book: OrderBook, depth: Int = 25) -> String {
        var parts: [String] = []
        let bids = book.bids(depth: depth), asks = book.asks(depth: depth)
        for i in 0..<Swift.max(bids.count, asks.count) {
            if i < bids.count {
                parts.append(Price(units: bids[i].price, scale: book.priceScale).trimmedDescription)
                parts.append(Qty(units: bids[i].qty, scale: book.qtyScale).trimmedDescription)
            }
            if i < asks.count {
                parts.append(Price(units: asks[i].price, scale: book.priceScale).trimmedDescription)
                parts.append(Qty(units: asks[i].qty, scale: book.qtyScale).trimmedDescription)
            }
        }
        return parts.joined(separator: ":")
    }

    /// Running CRC plus "is this the first number" (every later number is preceded by `:`).
    struct State {
        var crc: UInt32
        var first: Bool
        let table: UnsafeBufferPointer<UInt32>

        @inline(__always)
        mutating func byte(_ b: UInt8) {
            crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8)
        }

        mutating func level(_ l: BookLevel, priceScale: Int, qtyScale: Int) {
            number(l.price, scale: priceScale)
            number(l.qty, scale: qtyScale)
        }

        /// Feeds `units / 10^scale` in OKX's minimal decimal form.
        mutating func number(_ units: Int64, scale: Int) {
            if first { first = false } else { byte(UInt8(ascii: ":")) }
            if units < 0 { byte(UInt8(ascii: "-")) }
            var v = units.magnitude
            var s = scale
            while s > 0, v % 10 == 0 { v /= 10; s -= 1 }
            // Up to 20 digits plus room for leading fractional zeros ("0.000…") written in reverse.
            var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { raw in
                var n = 0
                repeat {
                    raw[n] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                    v /= 10
                    n += 1
                } while v != 0
                // Pad so there is at least one integer digit: 0.005 at scale 3 is "5" → "0.005".
                while n <= s, n < 32 { raw[n] = 48; n += 1 }
                var i = n - 1
                while i >= 0 {
                    if i == s - 1 { byte(UInt8(ascii: ".")) }
                    byte(raw[i])
                    i -= 1
                }
            }
        }
    }
}

extension OrderBook {
    /// OKX checksum of this book's top `depth` levels (see `OKXBookChecksum`).
    @inlinable
    public func okxChecksum(depth: Int = 25) -> Int32 { OKXBookChecksum.compute(self, depth: depth) }
}
