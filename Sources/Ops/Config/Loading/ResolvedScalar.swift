/// A scalar after `${…}` expansion, remembering its original text so reports can show what the operator wrote
/// instead of an expanded value (which may be a secret).
struct ResolvedScalar {
    /// Text after expansion.
    var text: String
    /// Text as written in the file.
    var raw: String
    var line: Int?
    var column: Int?
    /// Plain (unquoted) YAML scalar: only these are read as numbers or booleans, so `"8000"` is a string.
    var isPlain: Bool
    /// At least one `${…}` was expanded; numbers are then accepted from the expanded text even when quoted.
    var substituted: Bool

    /// How the value is quoted in Russian messages: the written text, shortened; expansions are never shown.
    var shown: String {
        let text = raw.count > 60 ? String(raw.prefix(57)) + "…" : raw
        return substituted ? "«\(text)» (подставленное значение не показывается)" : "«\(text)»"
    }

    /// Whether the scalar may be read as a number or boolean.
    var isUntypedText: Bool { !isPlain && !substituted }

    var intValue: Int? {
        guard !isUntypedText else { return nil }
        let t = text.filter { $0 != "_" }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) else { return nil }
        return Int(t)
    }

    var doubleValue: Double? {
        guard !isUntypedText else { return nil }
        let t = text
        guard !t.isEmpty,
            t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+" || $0 == "." || $0 == "e" || $0 == "E") })
        else { return nil }
        return Double(t)
    }

    var boolValue: Bool? {
        guard !isUntypedText else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}
