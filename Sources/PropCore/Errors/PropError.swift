/// Every error PropBot shows an operator: a stable machine code plus Russian text and a hint.
public protocol PropError: Error, Sendable {
    /// Stable snake_case code for logs and metrics.
    var code: String { get }
    /// What went wrong, in Russian, naming the exact field or item.
    var messageRu: String { get }
    /// What to do about it, in Russian.
    var hintRu: String { get }
}

extension PropError {
    /// One line for the operator: message and hint.
    public var operatorText: String { "\(messageRu). Подсказка: \(hintRu)" }
}
