/// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` into Unix milliseconds without Foundation (inverse of `ISO8601Millis`).
enum ISO8601Parse {
    static func millis(_ s: String) -> Int64? {
        let c = Array(s.utf8)
        guard c.count >= 20, c.last == UInt8(ascii: "Z"), c[4] == UInt8(ascii: "-"), c[7] == UInt8(ascii: "-"),
              c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: " "), c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":")
        else { return nil }
        func num(_ r: Range<Int>) -> Int64? {
            var v: Int64 = 0
            for i in r {
                guard c[i] >= 48, c[i] <= 57 else { return nil }
                v = v * 10 + Int64(c[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13), let mi = num(14..<16),
              let sec = num(17..<19), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 60 else { return nil }
        var ms: Int64 = 0
        if c.count > 20 {
            guard c[19] == UInt8(ascii: "."), c.count - 21 >= 1, c.count - 21 <= 9, let f = num(20..<(c.count - 1)) else { return nil }
            var frac = f, digits = c.count - 21
            while digits > 3 { frac /= 10; digits -= 1 }
            while digits < 3 { frac *= 10; digits += 1 }
            ms = frac
        }
        // Howard Hinnant's days_from_civil.
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms
    }
}
