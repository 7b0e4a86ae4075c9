import Foundation
import Yams

/// Loads and strictly validates profile files. Either returns a complete, valid `ProfileConfig` or throws a
/// `ConfigError` listing every problem found (never the first one only, never a half-applied config).
public enum ProfileLoader {
    /// Loads `path` (e.g. `configs/live.yaml`). `${NAME}` references resolve from `environment`, then from the
    /// profile's `secrets_file`. The file name must match `profile:` when it is a profile name.
    public static func load(path: String, environment: [String: String]) throws(ConfigError) -> ProfileConfig {
        let text = try readFile(path)
        return try load(yaml: text, environment: environment, sourceName: path)
    }

    /// Loads profile text, e.g. from the config editor API. `sourceName` labels messages; when its file name is a
    /// profile name (`live.yaml`), `profile:` must match it. Relative paths (`secrets_file`, `storage.path`) are
    /// relative to the working directory, like every path the bot uses.
    public static func load(
        yaml: String, environment: [String: String], sourceName: String
    ) throws(ConfigError) -> ProfileConfig {
        let (config, issues) = decode(yaml: yaml, environment: environment, sourceName: sourceName)
        guard issues.isEmpty, let config else {
            throw ConfigError(sourceName: sourceName, issues: issues)
        }
        return config
    }

    /// Every problem in profile text, empty when it is valid (for `validate` endpoints that report, not throw).
    public static func validate(yaml: String, environment: [String: String], sourceName: String) -> [ConfigIssue] {
        decode(yaml: yaml, environment: environment, sourceName: sourceName).1
    }

    /// Where a named profile lives: `configs/<name>.yaml`, relative to the working directory.
    public static func defaultProfilePath(named name: String) -> String { "configs/\(name).yaml" }

    /// The profile used when none is given: `configs/demo.yaml` if it exists under `directory`, otherwise the
    /// built-in `ProfileConfig.demoDefault`.
    public static func loadDefault(
        environment: [String: String], directory: String = "configs"
    ) throws(ConfigError) -> ProfileConfig {
        let path = directory.hasSuffix("/") ? "\(directory)demo.yaml" : "\(directory)/demo.yaml"
        guard FileManager.default.fileExists(atPath: path) else { return .demoDefault }
        return try load(path: path, environment: environment)
    }

    // MARK: internals

    static func decode(
        yaml: String, environment: [String: String], sourceName: String
    ) -> (ProfileConfig?, [ConfigIssue]) {
        let root: Node
        switch YAMLComposer.compose(yaml, fileLabel: "файл «\(sourceName)»") {
        case .tree(let node): root = node
        case .failed(let issue): return (nil, [issue])
        case .empty:
            return (nil, [ConfigIssue(path: "", line: nil, code: "config_empty",
                                      problemRu: "файл «\(sourceName)» пуст",
                                      hintRu: "Возьмите за основу configs/demo.yaml и укажите как минимум «profile:»")])
        }
        let declaresLive = root.mapping?["profile"]?.string == ProfileKind.live.rawValue
        let secrets = SecretsFile.load(root: root, environment: environment, strictPermissions: declaresLive)
        let reader = NodeReader(resolver: EnvironmentResolver(environment: environment, secrets: secrets.values))
        var decoder = ProfileDecoder(reader: reader, intended: intendedProfile(of: sourceName))
        let config = decoder.decode(root: root)
        var checked = decoder.reader
        if let config { ProfileRules.check(config, positions: decoder.instrumentPositions, reader: &checked) }
        let all = secrets.issues + checked.issues
        // Stable sort: file order (line, then column where both are known), file-level problems first, rule
        // findings beside the key they concern.
        let sorted = all.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            if let ca = a.element.column, let cb = b.element.column, ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
        return (config, sorted)
    }

    /// `configs/live.yaml` → `.live`; other names say nothing about intent.
    static func intendedProfile(of sourceName: String) -> ProfileKind? {
        let file = sourceName.split(separator: "/").last.map(String.init) ?? sourceName
        for ext in [".yaml", ".yml"] where file.hasSuffix(ext) {
            return ProfileKind(rawValue: String(file.dropLast(ext.count)))
        }
        return nil
    }

    static func readFile(_ path: String) throws(ConfigError) -> String {
        func fail(_ code: String, _ problem: String, _ hint: String) -> ConfigError {
            ConfigError(sourceName: path, issues: [ConfigIssue(path: "", line: nil, code: code, problemRu: problem, hintRu: hint)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("config_file_not_found", "файл профиля «\(path)» не найден",
                       "Профили лежат в configs/: \(ProfileKind.allCases.map { "\($0.rawValue).yaml" }.joined(separator: ", ")); "
                           + "без указания профиля запускается встроенный demo")
        }
        guard !isDirectory.boolValue else {
            throw fail("config_file_unreadable", "«\(path)» — это каталог, а не файл профиля",
                       "Укажите файл, например \(defaultProfilePath(named: "demo"))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("config_file_unreadable", "файл профиля «\(path)» не читается",
                       "Проверьте права доступа к файлу")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail("config_file_not_utf8", "файл профиля «\(path)» не в кодировке UTF-8",
                       "Сохраните файл в UTF-8")
        }
        return text
    }
}
