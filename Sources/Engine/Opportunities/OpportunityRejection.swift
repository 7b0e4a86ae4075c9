public import PropCore

/// Why an opportunity is not tradeable; shown to the operator in `/api/opportunities`.
public enum OpportunityRejection: PropError, Equatable {
    /// The two markets are not the same asset (`BTC-USDT` vs `ETH-USDT`).
    case assetMismatch(buy: String, sell: String)
    /// A side the opportunity needs has no levels (`side` is "bids" or "asks").
    case emptyBook(venue: Venue, side: String)
    /// The venue's best bid is at or above its best ask: the book cannot be trusted.
    case crossedBook(venue: Venue)
    /// `order_amount` is smaller than one lot that both venues can trade.
    case sizeBelowStep(size: String, commonStep: String)
    /// The visible depth on one side is less than the size.
    case insufficientDepth(venue: Venue, side: String, needed: String, available: String)
    /// One leg fails the venue rules (min qty, min notional, tick/step).
    case legRules(venue: Venue, QuantizerError)
    /// Net edge is below `min_profitability`.
    /// Net edge and buy notional (USDT) and the threshold: numbers, formatted only when the text is read (this
    /// is the common rejection, made on the hot path).
    case belowThreshold(netEdge: Qty, buyNotional: Qty, minBps: BasisPoints)
    /// Numbers too large for exact 64-bit arithmetic.
    case outOfRange(field: String)

    public var code: String {
        switch self {
        case .assetMismatch: "opportunity_asset_mismatch"
        case .emptyBook: "opportunity_empty_book"
        case .crossedBook: "opportunity_crossed_book"
        case .sizeBelowStep: "opportunity_size_below_step"
        case .insufficientDepth: "opportunity_insufficient_depth"
        case .legRules: "opportunity_leg_rules"
        case .belowThreshold: "opportunity_below_threshold"
        case .outOfRange: "opportunity_out_of_range"
        }
    }

    public var messageRu: String {
        switch self {
        case .assetMismatch(let b, let s): "Разные активы: покупка \(b), продажа \(s)"
        case .emptyBook(let v, let side): "Стакан \(v.canonicalName) пуст: нет уровней \(side == "bids" ? "покупки (bids)" : "продажи (asks)")"
        case .crossedBook(let v): "Стакан \(v.canonicalName) перекрещен: лучший bid не ниже лучшего ask"
        case .sizeBelowStep(let size, let step): "order_amount \(size) меньше общего шага объёма обеих бирж \(step)"
        case .insufficientDepth(let v, let side, let n, let a):
            "Недостаточная глубина \(v.canonicalName) (\(side)): нужно \(n), видно \(a) в базовой монете"
        case .legRules(let v, let e): "Нога на \(v.canonicalName) не проходит правила биржи: \(e.messageRu)"
        case .belowThreshold(let net, let notional, let min):
            "Чистая доходность \(OpportunityCalculator.bpsText(net, of: notional)) б.п. ниже порога min_profitability \(min.trimmedDescription) б.п."
        case .outOfRange(let f): "Поле \(f) вне диапазона точной арифметики"
        }
    }

    public var hintRu: String {
        switch self {
        case .assetMismatch: "сравнивайте один и тот же базовый актив"
        case .emptyBook, .crossedBook: "дождитесь пересинхронизации стакана"
        case .sizeBelowStep, .legRules: "увеличьте order_amount"
        case .insufficientDepth: "уменьшите order_amount или подождите ликвидности"
        case .belowThreshold: "это нормально: спред слишком мал после комиссий, проскальзывания и фандинга"
        case .outOfRange: "проверьте order_amount и данные стакана"
        }
    }
}
