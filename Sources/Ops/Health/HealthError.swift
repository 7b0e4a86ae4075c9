/// Misuse of the health registry by the runtime (a wiring bug), reported instead of crashing.
public enum HealthError: Error, Sendable, Hashable {
    /// `update` or `setEnabled` named a component nobody registered.
    case unknownComponent(String)
    /// `register` was called twice for one id.
    case duplicateComponent(String)
    /// A weight that is negative or not finite.
    case invalidWeight(id: String, weight: Double)

    /// Stable code for logs.
    public var code: String {
        switch self {
        case .unknownComponent: "health_unknown_component"
        case .duplicateComponent: "health_duplicate_component"
        case .invalidWeight: "health_invalid_weight"
        }
    }

    /// Russian message.
    public var messageRu: String {
        switch self {
        case .unknownComponent(let id): "компонент «\(id)» не зарегистрирован в реестре здоровья"
        case .duplicateComponent(let id): "компонент «\(id)» уже зарегистрирован"
        case .invalidWeight(let id, let w): "у компонента «\(id)» недопустимый вес \(w): нужен конечный вес ≥ 0"
        }
    }
}
