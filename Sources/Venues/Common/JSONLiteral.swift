/// Writes JSON text for the hand-built private request bodies and login frames.
public enum JSONLiteral {
    /// `s` as a JSON string literal: quotes and backslashes escaped, control characters as `\u00XX`.
    /// Client ids and symbols are plain ASCII, but anything else is escaped correctly anyway.
    public static func string(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }
}
