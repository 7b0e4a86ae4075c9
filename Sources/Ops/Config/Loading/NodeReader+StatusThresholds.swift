/// Reading the thresholds shape (`groups`, `health`, `slo`, `slo_policy`), shared by
/// `configs/status_thresholds.yaml` and the profile's `status:` section so both validate the same way.
extension NodeReader {
    mutating func statusOverrides(_ m: ConfigMapping) -> StatusOverrides {
        var out: [String: Double] = [:]
        if let groups = section(m, "groups", allowed: ProfileSchema.statusGroups) {
            for g in ComponentGroup.allCases {
                guard let gm = section(groups, g.rawValue, allowed: ProfileSchema.statusGroup) else { continue }
                for key in ProfileSchema.statusGroup where gm.has(key) {
                    keep(&out, "groups.\(g.rawValue).\(key)") { $0.double(gm, key, default: 0, range: ProfileSchema.groupScoreRange) }
                }
            }
        }
        if let h = section(m, "health", allowed: ProfileSchema.statusHealth) {
            for key in ProfileSchema.statusHealth where h.has(key) {
                keep(&out, "health.\(key)") { $0.double(h, key, default: 0, range: ProfileSchema.healthPctRange) }
            }
        }
        if let slo = section(m, "slo", allowed: ProfileSchema.statusSLOSites) {
            for site in SLOSite.allCases {
                guard let s = section(slo, site.rawValue, allowed: ProfileSchema.sloTargets) else { continue }
                for key in ProfileSchema.sloTargets where s.has(key) {
                    keep(&out, "slo.\(site.rawValue).\(key)") { $0.double(s, key, default: 0, range: Self.sloTargetRange(key)) }
                }
            }
        }
        if let p = section(m, "slo_policy", allowed: ProfileSchema.sloPolicy) {
            for key in ProfileSchema.sloPolicy where p.has(key) {
                switch key {
                case "auto_hold", "hold_on_rates", "hold_on_budget_exhausted":
                    keep(&out, "slo_policy.\(key)") { $0.bool(p, key, default: false) ? 1 : 0 }
                case "hold_multiplier":
                    keep(&out, "slo_policy.\(key)") { $0.double(p, key, default: 3, range: ProfileSchema.holdMultiplierRange) }
                case "budget_fraction":
                    keep(&out, "slo_policy.\(key)") { $0.double(p, key, default: 0.01, range: ProfileSchema.budgetFractionRange) }
                case "min_outcomes":
                    keep(&out, "slo_policy.\(key)") { Double($0.int(p, key, default: 20, range: ProfileSchema.minOutcomesRange)) }
                default:
                    keep(&out, "slo_policy.\(key)") { Double($0.int(p, key, default: 0, range: ProfileSchema.sloSecondsRange)) }
                }
            }
        }
        return StatusOverrides(out)
    }

    /// Stores a value only when it was read without an issue, so a rejected value does not also trip the
    /// cross-key checks with its fallback.
    private mutating func keep(_ out: inout [String: Double], _ path: String, _ read: (inout NodeReader) -> Double) {
        let before = issues.count
        let v = read(&self)
        if issues.count == before { out[path] = v }
    }

    /// Latency targets in ms; rates as shares (0.005 = 0.5 %), never percent; mismatches as a count.
    static func sloTargetRange(_ key: String) -> ClosedRange<Double> {
        switch key {
        case "ws_gap_ms_p95", "order_cycle_ms_p95": 1...60_000
        case "reject_rate", "cancel_fail_rate": 0...0.5
        case "recon_mismatch": 0...1_000
        default: 1...10_000  // max_day_drawdown_bps
        }
    }

    /// Cross-key checks on the merged thresholds (a file and a profile may each set one side of a pair).
    mutating func checkMerged(_ t: StatusThresholds, path: String, line: Int?) {
        if t.health.greenFromPct < t.health.redBelowPct {
            report(path.isEmpty ? "health" : "\(path).health", line: line, code: "status_threshold_order",
                   problem: "green_from_pct (\(t.health.greenFromPct)) ниже red_below_pct (\(t.health.redBelowPct))",
                   hint: "Нужно green_from_pct ≥ red_below_pct")
        }
        for g in ComponentGroup.allCases where t.threshold(g).warn > t.threshold(g).ok {
            report(path.isEmpty ? "groups.\(g.rawValue)" : "\(path).groups.\(g.rawValue)", line: line, code: "status_threshold_order",
                   problem: "порог warn (\(t.threshold(g).warn)) выше порога ok (\(t.threshold(g).ok))",
                   hint: "Оценка ≥ ok — OK, ≥ warn — WARN, ниже — ERROR; нужно ok ≥ warn")
        }
        if t.sloPolicy.bucketMs > t.sloPolicy.windowMs || t.sloPolicy.windowMs % t.sloPolicy.bucketMs != 0 {
            report(path.isEmpty ? "slo_policy" : "\(path).slo_policy", line: line, code: "slo_window_buckets",
                   problem: "окно \(t.sloPolicy.windowMs / 1000) с не делится на корзины по \(t.sloPolicy.bucketMs / 1000) с",
                   hint: "Задайте window_s кратным bucket_s (по умолчанию 300 и 10)")
        }
    }
}
