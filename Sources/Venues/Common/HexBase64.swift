import Foundation

/// Encodings used by venue request signers: lowercase hex (Binance, Bybit) and standard base64 (OKX).
/// Kept in one place so every signer produces byte-identical output for the same MAC.
public enum HexBase64 {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase hexadecimal of `bytes`, two characters per byte, no separators.
    public static func lowerHex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard (RFC 4648, padded) base64 of `bytes`.
    public static func base64<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Data(bytes).base64EncodedString()
    }
}
