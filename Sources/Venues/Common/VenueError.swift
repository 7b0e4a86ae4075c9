public import PropCore

/// Why a venue REST call or WebSocket session failed, for the operator (Russian text) and for logs (`code`).
public enum VenueError: PropError, Equatable {
    /// The URL built from configuration could not be used.
    case invalidURL(venue: Venue, url: String)
    /// The venue answered with an HTTP 5xx status.
    case serverError(venue: Venue, path: String, status: Int)
    /// The venue answered HTTP 429/418 (rate limit or ban).
    case rateLimited(venue: Venue, path: String, status: Int)
    /// The venue answered another non-success HTTP status (4xx): not retried.
    case httpStatus(venue: Venue, path: String, status: Int)
    /// The request did not complete within the configured timeout.
    case timeout(venue: Venue, path: String, timeoutMs: Int64)
    /// Connection-level failure (refused, reset, DNS).
    case transport(venue: Venue, path: String, detail: String)
    /// The body arrived but could not be decoded.
    case badBody(venue: Venue, path: String, detail: String)
    /// Retries were exhausted; carries the last failure.
    indirect case retriesExhausted(venue: Venue, path: String, attempts: Int, last: VenueError)

    public var code: String {
        switch self {
        case .invalidURL: "venue_invalid_url"
        case .serverError: "venue_server_error"
        case .rateLimited: "venue_rate_limited"
        case .httpStatus: "venue_http_status"
        case .timeout: "venue_timeout"
        case .transport: "venue_transport"
        case .badBody: "venue_bad_body"
        case .retriesExhausted: "venue_retries_exhausted"
        }
    }

    public var messageRu: String {
        switch self {
        case .invalidURL(let v, let url):
            "Неверный адрес биржи \(v.canonicalName): «\(url)»"
        case .serverError(let v, let path, let status):
            "Биржа \(v.canonicalName) вернула ошибку сервера HTTP \(status) на запрос \(path)"
        case .rateLimited(let v, let path, let status):
            "Биржа \(v.canonicalName) ограничила частоту запросов (HTTP \(status)) на запрос \(path)"
        case .httpStatus(let v, let path, let status):
            "Биржа \(v.canonicalName) отклонила запрос \(path): HTTP \(status)"
        case .timeout(let v, let path, let ms):
            "Биржа \(v.canonicalName) не ответила на запрос \(path) за \(ms) мс"
        case .transport(let v, let path, let detail):
            "Нет связи с биржей \(v.canonicalName) (запрос \(path)): \(detail)"
        case .badBody(let v, let path, let detail):
            "Не удалось разобрать ответ биржи \(v.canonicalName) на запрос \(path): \(detail)"
        case .retriesExhausted(let v, let path, let attempts, let last):
            "Запрос \(path) к бирже \(v.canonicalName) не удался после \(attempts) попыток; последняя ошибка: \(last.messageRu)"
        }
    }

    public var hintRu: String {
        switch self {
        case .invalidURL: "Проверьте адреса REST и WebSocket биржи в профиле конфигурации"
        case .serverError: "Сбой на стороне биржи; запрос повторяется автоматически. Проверьте статус биржи"
        case .rateLimited: "Снизьте частоту запросов; бот ждёт и повторяет запрос с паузой"
        case .httpStatus: "Проверьте символ инструмента и параметры запроса в конфигурации"
        case .timeout: "Проверьте сеть и задержку до биржи; при необходимости увеличьте таймаут"
        case .transport: "Проверьте подключение к интернету, DNS и адрес биржи"
        case .badBody: "Возможно, биржа изменила формат ответа; сохраните лог и сообщите разработчикам"
        case .retriesExhausted: "Биржа недоступна длительное время; торговля по ней приостановлена до восстановления"
        }
    }
}
