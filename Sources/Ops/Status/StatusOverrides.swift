/// Threshold values set explicitly in a YAML source (the thresholds file or a profile's `status:` section),
/// keyed by their dotted path (`groups.P0.ok`, `slo.local.ws_gap_ms_p95`, `slo_policy.auto_hold`). Already
/// validated when read; applying them onto a base gives the effective `StatusThresholds`.
public struct StatusOverrides: Sendable, Hashable, Encodable {
    /// Path → value; booleans are 0 or 1, durations in the YAML's unit (seconds).
    public var values: [String: Double]

    /// Overrides.
    public init(_ values: [String: Double] = [:]) { self.values = values }

    /// Nothing overridden.
    public static let none = StatusOverrides()

    public func encode(to encoder: any Encoder) throws { try values.encode(to: encoder) }
}

extension StatusThresholds {
    /// These thresholds with `o`'s values on top.
    public func applying(_ o: StatusOverrides) -> StatusThresholds {
        var t = self
        for (path, v) in o.values {
            let parts = path.split(separator: ".").map(String.init)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "groups":
                guard parts.count == 3, let g = ComponentGroup(rawValue: parts[1]) else { continue }
                var th = t.threshold(g)
                if parts[2] == "ok" { th.ok = v } else if parts[2] == "warn" { th.warn = v }
                t.groups[g] = th
            case "health":
                if parts[1] == "green_from_pct" { t.health.greenFromPct = v }
                if parts[1] == "red_below_pct" { t.health.redBelowPct = v }
            case "slo":
                guard parts.count == 3, let site = SLOSite(rawValue: parts[1]) else { continue }
                var s = t.targets(site)
                switch parts[2] {
                case "ws_gap_ms_p95": s.wsGapMsP95 = v
                case "order_cycle_ms_p95": s.orderCycleMsP95 = v
                case "reject_rate": s.rejectRate = v
                case "cancel_fail_rate": s.cancelFailRate = v
                case "recon_mismatch": s.reconMismatch = v
                case "max_day_drawdown_bps": s.maxDayDrawdownBps = v
                default: break
                }
                t.slo[site] = s
            case "slo_policy":
                var p = t.sloPolicy
                switch parts[1] {
                case "window_s": p.windowMs = Int64(v) * 1000
                case "bucket_s": p.bucketMs = Int64(v) * 1000
                case "hold_multiplier": p.holdMultiplier = v
                case "hold_after_s": p.holdAfterMs = Int64(v) * 1000
                case "auto_hold": p.autoHold = v != 0
                case "hold_on_rates": p.holdOnRates = v != 0
                case "min_outcomes": p.minOutcomes = Int(v)
                case "budget_fraction": p.budgetFraction = v
                case "hold_on_budget_exhausted": p.holdOnBudgetExhausted = v != 0
                default: break
                }
                t.sloPolicy = p
            default: continue
            }
        }
        return t
    }
}
