import PropCore

/// Exact basis-point comparisons on fixed-point values (128-bit products, no `Double` in decisions).
enum Bps {
    /// `|a − b| × 10_000 > bps × |ref|`, exactly; `nil` if the values cannot be aligned.
    static func exceeds<T: FixedPoint>(_ a: T, _ b: T, ref: T, bps: Int64) -> Bool? {
        let s = max(a.scale, b.scale, ref.scale)
        guard let a2 = a.rescaled(to: s), let b2 = b.rescaled(to: s), let r2 = ref.rescaled(to: s) else { return nil }
        let (diff, o) = a2.units.subtractingReportingOverflow(b2.units)
        guard !o else { return nil }
        return greater(diff.magnitude, 10_000, than: UInt64(max(bps, 0)), r2.units.magnitude)
    }

    /// `|rate| × 10_000 > bps` for a fraction such as a funding rate.
    static func exceeds<T: FixedPoint>(fraction: T, bps: Int64) -> Bool {
        greater(fraction.units.magnitude, 10_000, than: UInt64(max(bps, 0)), UInt64(tenToThe(fraction.scale)))
    }

    /// `x1 × x2 > y1 × y2` in 128 bits.
    static func greater(_ x1: UInt64, _ x2: UInt64, than y1: UInt64, _ y2: UInt64) -> Bool {
        let l = x1.multipliedFullWidth(by: x2), r = y1.multipliedFullWidth(by: y2)
        return (l.high, l.low) > (r.high, r.low)
    }

    /// |a − b| / ref in bps, for messages only.
    static func display<T: FixedPoint>(_ a: T, _ b: T, ref: T) -> String {
        guard ref.doubleValue != 0 else { return "∞" }
        return format(abs(a.doubleValue - b.doubleValue) / abs(ref.doubleValue) * 10_000)
    }

    /// A fraction in bps, for messages only.
    static func display<T: FixedPoint>(fraction: T) -> String { format(abs(fraction.doubleValue) * 10_000) }

    static func format(_ v: Double) -> String {
        let hundredths = Int64((v * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func tenToThe(_ e: Int) -> Int64 { (0..<e).reduce(Int64(1)) { acc, _ in acc * 10 } }
}
