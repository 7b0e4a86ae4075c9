public import PropCore

/// The run-time settings operators change through commands, with the checks each new value must pass.
/// Starts from the profile; `CommandService` owns the one copy.
public struct CommandSettings: Sendable, Hashable {
    /// Risk level 0–100.
    public var riskLevel: Int
    /// Leverage on/off and its ceiling.
    public var leverage: LeverageSetting
    /// The profile's leverage ceiling (`risk.max_leverage`): the most `/leverage on N` may ask for.
    public var leverageCap: Int
    /// Tunable limits.
    public var limits: Limits
    /// Instruments traded, in order.
    public var universe: [InstrumentId]
    /// Venues the profile enables (an added instrument must be on one).
    public var enabledVenues: [Venue]

    /// Settings a profile starts with.
    public init(profile: ProfileConfig) {
        riskLevel = profile.risk.level
        leverageCap = profile.risk.maxLeverage
        leverage = .on(max: profile.risk.maxLeverage)
        limits = Limits(risk: profile.risk)
        universe = profile.instruments
        enabledVenues = profile.venues.enabledVenues
    }

    static let riskLevelRange = ProfileSchema.riskLevelRange
    static let noteMaxLength = 500

    /// Checks a command's input against the current settings; nil when it may proceed.
    func validate(_ command: OperatorCommand) -> CommandRefusal? {
        switch command {
        case .hold(let note?) where note.count > Self.noteMaxLength:
            return .invalidValue(field: "note", problemRu: "пояснение длиннее \(Self.noteMaxLength) символов",
                                 hintRu: "сократите пояснение")
        case .setRiskLevel(let level):
            guard Self.riskLevelRange.contains(level) else {
                return .outOfRange(field: "risk_level", value: level, range: Self.riskLevelRange)
            }
        case .setLeverage(.on(let max)):
            if max > leverageCap {
                return .invalidValue(field: "leverage", problemRu: "\(max)× выше потолка профиля risk.max_leverage = \(leverageCap)×",
                                     hintRu: "укажите от 1 до \(leverageCap); потолок меняется только в профиле (config apply)")
            }
            if max < 1 { return .outOfRange(field: "leverage", value: max, range: 1...leverageCap) }
        case .setLimits(let change):
            return applying(change).failure
        case .universeAdd(let id):
            if id.type != .perp {
                return .invalidValue(field: "instrument", problemRu: "«\(id)»: тип \(id.type.rawValue) не поддерживается",
                                     hintRu: "PropBot торгует только бессрочными фьючерсами: \(id.venue.canonicalName):PERP:\(id.pair)")
            }
            if !enabledVenues.contains(id.venue) {
                return .invalidValue(field: "instrument", problemRu: "«\(id)»: биржа \(id.venue.canonicalName) выключена в профиле",
                                     hintRu: "включите биржу в профиле (venues.\(id.venue.rawValue).enabled: true)")
            }
            if universe.contains(id) {
                return .invalidValue(field: "instrument", problemRu: "«\(id)» уже торгуется", hintRu: "список: /status")
            }
        case .universeRemove(let id):
            if !universe.contains(id) {
                return .invalidValue(field: "instrument", problemRu: "«\(id)» не входит в торгуемые инструменты",
                                     hintRu: "список: /status")
            }
        default:
            break
        }
        return nil
    }

    /// The limits after `change`, or why it is refused (unknown field, out of range, broken ordering).
    func applying(_ change: LimitsChange) -> Result<Limits, CommandRefusal> {
        guard !change.values.isEmpty else {
            return .failure(.invalidValue(field: "limits", problemRu: "не указано ни одного лимита",
                                          hintRu: "допустимые поля: " + LimitsChange.fields.map(\.name).joined(separator: ", ")))
        }
        var next = limits
        for (name, value) in change.values.sorted(by: { $0.key < $1.key }) {
            guard let field = LimitsChange.fields.first(where: { $0.name == name }) else {
                let names = LimitsChange.fields.map(\.name)
                let guess = KeySuggester.closest(to: name, in: names).map { "возможно, вы имели в виду «\($0)»; " } ?? ""
                return .failure(.invalidValue(field: name, problemRu: "неизвестный лимит",
                                              hintRu: guess + "допустимые поля: " + names.joined(separator: ", ")))
            }
            guard field.range.contains(value) else { return .failure(.outOfRange(field: name, value: value, range: field.range)) }
            next[keyPath: field.keyPath] = value
        }
        let order: [(String, Int, String, Int)] = [
            ("max_order_notional", next.maxOrderNotional, "max_instrument_notional", next.maxInstrumentNotional),
            ("max_instrument_notional", next.maxInstrumentNotional, "max_venue_gross", next.maxVenueGross),
            ("max_venue_gross", next.maxVenueGross, "max_gross", next.maxGross),
        ]
        for (small, a, big, b) in order where a > b {
            return .failure(.invalidValue(field: small, problemRu: "\(a) больше, чем \(big) = \(b)",
                                          hintRu: "должно быть max_order_notional ≤ max_instrument_notional ≤ max_venue_gross ≤ max_gross"))
        }
        return .success(next)
    }

    /// Takes the settings of a newly applied profile.
    mutating func adopt(_ profile: ProfileConfig) {
        let fresh = CommandSettings(profile: profile)
        riskLevel = fresh.riskLevel
        leverageCap = fresh.leverageCap
        // Leverage switched off stays off; otherwise the new profile's ceiling applies.
        leverage = leverage == .off ? .off : fresh.leverage
        limits = fresh.limits
        universe = fresh.universe
        enabledVenues = fresh.enabledVenues
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
