/// Time in breach during the current UTC day, against the day's allowance (`budget_fraction` of 24 h).
struct ExceptionBudget: Sendable, Hashable {
    static let dayMs: Int64 = 86_400_000
    private(set) var dayStartMs: Int64?
    private(set) var breachedMs: Int64 = 0
    private var lastMs: Int64?
    private var lastInBreach = false

    /// Charges the time since the previous call if the SLOs were in breach then; resets at UTC midnight.
    mutating func advance(atMs: Int64, inBreach: Bool) {
        let day = atMs - ((atMs % Self.dayMs) + Self.dayMs) % Self.dayMs
        if dayStartMs != day {
            dayStartMs = day
            breachedMs = 0
            // Charge the part of the interval that fell in the new day.
            if let last = lastMs, lastInBreach, atMs > last { breachedMs = atMs - max(last, day) }
        } else if let last = lastMs, lastInBreach, atMs > last {
            breachedMs += atMs - last
        }
        if lastMs.map({ atMs > $0 }) ?? true { lastMs = atMs }
        lastInBreach = inBreach
    }

    /// Share of the allowance left, 0…1.
    func remaining(fraction: Double) -> Double {
        let allowance = fraction * Double(Self.dayMs)
        guard allowance > 0 else { return breachedMs > 0 ? 0 : 1 }
        return min(1, max(0, 1 - Double(breachedMs) / allowance))
    }
}
