/// UTC ISO-8601 timestamps with milliseconds (`2026-11-25T12:00:00.123Z`), the API's time format.
/// Pure integer arithmetic (Howard Hinnant's civil-from-days), so it is exact and locale-free.
public enum ISO8601Millis {
    /// Formats milliseconds since the Unix epoch.
    public static func string(fromMillis ms: Int64) -> String {
        let millis = ((ms % 1000) + 1000) % 1000
        let secs = (ms - millis) / 1000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let sod = secs - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(sod / 3600, 2)):\(pad(sod % 3600 / 60, 2)):\(pad(sod % 60, 2)).\(pad(millis, 3))Z"
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
