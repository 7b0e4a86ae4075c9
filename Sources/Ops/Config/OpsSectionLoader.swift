import Yams

/// Reads only `profile` and the `ops` section of a profile file, for CLI tools (`propbot auth`, `propbot audit`)
/// that must work where the trading secrets are not in the environment. The same checks as the full loader
/// apply to those keys; other sections are not looked at.
public enum OpsSectionLoader {
    /// The profile kind and its `ops` settings from `path`.
    public static func load(path: String, environment: [String: String]) throws(ConfigError) -> (ProfileKind, OpsConfig) {
        let text = try ProfileLoader.readFile(path)
        let root: Node
        switch YAMLComposer.compose(text, fileLabel: "файл «\(path)»") {
        case .tree(let node): root = node
        case .failed(let issue): throw ConfigError(sourceName: path, issues: [issue])
        case .empty: return (.demo, .defaults(for: .demo))
        }
        var reader = NodeReader(resolver: EnvironmentResolver(environment: environment))
        guard let top = reader.mapping(root, path: "") else { throw ConfigError(sourceName: path, issues: reader.issues) }
        let fallback = ProfileLoader.intendedProfile(of: path) ?? .demo
        let kind: ProfileKind = top.value("profile").map { reader.choice($0, path: "profile", default: fallback) } ?? fallback
        var decoder = ProfileDecoder(reader: reader, intended: nil)
        let ops = decoder.readOps(top, profile: kind)
        guard decoder.reader.issues.isEmpty else { throw ConfigError(sourceName: path, issues: decoder.reader.issues) }
        return (kind, ops)
    }
}
