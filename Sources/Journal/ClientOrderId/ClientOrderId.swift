/// Deterministic client order ids built from the fencing epoch and the journal sequence.
///
/// Format: `pb` + epoch in base 36 (7 digits, zero-padded) + sequence in base 36 (13 digits, zero-padded,
/// the Int64's bit pattern). 22 lowercase alphanumerics, starting with a letter: valid for OKX
/// (`clOrdId` ≤ 32 alphanumerics), Binance (`newClientOrderId` ≤ 36 of `[.A-Z:/a-z0-9_-]`) and Bybit
/// (`orderLinkId` ≤ 36 of letters, digits, `-`, `_`). Fixed width makes it injective and decodable, so a
/// retry after a crash rebuilds the very same id and the venue de-duplicates it.
public enum ClientOrderId {
    /// Prefix that marks ids issued by PropBot (orphans without it are not ours).
    public static let prefix = "pb"
    private static let epochDigits = 7      // 36^7 > UInt32.max
    private static let sequenceDigits = 13  // 36^13 > UInt64.max
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// Total length of every id.
    public static let length = 2 + 7 + 13

    /// The id for journal `sequence` written under fencing `epoch`. Pure: same inputs, same id.
    /// Written straight into the string's storage: one allocation (this runs for every order sent).
    public static func make(epoch: UInt32, sequence: Int64) -> String {
        String(unsafeUninitializedCapacity: length) { out in
            for (i, byte) in prefix.utf8.enumerated() { out[i] = byte }
            write(UInt64(epoch), digits: epochDigits, into: out, at: prefix.utf8.count)
            write(UInt64(bitPattern: sequence), digits: sequenceDigits, into: out, at: prefix.utf8.count + epochDigits)
            return length
        }
    }

    /// The (epoch, sequence) an id was made from, or nil when `id` is not a PropBot id.
    public static func decode(_ id: String) -> (epoch: UInt32, sequence: Int64)? {
        let bytes = Array(id.utf8)
        guard bytes.count == length, bytes.starts(with: prefix.utf8) else { return nil }
        guard let epoch = parse(bytes[2..<(2 + epochDigits)]), let e = UInt32(exactly: epoch),
              let sequence = parse(bytes[(2 + epochDigits)...]) else { return nil }
        return (e, Int64(bitPattern: sequence))
    }

    /// `value` in base 36, zero-padded to `digits`, at `out[start...]`.
    private static func write(_ value: UInt64, digits: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var v = value
        for i in stride(from: start + digits - 1, through: start, by: -1) {
            out[i] = alphabet[Int(v % 36)]
            v /= 36
        }
    }

    private static func parse(_ digits: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            let d: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(byte - UInt8(ascii: "a")) + 10
            default: return nil
            }
            // Overflow means a 13-digit string above UInt64.max: not something `make` produced.
            let (m, o1) = value.multipliedReportingOverflow(by: 36)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }
}
