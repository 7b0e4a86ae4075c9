/// A decimal number stored as an `Int64` mantissa and a power-of-ten scale:
/// `value = units / 10^scale`. Venues send prices and quantities as decimal strings;
/// parsing them straight into integers keeps every value exact and the hot path free of
/// `Double`/`Decimal`.
public protocol FixedPoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The integer mantissa.
    var units: Int64 { get }
    /// Number of decimal digits after the point (0...18).
    var scale: Int { get }
    init(units: Int64, scale: Int)
}

/// Largest scale we accept: 10^18 still fits in `Int64`.
public let fixedPointMaxScale = 18

@usableFromInline
let powersOfTen: [Int64] = (0...18).map { e in (0..<e).reduce(Int64(1)) { acc, _ in acc * 10 } }

extension FixedPoint {
    /// Parses a plain decimal string (`"65000.10"`, `"-0.5"`, `"12"`) keeping its own scale,
    /// so `description` prints back exactly the same text. Returns `nil` for anything else
    /// (exponents, empty, overflow, more than 18 decimals).
    public init?(_ text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let parsed = utf8.withUnsafeMutableBytes({ FixedPointParser.parseNatural(UnsafeRawBufferPointer($0)) })
        else { return nil }
        self.init(units: parsed.units, scale: parsed.scale)
    }

    /// Parses into exactly `scale` decimals; more significant decimals than that is an error
    /// (a price off the instrument's grid), trailing zeros beyond it are fine.
    public init?(_ text: some StringProtocol, scale: Int) {
        var utf8 = Array(text.utf8)
        guard let units = utf8.withUnsafeMutableBytes({ FixedPointParser.parse(UnsafeRawBufferPointer($0), scale: scale) })
        else { return nil }
        self.init(units: units, scale: scale)
    }

    /// The same value expressed with `newScale` decimals, or `nil` if that would lose digits or overflow.
    public func rescaled(to newScale: Int) -> Self? {
        guard newScale >= 0, newScale <= fixedPointMaxScale else { return nil }
        if newScale == scale { return self }
        if newScale > scale {
            let (r, o) = units.multipliedReportingOverflow(by: powersOfTen[newScale - scale])
            return o ? nil : Self(units: r, scale: newScale)
        }
        let div = powersOfTen[scale - newScale]
        guard units % div == 0 else { return nil }
        return Self(units: units / div, scale: newScale)
    }

    /// Exact decimal text with exactly `scale` decimals.
    public var description: String { FixedPointFormatter.format(units: units, scale: scale, trimZeros: false) }

    /// Decimal text with trailing fractional zeros removed (`"5.140"` → `"5.14"`, `"3.000"` → `"3"`),
    /// which is how OKX prints numbers and what its book checksum hashes.
    public var trimmedDescription: String { FixedPointFormatter.format(units: units, scale: scale, trimZeros: true) }

    /// Values compare by magnitude regardless of scale.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        guard let l = lhs.rescaled(to: s), let r = rhs.rescaled(to: s) else {
            return Double(lhs.units) / Double(powersOfTen[lhs.scale]) < Double(rhs.units) / Double(powersOfTen[rhs.scale])
        }
        return l.units < r.units
    }

    public var isZero: Bool { units == 0 }

    /// Lossy conversion for display and statistics only; never used for trading decisions.
    public var doubleValue: Double { Double(units) / Double(powersOfTen[scale]) }
}

/// A price, in quote currency per unit of base.
public struct Price: FixedPoint {
    public var units: Int64
    public var scale: Int
    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }
    public static func == (a: Price, b: Price) -> Bool { !(a < b) && !(b < a) }
    public func hash(into h: inout Hasher) { h.combine(normalized.units); h.combine(normalized.scale) }
}

/// A quantity: base-coin units on Binance/Bybit, contracts on OKX (see `InstrumentRules.contractValue`).
public struct Qty: FixedPoint {
    public var units: Int64
    public var scale: Int
    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }
    public static func == (a: Qty, b: Qty) -> Bool { !(a < b) && !(b < a) }
    public func hash(into h: inout Hasher) { h.combine(normalized.units); h.combine(normalized.scale) }
}

extension FixedPoint {
    /// Smallest-scale representation of the same value (used for hashing).
    var normalized: Self {
        var u = units, s = scale
        while s > 0, u % 10 == 0 { u /= 10; s -= 1 }
        return Self(units: u, scale: s)
    }
}
