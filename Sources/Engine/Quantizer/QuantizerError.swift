public import PropCore

/// Why an order could not be made to fit the venue's rules. Each case names the rule field involved.
public enum QuantizerError: PropError, Equatable {
    /// A rule field is zero, negative or otherwise unusable (`tickSize`, `stepSize`, `contractValue`, `minQty`, `minNotional`).
    case invalidRule(symbol: String, field: String, value: String)
    /// The requested base-coin size is zero or negative.
    case nonPositiveSize(symbol: String, size: String)
    /// The limit price is zero or negative, before or after rounding to the tick.
    case nonPositivePrice(symbol: String, price: String)
    /// After rounding down to `stepSize` the quantity is below `minQty` (both in venue units).
    case belowMinQty(symbol: String, qty: String, minQty: String)
    /// The order's notional is below `minNotional`.
    case belowMinNotional(symbol: String, notional: String, minNotional: String)
    /// The numbers do not fit exact 64-bit arithmetic.
    case outOfRange(symbol: String, field: String)

    public var code: String {
        switch self {
        case .invalidRule: "quantizer_invalid_rule"
        case .nonPositiveSize: "quantizer_non_positive_size"
        case .nonPositivePrice: "quantizer_non_positive_price"
        case .belowMinQty: "quantizer_below_min_qty"
        case .belowMinNotional: "quantizer_below_min_notional"
        case .outOfRange: "quantizer_out_of_range"
        }
    }

    public var messageRu: String {
        switch self {
        case .invalidRule(let s, let f, let v): "Правило инструмента \(s): поле \(f) = \(v) недопустимо (должно быть больше нуля)"
        case .nonPositiveSize(let s, let q): "\(s): размер заявки \(q) в базовой монете должен быть больше нуля"
        case .nonPositivePrice(let s, let p): "\(s): цена заявки \(p) после округления до tickSize не больше нуля"
        case .belowMinQty(let s, let q, let m): "\(s): количество \(q) после округления вниз до stepSize меньше minQty \(m)"
        case .belowMinNotional(let s, let n, let m): "\(s): сумма заявки \(n) меньше minNotional \(m)"
        case .outOfRange(let s, let f): "\(s): значение поля \(f) вне допустимого диапазона точной арифметики"
        }
    }

    public var hintRu: String {
        switch self {
        case .invalidRule: "обновите правила инструмента с биржи; заявки по нему не отправляются"
        case .nonPositiveSize: "проверьте order_amount в профиле"
        case .nonPositivePrice: "проверьте цену: она меньше шага цены инструмента"
        case .belowMinQty, .belowMinNotional: "увеличьте order_amount или исключите инструмент"
        case .outOfRange: "проверьте размер и цену заявки: они неправдоподобно велики"
        }
    }
}
