import Foundation

/// Loads `configs/status_thresholds.yaml` (§10.3) with the same strict checks and Russian issues as profiles,
/// then applies the profile's `status:` overrides.
public enum StatusThresholdsLoader {
    /// Where the shipped thresholds live, relative to the working directory.
    public static let defaultPath = "configs/status_thresholds.yaml"

    /// The effective thresholds for a loaded profile: its file (or the default file, or built-in defaults when
    /// that is absent) with its overrides on top.
    public static func load(for status: StatusConfig) throws(ConfigError) -> StatusThresholds {
        let path = status.thresholdsFile ?? defaultPath
        guard status.thresholdsFile != nil || FileManager.default.fileExists(atPath: path) else {
            return StatusThresholds.defaults.applying(status.overrides)
        }
        return try load(yaml: ProfileLoader.readFile(path), sourceName: path, overrides: status.overrides)
    }

    /// Thresholds from YAML text; keys left out keep the built-in defaults.
    public static func load(yaml: String, sourceName: String, overrides: StatusOverrides = .none) throws(ConfigError) -> StatusThresholds {
        var reader = NodeReader(resolver: EnvironmentResolver(environment: [:]))
        var fromFile = StatusOverrides.none
        switch YAMLComposer.compose(yaml, fileLabel: "файл «\(sourceName)»") {
        case .failed(let issue): throw ConfigError(sourceName: sourceName, issues: [issue])
        case .empty: break
        case .tree(let root):
            guard let top = reader.mapping(root, path: "") else { throw ConfigError(sourceName: sourceName, issues: reader.issues) }
            reader.checkKeys(top, allowed: ProfileSchema.statusThresholdsRoot)
            fromFile = reader.statusOverrides(top)
        }
        let merged = StatusThresholds.defaults.applying(fromFile).applying(overrides)
        reader.checkMerged(merged, path: "", line: nil)
        guard reader.issues.isEmpty else { throw ConfigError(sourceName: sourceName, issues: reader.issues) }
        return merged
    }
}
