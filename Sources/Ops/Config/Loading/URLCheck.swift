/// Minimal URL shape check (`scheme://host[:port][/path]`) without Foundation's lenient parser, which accepts
/// things like `https:/host` that a connector would then fail on at run time.
struct URLCheck {
    var scheme: String
    var host: String
    var port: Int?
    /// Everything after the authority (`/ws/v5/public`), empty when there is none.
    var path: String

    init?(_ text: String) {
        guard let sep = text.firstRange(of: "://") else { return nil }
        scheme = String(text[..<sep.lowerBound]).lowercased()
        let rest = text[sep.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        path = String(rest.dropFirst(authority.count))
        guard !authority.contains("@"), !authority.contains(" ") else { return nil }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { port = nil } else {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (1...65_535).contains(p) else { return nil }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(p) else { return nil }
            port = p
        } else {
            host = String(authority); port = nil
        }
        guard !host.isEmpty, !rest.contains(" ") else { return nil }
    }
}
