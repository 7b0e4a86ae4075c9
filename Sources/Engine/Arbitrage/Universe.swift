public import PropCore

/// Which instruments the strategy may trade: only the profile's allowlist (canonical ids, so the same ticker on
/// two venues is two ids with their own limits), and never `1000`-prefixed contracts or leveraged tokens unless
/// the profile allows them explicitly.
public struct Universe: Sendable, Hashable {
    public var allowlist: Set<InstrumentId>
    public var allow1000Prefixed: Bool
    public var allowLeveragedTokens: Bool

    public init(allowlist: [InstrumentId], allow1000Prefixed: Bool = false, allowLeveragedTokens: Bool = false) {
        self.allowlist = Set(allowlist); self.allow1000Prefixed = allow1000Prefixed; self.allowLeveragedTokens = allowLeveragedTokens
    }

    /// Why `id` is not traded, in Russian; nil when it is.
    public func exclusion(_ id: InstrumentId) -> String? {
        guard allowlist.contains(id) else { return "\(id) нет в списке instruments профиля" }
        if !allow1000Prefixed, Self.is1000Prefixed(id.base) {
            return "\(id): контракт с множителем 1000 исключён (разрешите risk.allow_1000_prefixed)"
        }
        if !allowLeveragedTokens, Self.isLeveragedToken(id.base) {
            return "\(id): токен с плечом исключён (разрешите risk.allow_leveraged_tokens)"
        }
        return nil
    }

    /// `1000PEPE`, `1000000MOG`, `1MBABYDOGE`: a contract on a multiple of the coin, priced differently per venue.
    static func is1000Prefixed(_ base: String) -> Bool {
        let digits = base.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count < base.count && (digits.hasPrefix("1000") || base.hasPrefix("1M"))
    }

    /// `BTCUP`, `ETHDOWN`, `BULL`/`BEAR`, `3L`/`3S` suffixes: leveraged tokens, not the coin.
    static func isLeveragedToken(_ base: String) -> Bool {
        ["UP", "DOWN", "BULL", "BEAR", "3L", "3S", "5L", "5S"].contains { base.count > $0.count + 1 && base.hasSuffix($0) }
    }

    /// The rules of the instruments that may be traded, in the given order.
    public func admitted(_ rules: [InstrumentRules]) -> [InstrumentRules] { rules.filter { exclusion($0.id) == nil } }
}
