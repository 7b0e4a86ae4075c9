/// A funding rate per funding interval as an exact decimal (`"0.00038167"` → units 38167, scale 8).
/// Funding rates can be negative and carry more decimals than any price, so they keep the scale
/// they were sent with instead of an instrument scale.
public struct FundingRate: FixedPoint {
    public var units: Int64
    public var scale: Int
    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }
    public static func == (a: FundingRate, b: FundingRate) -> Bool { !(a < b) && !(b < a) }
    public func hash(into h: inout Hasher) {
        var u = units, s = scale
        while s > 0, u % 10 == 0 { u /= 10; s -= 1 }
        h.combine(u); h.combine(s)
    }
}
