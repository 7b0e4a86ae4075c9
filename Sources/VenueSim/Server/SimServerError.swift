public import PropCore

/// Why the simulator could not start.
public enum SimServerError: PropError, Equatable {
    /// A venue server stopped before it reported its port.
    case notStarted(Int)

    public var code: String { "sim_server_not_started" }
    public var messageRu: String {
        switch self {
        case .notStarted(let p): "Сервер симулятора не запустился на порту \(p)"
        }
    }
    public var hintRu: String { "Проверьте, что порт свободен (или укажите --port 0), и посмотрите журнал" }
}
