import Foundation
import Yams

/// Reads the optional secrets file (`secrets_file:`), a flat YAML map `NAME: value` kept outside the repository.
/// Its values are only ever used through `${NAME}` references; issues about it name keys, never values.
enum SecretsFile {
    struct Loaded {
        var values: [String: String] = [:]
        var issues: [ConfigIssue] = []
    }

    /// Finds `secrets_file` at the top of the profile and loads it. Expansion there uses the environment only.
    static func load(
        root: Node, environment: [String: String], strictPermissions: Bool
    ) -> Loaded {
        guard case .mapping(let top) = root, let node = top["secrets_file"], case .scalar(let s) = node,
            !NodeReader.isNull(node)
        else { return Loaded() }
        let resolver = EnvironmentResolver(environment: environment)
        // Unset variables and bad references are reported by the main walk; nothing to load then.
        guard case .text(let written, _) = resolver.expand(s.string), !written.isEmpty else { return Loaded() }
        let path = resolvePath(written, environment: environment)
        let line = s.mark?.line
        var out = Loaded()

        func fail(_ code: String, _ problem: String, _ hint: String) -> Loaded {
            out.issues.append(ConfigIssue(path: "secrets_file", line: line, code: code, problemRu: problem, hintRu: hint))
            return out
        }

        guard FileManager.default.fileExists(atPath: path) else {
            return fail("secrets_file_not_found", "файл секретов «\(path)» не найден",
                        "Создайте его (права 600) с парами ИМЯ: значение или уберите ключ secrets_file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return fail("secrets_file_unreadable", "файл секретов «\(path)» не читается",
                        "Проверьте права доступа: файл должен принадлежать пользователю, от которого запущен бот")
        }
        if strictPermissions, let perms = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
            as? Int, perms & 0o077 != 0
        {
            out.issues.append(ConfigIssue(
                path: "secrets_file", line: line, code: "secrets_file_permissions",
                problemRu: "файл секретов «\(path)» доступен другим пользователям (права \(String(perms, radix: 8)))",
                hintRu: "Выполните: chmod 600 \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return fail("secrets_file_unreadable", "файл секретов «\(path)» не в кодировке UTF-8",
                        "Сохраните файл в UTF-8")
        }
        switch YAMLComposer.compose(text, fileLabel: "файл секретов «\(path)»") {
        case .empty:
            return out
        case .failed(var issue):
            issue.path = "secrets_file"
            issue.line = line
            out.issues.append(issue)
            return out
        case .tree(let tree):
            guard case .mapping(let map) = tree else {
                return fail("secrets_file_malformed", "файл секретов «\(path)» должен быть таблицей ИМЯ: значение",
                            "Пример строки: BINANCE_API_KEY: abc123")
            }
            for (k, v) in map {
                guard case .scalar(let key) = k, EnvironmentResolver.isValidName(key.string) else {
                    out.issues.append(ConfigIssue(
                        path: "secrets_file", line: line, code: "secrets_file_malformed",
                        problemRu: "в файле секретов «\(path)» строка \(k.mark?.line ?? 0): неверное имя",
                        hintRu: "Имена — как у переменных окружения: буквы, цифры, _"))
                    continue
                }
                guard case .scalar(let value) = v else {
                    out.issues.append(ConfigIssue(
                        path: "secrets_file", line: line, code: "secrets_file_malformed",
                        problemRu: "в файле секретов «\(path)» значение «\(key.string)» не строка",
                        hintRu: "Запишите значение одной строкой: \(key.string): значение"))
                    continue
                }
                if !NodeReader.isNull(v) { out.values[key.string] = value.string }
            }
            return out
        }
    }

    /// Expands `~/` from `HOME` in the injected environment; other paths are used as written (relative ones
    /// from the working directory).
    static func resolvePath(_ written: String, environment: [String: String]) -> String {
        if written.hasPrefix("~/"), let home = environment["HOME"] {
            return home + written.dropFirst(1)
        }
        return written
    }
}
