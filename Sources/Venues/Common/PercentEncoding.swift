/// Percent-encoding for signed query strings.
public enum PercentEncoding {
    /// RFC 3986 unreserved characters pass through; every other byte becomes `%XX` (upper-case hex).
    /// Venues sign the encoded form, which is what the server sees, so any consistent encoding is accepted.
    public static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + HexBase64.lowerHex([b]).uppercased()
            }
        }
        return out
    }
}
