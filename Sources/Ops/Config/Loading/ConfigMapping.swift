import Yams

/// A YAML mapping being read, with its dotted path and position, so every field read can be reported precisely.
struct ConfigMapping {
    struct Entry {
        var key: String
        var keyLine: Int?
        var keyColumn: Int?
        var value: Node
    }

    var path: String
    var line: Int?
    var entries: [Entry]

    /// The value node of a key, if present.
    func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    /// Whether a key is present.
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The line of a key if present, else of the mapping itself (for "missing key" reports).
    func line(of key: String) -> Int? { entries.first { $0.key == key }?.keyLine ?? line }

    /// Dotted path of a child key.
    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether a value is YAML null (`~`, `null`, nothing); absent counts as not null.
    static func isNullValue(_ node: Node?) -> Bool { node.map(NodeReader.isNull) ?? false }
}
