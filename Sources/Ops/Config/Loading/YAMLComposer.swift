import Yams

/// Turns YAML text into a node tree, translating Yams/libyaml failures into located Russian issues.
/// Only libyaml's fixed problem phrases and positions are used, never source snippets, so a secrets file that
/// fails to parse does not leak its lines.
enum YAMLComposer {
    enum Outcome {
        case tree(Node)
        case empty
        case failed(ConfigIssue)
    }

    static func compose(_ text: String, fileLabel: String) -> Outcome {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .empty }
            return .tree(node)
        } catch let error as YamlError {
            return .failed(issue(for: error, fileLabel: fileLabel))
        } catch {
            return .failed(ConfigIssue(path: "", line: nil, code: "yaml_malformed",
                                       problemRu: "\(fileLabel): YAML не удалось разобрать",
                                       hintRu: "Проверьте синтаксис файла"))
        }
    }

    private static func issue(for error: YamlError, fileLabel: String) -> ConfigIssue {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text), строка \($0.mark.line))" } ?? ""
            return ConfigIssue(
                path: "", line: mark.line, column: mark.column, code: "yaml_malformed",
                problemRu: "\(fileLabel): ошибка синтаксиса YAML в строке \(mark.line), столбец \(mark.column): "
                    + "«\(problem)»\(contextText)",
                hintRu: hint(for: problem, line: mark.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "«\($0)»" }.joined(separator: ", ")
            return ConfigIssue(
                path: "", line: context.mark.line, column: context.mark.column, code: "duplicate_key",
                problemRu: "\(fileLabel): ключ \(keys) задан в одной таблице несколько раз",
                hintRu: "Оставьте одно значение: при повторе непонятно, какое из них имелось в виду")
        case .reader(let problem, _, _, _):
            return ConfigIssue(path: "", line: nil, code: "yaml_unreadable",
                               problemRu: "\(fileLabel): файл не читается как текст YAML: «\(problem)»",
                               hintRu: "Сохраните файл в кодировке UTF-8 без управляющих символов")
        default:
            return ConfigIssue(path: "", line: nil, code: "yaml_malformed",
                               problemRu: "\(fileLabel): YAML не удалось разобрать",
                               hintRu: "Проверьте синтаксис файла")
        }
    }

    private static func hint(for problem: String, line: Int) -> String {
        if problem.contains("cannot start any token") {
            return "Около строки \(line) есть символ, с которого не может начинаться значение — чаще всего это "
                + "табуляция в отступе (используйте только пробелы) или неэкранированный символ @ или `"
        }
        if problem.contains("mapping values are not allowed") {
            return "Около строки \(line) лишнее двоеточие или неверный отступ; значения с «: » берите в кавычки"
        }
        if problem.contains("did not find expected") || problem.contains("while parsing") {
            return "Около строки \(line) нарушены отступы или не закрыта скобка/кавычка"
        }
        return "Проверьте отступы (только пробелы), двоеточия после ключей и парность кавычек и скобок около строки \(line)"
    }
}
