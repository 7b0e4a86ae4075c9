public import PropCore

/// Every way a private venue call can end badly, mapped from each venue's own codes
/// (Binance `code`, OKX `sCode`/`code`, Bybit `retCode`) into one vocabulary with Russian operator text.
///
/// `outcome` is the safety-relevant part: a `.rejected` error is a definite venue answer (nothing was
/// placed / nothing changed); an `.unresolved` one (timeout, 5xx, dropped connection, an answer we cannot
/// read or a code we do not know) means the order may or may not exist and must be resolved by asking the venue.
public enum VenueOrderError: PropError, Equatable {
    /// The client order id is already in use on the venue (`-4116` / `51016` / `110072`): for a retry this means "already placed".
    case duplicateClientOrderId(venue: Venue, clientOrderId: String)
    /// The venue does not know the order (`-2011`/`-2013` / `51603` / `110001`).
    case unknownOrder(venue: Venue, clientOrderId: String)
    /// A post-only order would have taken liquidity (`-5022` / `51019`… / Bybit: cancelled with reason).
    case postOnlyWouldTake(venue: Venue, clientOrderId: String)
    /// A reduce-only order would open or increase a position (`-2022` / `51169`… / `110017`).
    case reduceOnlyRejected(venue: Venue, clientOrderId: String)
    /// Not enough margin (`-2019` / `51008` / `110007`).
    case insufficientMargin(venue: Venue, clientOrderId: String)
    /// Below the venue's minimum notional or quantity, or off the tick/step grid.
    case invalidOrder(venue: Venue, code: String, message: String)
    /// The request timestamp is outside the receive window (`-1021` / `50102` / `10002`).
    case timestampOutsideWindow(venue: Venue, code: String)
    /// Bad API key or signature (`-1022`,`-2014`,`-2015` / `50113`,`50111` / `10003`,`10004`).
    case authenticationFailed(venue: Venue, code: String, message: String)
    /// Rate limited (HTTP 429, `-1003`/`-1015` / `50011` / `10006`); `retryAfterMs` when the venue said.
    case rateLimited(venue: Venue, code: String, retryAfterMs: Int64?)
    /// IP banned (Binance HTTP 418) until `retryAfterMs` from now.
    case banned(venue: Venue, retryAfterMs: Int64?)
    /// The outgoing-request guard refused a request naming withdraw/transfer/address: it never left the process.
    case forbiddenRequest(venue: Venue, path: String)
    /// Our own governor refused to send (budget exhausted); nothing was sent.
    case throttled(venue: Venue, path: String, waitMs: Int64)
    /// A venue error code we do not map: treated as unresolved.
    case unknownVenueCode(venue: Venue, code: String, message: String)
    /// Timeout, 5xx, transport failure, unreadable answer: the request may or may not have taken effect.
    case unresolved(venue: Venue, path: String, detail: String)

    /// Definite answer or not.
    public enum Outcome: Sendable, Equatable {
        /// The venue definitely did not act (or, for duplicates, had already acted): safe to conclude.
        case rejected
        /// Never sent by us (guard, governor): safe to conclude, nothing on the venue.
        case denied
        /// Unknown whether the venue acted: must be resolved by querying the venue.
        case unresolved
    }

    public var outcome: Outcome {
        switch self {
        case .forbiddenRequest, .throttled: .denied
        case .unknownVenueCode, .unresolved: .unresolved
        default: .rejected
        }
    }

    public var venue: Venue {
        switch self {
        case .duplicateClientOrderId(let v, _), .unknownOrder(let v, _), .postOnlyWouldTake(let v, _),
             .reduceOnlyRejected(let v, _), .insufficientMargin(let v, _), .invalidOrder(let v, _, _),
             .timestampOutsideWindow(let v, _), .authenticationFailed(let v, _, _), .rateLimited(let v, _, _),
             .banned(let v, _), .forbiddenRequest(let v, _), .throttled(let v, _, _),
             .unknownVenueCode(let v, _, _), .unresolved(let v, _, _): v
        }
    }

