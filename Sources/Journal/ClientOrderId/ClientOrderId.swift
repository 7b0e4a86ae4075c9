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
    public static func make(epoch: UInt32, sequence: Int64) -> String {
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(length)
        append(UInt64(epoch), digits: epochDigits, to: &bytes)
        append(UInt64(bitPattern: sequence), digits: sequenceDigits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The (epoch, sequence) an id was made from, or nil when `id` is not a PropBot id.
    public static func decode(_ id: String) -> (epoch: UInt32, sequence: Int64)? {
        let bytes = Array(id.utf8)
        guard bytes.count == length, bytes.starts(with: prefix.utf8) else { return nil }
        guard let epoch = parse(bytes[2..<(2 + epochDigits)]), let e = UInt32(exactly: epoch),
              let sequence = parse(bytes[(2 + epochDigits)...]) else { return nil }
        return (e, Int64(bitPattern: sequence))
    }

    private static func append(_ value: UInt64, digits: Int, to out: inout [UInt8]) {
        var digitsOut = [UInt8](repeating: alphabet[0], count: digits)
        var v = value
        var i = digits - 1
        while v > 0 && i >= 0 {
            digitsOut[i] = alphabet[Int(v % 36)]
            v /= 36
            i -= 1
        }
        out.append(contentsOf: digitsOut)
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
