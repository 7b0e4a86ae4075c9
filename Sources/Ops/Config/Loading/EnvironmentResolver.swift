/// Expands `${NAME}` and `${NAME:-default}` in scalar values. Names are looked up in the injected environment
/// first, then in the secrets file; `$$` is a literal `$`. Works on parsed scalars, never on the raw text, so a
/// value can not inject YAML structure and line numbers stay true.
struct EnvironmentResolver {
    /// The outcome of expanding one scalar.
    enum Outcome: Equatable {
        /// Expanded text; `substituted` is true when at least one reference was replaced.
        case text(String, substituted: Bool)
        /// References to names that are unset (or empty) and have no default.
        case missing([String])
        /// A `${…}` that is not closed or has an invalid name; carries the offending fragment.
        case malformed(String)
    }

    var environment: [String: String]
    var secrets: [String: String]

    init(environment: [String: String], secrets: [String: String] = [:]) {
        self.environment = environment; self.secrets = secrets
    }

    /// A name's value; unset and empty count as absent, like the shell's `:-`.
    func lookup(_ name: String) -> String? {
        if let v = environment[name], !v.isEmpty { return v }
        if let v = secrets[name], !v.isEmpty { return v }
        return nil
    }

    /// Whether a text contains a reference at all (a literal value otherwise).
    static func hasReference(_ text: String) -> Bool { text.contains("${") }

    func expand(_ raw: String) -> Outcome {
        guard raw.contains("$") else { return .text(raw, substituted: false) }
        var out = ""
        var missing: [String] = []
        var substituted = false
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            let next = raw.index(after: i)
            guard c == "$", next < raw.endIndex else { out.append(c); i = next; continue }
            if raw[next] == "$" { out.append("$"); i = raw.index(after: next); continue }
            guard raw[next] == "{" else { out.append(c); i = next; continue }
            let bodyStart = raw.index(after: next)
            guard let close = raw[bodyStart...].firstIndex(of: "}") else {
                return .malformed(String(raw[i...].prefix(40)))
            }
            let body = String(raw[bodyStart..<close])
            let name: String
            let fallback: String?
            if let sep = body.firstRange(of: ":-") {
                name = String(body[..<sep.lowerBound]); fallback = String(body[sep.upperBound...])
            } else {
                name = body; fallback = nil
            }
            guard Self.isValidName(name) else { return .malformed("${\(body)}") }
            substituted = true
            if let value = lookup(name) {
                out += value
            } else if let fallback {
                out += fallback
            } else {
                missing.append(name)
            }
            i = raw.index(after: close)
        }
        return missing.isEmpty ? .text(out, substituted: substituted) : .missing(missing)
    }

    /// Shell-style variable name: a letter or `_`, then letters, digits, `_`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
