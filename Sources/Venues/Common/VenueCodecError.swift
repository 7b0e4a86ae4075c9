public import PropCore

/// Why a venue frame or REST body could not be decoded. Carries a stable `code` for metrics and logs,
/// the JSON field it concerns, and — when the symbol could be read before the failure — the symbol
/// table `slot`, so a feed can invalidate just that book instead of all of them.
///
/// Creating one allocates nothing: `field` is a static string; text is only built when read.
public struct VenueCodecError: PropError, Equatable {
    /// What kind of defect was found.
    public enum Kind: String, Sendable, Hashable, Error {
        /// The bytes are not a JSON value of the expected shape.
        case notJSON = "codec_not_json"
        /// The frame ended in the middle of a value.
        case truncated = "codec_truncated"
        /// A field holds the wrong JSON type (e.g. a number where a string is expected).
        case wrongType = "codec_wrong_type"
        /// A field the message kind requires is absent.
        case missingField = "codec_missing_field"
        /// The symbol is not in the codec's symbol table.
        case unknownSymbol = "codec_unknown_symbol"
        /// A number that is not a plain decimal, or does not fit in 64 bits.
        case badNumber = "codec_bad_number"
        /// A negative quantity, or a non-positive book price.
        case negative = "codec_negative_value"
        /// More than 18 decimals.
        case tooManyDecimals = "codec_too_many_decimals"
        /// A price or quantity with significant decimals beyond the instrument's scale.
        case offScale = "codec_off_scale"
        /// Containers nested deeper than the scanner allows.
        case tooDeep = "codec_too_deep"
    }

    public var kind: Kind
    /// The JSON field concerned, e.g. `b[].price`, `data.seqId`, `s`.
    public var field: String
    /// Symbol table slot of the instrument the frame was for, when it could be read.
    public var slot: Int?
    public var venue: Venue

    public init(_ kind: Kind, field: String, venue: Venue, slot: Int? = nil) {
        self.kind = kind; self.field = field; self.venue = venue; self.slot = slot
    }

    /// Stable snake_case code.
    public var code: String { kind.rawValue }

    public var messageRu: String {
        let v = venue.canonicalName
        switch kind {
        case .notJSON: return "\(v): сообщение не является корректным JSON (поле «\(field)»)"
        case .truncated: return "\(v): сообщение обрезано, поле «\(field)» не дочитано"
        case .wrongType: return "\(v): поле «\(field)» имеет неверный тип"
        case .missingField: return "\(v): в сообщении нет обязательного поля «\(field)»"
        case .unknownSymbol: return "\(v): инструмент в поле «\(field)» не подписан / неизвестен"
        case .badNumber: return "\(v): поле «\(field)» содержит некорректное число"
        case .negative: return "\(v): поле «\(field)» содержит отрицательное или нулевое значение"
        case .tooManyDecimals: return "\(v): в поле «\(field)» больше 18 знаков после запятой"
        case .offScale: return "\(v): значение поля «\(field)» не кратно шагу цены/количества инструмента"
        case .tooDeep: return "\(v): слишком глубокая вложенность JSON (поле «\(field)»)"
        }
    }

    public var hintRu: String {
        switch kind {
        case .unknownSymbol:
            return "Проверьте список инструментов подписки; книга этого инструмента будет пересинхронизирована"
        case .offScale:
            return "Вероятно, биржа изменила шаг цены или лота: перезагрузите правила инструментов"
        default:
            return "Кадр отброшен, книга инструмента будет пересинхронизирована; если ошибка повторяется — проверьте версию API биржи"
        }
    }
}
