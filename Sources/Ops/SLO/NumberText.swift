/// Locale-free number text for Russian messages (`1 234 мс`, `0,52 %`), without Foundation formatters.
enum NumberText {
    /// `value` rounded to `decimals` places, decimal comma as Russian text uses.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var s = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let f = String(frac)
            s += "," + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }

    static func ms(_ v: Double) -> String { fixed(v, decimals: 0) + " мс" }
    static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 2) + " %" }
}
