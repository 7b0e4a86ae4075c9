import PropCore
import Yams

/// Reads typed values out of a composed YAML tree and collects every problem instead of stopping at the first.
/// Each read returns a usable value (the default when the input is bad) so the walk can go on; the loader
/// refuses the whole config if any issue was recorded.
struct NodeReader {
    var resolver: EnvironmentResolver
    private(set) var issues: [ConfigIssue] = []
    /// Line of every path read, for rules that check several fields after the walk.
    private(set) var lines: [String: Int] = [:]

    init(resolver: EnvironmentResolver) { self.resolver = resolver }

    mutating func report(
        _ path: String, line: Int?, column: Int? = nil, code: String, problem: String, hint: String
    ) {
        issues.append(ConfigIssue(path: path, line: line, column: column, code: code, problemRu: problem, hintRu: hint))
    }

    func line(_ path: String) -> Int? { lines[path] }

    mutating func remember(_ path: String, _ line: Int?) {
        if let line { lines[path] = line }
    }

    // MARK: structure

    /// Russian name of what a node is, for "получено …" without quoting content of containers.
    static func kindRu(_ node: Node) -> String {
        switch node {
        case .mapping: "таблица (ключ: значение)"
        case .sequence: "список"
        case .scalar(let s): "«\(s.string.count > 60 ? String(s.string.prefix(57)) + "…" : s.string)»"
        case .alias: "ссылка YAML (alias)"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The node as a mapping, or a `wrong_type` issue.
    mutating func mapping(_ node: Node, path: String) -> ConfigMapping? {
        remember(path, node.mark?.line)
        guard case .mapping(let m) = node else {
            report(path, line: node.mark?.line, column: node.mark?.column, code: "wrong_type",
                   problem: "ожидалась таблица вида «ключ: значение», получено \(Self.kindRu(node))",
                   hint: "Запишите вложенные ключи с отступом под «\(path.isEmpty ? "корнем" : path)»")
            return nil
        }
        var entries: [ConfigMapping.Entry] = []
        for (keyNode, value) in m {
            guard case .scalar(let k) = keyNode else {
                report(path, line: keyNode.mark?.line, code: "invalid_key",
                       problem: "ключ должен быть строкой, получено \(Self.kindRu(keyNode))",
                       hint: "Используйте простые ключи в snake_case")
                continue
            }
            entries.append(.init(key: k.string, keyLine: keyNode.mark?.line, keyColumn: keyNode.mark?.column, value: value))
        }
        return ConfigMapping(path: path, line: m.mark?.line, entries: entries)
    }

    /// Reports every key that is not in `allowed`, suggesting the closest valid one.
    mutating func checkKeys(_ m: ConfigMapping, allowed: [String]) {
        for entry in m.entries where !allowed.contains(entry.key) {
            let hint: String
            if let guess = KeySuggester.closest(to: entry.key, in: allowed) {
                hint = "возможно, вы имели в виду «\(guess)»"
            } else {
                hint = "допустимые ключи здесь: \(allowed.joined(separator: ", "))"
            }
            report(m.path(of: entry.key), line: entry.keyLine, column: entry.keyColumn, code: "unknown_key",
                   problem: "неизвестный ключ «\(entry.key)»", hint: hint)
        }
    }

    /// A child section: `nil` when absent or empty (the caller uses defaults) or when it is not a mapping
    /// (reported). An empty section is what is left after commenting out all its keys, so it is not an error.
    mutating func section(_ m: ConfigMapping, _ key: String, allowed: [String]) -> ConfigMapping? {
        guard let node = m.value(key), !Self.isNull(node) else { return nil }
        guard let child = mapping(node, path: m.path(of: key)) else { return nil }
        checkKeys(child, allowed: allowed)
        return child
    }

    // MARK: scalars

    /// The expanded scalar, or `nil` with an issue (containers, empty values, unset variables).
    mutating func scalar(_ node: Node, path: String, expected: String) -> ResolvedScalar? {
        remember(path, node.mark?.line)
        guard case .scalar(let s) = node else {
            report(path, line: node.mark?.line, column: node.mark?.column, code: "wrong_type",
                   problem: "ожидалось: \(expected), получено: \(Self.kindRu(node))",
                   hint: "Укажите одно значение (\(expected)) в той же строке после двоеточия")
            return nil
        }
        if Self.isNull(node) {
            report(path, line: s.mark?.line, column: s.mark?.column, code: "empty_value",
                   problem: "значение не задано (пусто)",
                   hint: "Укажите значение (\(expected)) или удалите ключ, чтобы взять значение по умолчанию")
            return nil
        }
        switch resolver.expand(s.string) {
        case .text(let text, let substituted):
            return ResolvedScalar(text: text, raw: s.string, line: s.mark?.line, column: s.mark?.column,
                                  isPlain: s.style == .plain, substituted: substituted)
        case .missing(let names):
            reportMissingVariables(names, path: path, line: s.mark?.line)
            return nil
        case .malformed(let fragment):
            report(path, line: s.mark?.line, column: s.mark?.column, code: "env_reference_malformed",
                   problem: "неверная ссылка на переменную окружения «\(fragment)»",
                   hint: "Формат: ${ИМЯ} или ${ИМЯ:-значение_по_умолчанию}; для символа $ пишите $$")
            return nil
        }
    }

    /// One issue per unset variable. Secrets get no "use a default" advice: a default secret is a leaked one.
    mutating func reportMissingVariables(_ names: [String], path: String, line: Int?, offerDefault: Bool = true) {
        for name in names {
            let orDefault = offerDefault ? "; либо укажите значение по умолчанию: ${\(name):-…}" : ""
            report(path, line: line, code: "env_var_missing",
                   problem: "переменная окружения «\(name)» не задана",
                   hint: "Задайте её (export \(name)=…) или добавьте «\(name): …» в secrets_file" + orDefault)
        }
    }

    /// What to report instead of the generic `out_of_range` when a value is below its range, for keys whose
    /// floor has a reason the operator should read (a zero order size, a threshold that lets trades lose money).
    struct Floor: Sendable {
        var code: String
        /// The problem for the value read (as text, so integers and decimals print as written).
        var problem: @Sendable (String) -> String
        var hint: String
    }

    mutating func int(
        _ m: ConfigMapping, _ key: String, default def: Int, range: ClosedRange<Int>, floor: Floor? = nil
    ) -> Int {
        guard let node = m.value(key) else { return def }
        let path = m.path(of: key)
        guard let s = scalar(node, path: path, expected: "целое число") else { return def }
        guard let v = s.intValue else {
            report(path, line: s.line, column: s.column, code: "wrong_type",
                   problem: "ожидалось целое число, получено \(s.shown)",
                   hint: "Укажите целое число от \(range.lowerBound) до \(range.upperBound) без кавычек и единиц измерения")
            return def
        }
        if v < range.lowerBound, let floor {
            report(path, line: s.line, column: s.column, code: floor.code, problem: floor.problem(String(v)), hint: floor.hint)
            return def
        }
        guard range.contains(v) else {
            report(path, line: s.line, column: s.column, code: "out_of_range",
                   problem: "значение \(v) вне допустимого диапазона \(range.lowerBound)…\(range.upperBound)",
                   hint: "Укажите целое число от \(range.lowerBound) до \(range.upperBound) (по умолчанию \(def))")
            return def
        }
        return v
    }

    mutating func double(
        _ m: ConfigMapping, _ key: String, default def: Double, range: ClosedRange<Double>, floor: Floor? = nil
    ) -> Double {
        guard let node = m.value(key) else { return def }
        let path = m.path(of: key)
        guard let s = scalar(node, path: path, expected: "число") else { return def }
        guard let v = s.doubleValue, v.isFinite else {
            report(path, line: s.line, column: s.column, code: "wrong_type",
                   problem: "ожидалось число, получено \(s.shown)",
                   hint: "Укажите число от \(range.lowerBound) до \(range.upperBound), дробная часть через точку")
            return def
        }
        if v < range.lowerBound, let floor {
            report(path, line: s.line, column: s.column, code: floor.code, problem: floor.problem(s.text), hint: floor.hint)
            return def
        }
        guard range.contains(v) else {
            report(path, line: s.line, column: s.column, code: "out_of_range",
                   problem: "значение \(s.text) вне допустимого диапазона \(range.lowerBound)…\(range.upperBound)",
                   hint: "Укажите число от \(range.lowerBound) до \(range.upperBound) (по умолчанию \(def))")
            return def
        }
        return v
    }

    mutating func bool(_ m: ConfigMapping, _ key: String, default def: Bool) -> Bool {
        guard let node = m.value(key) else { return def }
        let path = m.path(of: key)
        guard let s = scalar(node, path: path, expected: "true или false") else { return def }
        guard let v = s.boolValue else {
            report(path, line: s.line, column: s.column, code: "wrong_type",
                   problem: "ожидалось логическое значение true или false, получено \(s.shown)",
                   hint: "Укажите true или false без кавычек")
            return def
        }
        return v
    }

    /// A non-empty string; `nil` when absent. Explicit null counts as absent when `nullIsAbsent`.
    mutating func string(_ m: ConfigMapping, _ key: String, nullIsAbsent: Bool = false) -> ResolvedScalar? {
        guard let node = m.value(key) else { return nil }
        if nullIsAbsent, Self.isNull(node) { return nil }
        let path = m.path(of: key)
        guard let s = scalar(node, path: path, expected: "строка") else { return nil }
        guard !s.text.trimmingWhitespace.isEmpty else {
            report(path, line: s.line, column: s.column, code: "empty_value",
                   problem: "значение пустое", hint: "Укажите непустую строку или удалите ключ")
            return nil
        }
        return s
    }

    /// One of a closed set of words (profile name, log level), with a suggestion for typos.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ m: ConfigMapping, _ key: String, default def: E
    ) -> E where E.RawValue == String {
        guard let node = m.value(key) else { return def }
        return choice(node, path: m.path(of: key), default: def)
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ node: Node, path: String, default def: E
    ) -> E where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        guard let s = scalar(node, path: path, expected: "одно из: \(allowed.joined(separator: ", "))") else {
            return def
        }
        if let v = E(rawValue: s.text) { return v }
        var hint = "Допустимые значения: \(allowed.joined(separator: ", "))"
        if let guess = KeySuggester.closest(to: s.text, in: allowed) { hint = "возможно, вы имели в виду «\(guess)». " + hint }
        report(path, line: s.line, column: s.column, code: "invalid_value",
               problem: "недопустимое значение \(s.shown)", hint: hint)
        return def
    }

    /// A sequence's items; `nil` when absent or not a sequence (reported).
    mutating func sequence(_ m: ConfigMapping, _ key: String) -> [Node]? {
        guard let node = m.value(key) else { return nil }
        let path = m.path(of: key)
        remember(path, node.mark?.line)
        if Self.isNull(node) { return [] }
        guard case .sequence(let seq) = node else {
            report(path, line: node.mark?.line, column: node.mark?.column, code: "wrong_type",
                   problem: "ожидался список, получено \(Self.kindRu(node))",
                   hint: "Запишите список в квадратных скобках [a, b] или строками «- a» с отступом")
            return nil
        }
        return Array(seq)
    }
}