    public var code: String {
        switch self {
        case .duplicateClientOrderId: "order_duplicate_client_id"
        case .unknownOrder: "order_unknown"
        case .postOnlyWouldTake: "order_post_only_would_take"
        case .reduceOnlyRejected: "order_reduce_only_rejected"
        case .insufficientMargin: "order_insufficient_margin"
        case .invalidOrder: "order_invalid"
        case .timestampOutsideWindow: "venue_timestamp_outside_window"
        case .authenticationFailed: "venue_auth_failed"
        case .rateLimited: "venue_rate_limited"
        case .banned: "venue_ip_banned"
        case .forbiddenRequest: "request_forbidden_withdraw_transfer"
        case .throttled: "request_throttled_by_governor"
        case .unknownVenueCode: "venue_unknown_code"
        case .unresolved: "order_unresolved"
        }
    }

    public var messageRu: String {
        switch self {
        case .duplicateClientOrderId(let v, let id):
            "Биржа \(v.canonicalName) уже знает ордер с client id \(id) (повтор): считаем его выставленным"
        case .unknownOrder(let v, let id):
            "Биржа \(v.canonicalName) не знает ордер \(id)"
        case .postOnlyWouldTake(let v, let id):
            "Биржа \(v.canonicalName) отклонила post-only ордер \(id): он исполнился бы как тейкер"
        case .reduceOnlyRejected(let v, let id):
            "Биржа \(v.canonicalName) отклонила reduce-only ордер \(id): он увеличил бы позицию"
        case .insufficientMargin(let v, let id):
            "Недостаточно маржи на \(v.canonicalName) для ордера \(id)"
        case .invalidOrder(let v, let code, let message):
            "Биржа \(v.canonicalName) отклонила параметры ордера (код \(code)): \(message)"
        case .timestampOutsideWindow(let v, let code):
            "Биржа \(v.canonicalName) отклонила запрос: метка времени вне окна приёма (код \(code))"
        case .authenticationFailed(let v, let code, let message):
            "Биржа \(v.canonicalName) не приняла ключ API или подпись (код \(code)): \(message)"
        case .rateLimited(let v, let code, let after):
            "Биржа \(v.canonicalName) ограничила частоту запросов (код \(code))" + (after.map { ", повтор через \($0) мс" } ?? "")
        case .banned(let v, let after):
            "Биржа \(v.canonicalName) временно заблокировала IP за превышение лимитов" + (after.map { " на \($0 / 1000) с" } ?? "")
        case .forbiddenRequest(let v, let path):
            "Запрос \(path) к \(v.canonicalName) заблокирован: вывод и переводы средств запрещены"
        case .throttled(let v, let path, let wait):
            "Запрос \(path) к \(v.canonicalName) отложен ограничителем частоты бота (ждать \(wait) мс)"
        case .unknownVenueCode(let v, let code, let message):
            "Неизвестный ответ биржи \(v.canonicalName) (код \(code)): \(message); статус ордера выясняется запросом к бирже"
        case .unresolved(let v, let path, let detail):
            "Результат запроса \(path) к \(v.canonicalName) неизвестен (\(detail)); статус выясняется запросом к бирже"
        }
    }

    public var hintRu: String {
        switch self {
        case .duplicateClientOrderId: "Действий не требуется: повтор использует тот же client id, биржа не создала дубль"
        case .unknownOrder: "Ордер уже исполнен или отменён, либо не дошёл до биржи; сверка уточнит"
        case .postOnlyWouldTake: "Цена пересекла спред; бот пересчитает цену на следующем событии"
        case .reduceOnlyRejected: "Позиция уже закрыта или меньше ордера; проверьте позиции на бирже"
        case .insufficientMargin: "Пополните счёт или уменьшите размер ордеров/плечо в профиле"
        case .invalidOrder: "Проверьте шаг цены, шаг количества и минимальный объём инструмента"
        case .timestampOutsideWindow: "Синхронизируйте часы (NTP); бот пересчитывает смещение времени биржи"
        case .authenticationFailed: "Проверьте ключ, секрет (и passphrase для OKX) в переменных окружения или файле секретов"
        case .rateLimited: "Бот снижает частоту и повторяет с паузой; если повторяется — уменьшите частоту ордеров"
        case .banned: "Торговля на бирже остановлена до конца блокировки; проверьте лимиты в профиле"
        case .forbiddenRequest: "PropBot никогда не выводит средства; проверьте, кто сформировал такой запрос"
        case .throttled: "Бот сам держит запас до лимитов биржи; запрос будет отправлен позже"
        case .unknownVenueCode: "Сохраните лог и сообщите разработчикам; ордер остаётся под контролем до сверки"
        case .unresolved: "Ничего не делайте вручную: бот запросит биржу по client id и сверит ордер"
        }
    }
}
