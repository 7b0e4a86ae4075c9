public import PropCore

/// The on-disk recording format, version 1.
///
/// One gzip file per venue and segment, `DIR/<venue>-<yyyyMMddTHHmmssZ>-<seq>.frames.gz`; the file is a
/// sequence of complete gzip members (one per flush), so `gzip -t`/`zcat` read it and a crash loses only the
/// member being written. Decompressed, it is text lines:
/// - a header first: `#propbot-frames\tv=1\tvenue=binance\tcreated=…Z\tcreated_ns=…\ttool=…\tsegment=1`;
/// - WebSocket frames: `<receive wall ns>\t<monotonic ns>\t<ws_public|ws_private>\t<raw frame>`;
/// - REST bodies: `<receive wall ns>\t<monotonic ns>\trest\t<path?query>\t<raw body>`, with any tab, CR or
///   LF in the path written as `%09`, `%0D`, `%0A`.
/// The raw frame is written byte for byte (tabs inside it are fine: it is the last field). A frame that
/// contains CR or LF — never the case for the venues' single-line JSON, possible for binary frames or
/// pretty-printed bodies — is written base64-encoded and its channel field gets the suffix `+b64`.
public enum RecordingFormat {
    /// Format version written in the header.
    public static let version = 1
    /// File name suffix.
    public static let fileSuffix = ".frames.gz"
    /// First field of the header line.
    static let magic = "#propbot-frames"
    static let base64Suffix = "+b64"

    /// `binance-20261204T031500Z-0001.frames.gz`.
    public static func fileName(venue: Venue, createdWallNanos: Int64, segment: Int) -> String {
        let seq = String(segment)
        return "\(venue.rawValue)-\(compactUTC(createdWallNanos))-\(String(repeating: "0", count: max(0, 4 - seq.count)))\(seq)\(fileSuffix)"
    }

    /// The header line (with its newline).
    static func header(venue: Venue, createdWallNanos: Int64, tool: String, segment: Int) -> String {
        let t = compactUTC(createdWallNanos)
        let iso = "\(t.prefix(4))-\(t.dropFirst(4).prefix(2))-\(t.dropFirst(6).prefix(2))T\(t.dropFirst(9).prefix(2)):\(t.dropFirst(11).prefix(2)):\(t.dropFirst(13).prefix(2))Z"
        let safeTool = String(tool.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        return "\(magic)\tv=\(version)\tvenue=\(venue.rawValue)\tcreated=\(iso)\tcreated_ns=\(createdWallNanos)\ttool=\(safeTool)\tsegment=\(segment)\n"
    }

    /// Appends one recording line for a frame to `out`.
    static func appendLine(into out: inout [UInt8], channel: RecordedChannel, wallNanos: Int64, monotonicNanos: UInt64,
                           path: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) {
        appendDecimal(into: &out, wallNanos)
        out.append(0x09)
        appendDecimal(into: &out, Int64(bitPattern: monotonicNanos))
        out.append(0x09)
        out.append(contentsOf: channel.rawValue.utf8)
        let unsafe = body.contains(0x0A) || body.contains(0x0D)
        if unsafe { out.append(contentsOf: base64Suffix.utf8) }
        out.append(0x09)
        if channel == .rest {
            for b in path {
                switch b {
                case 0x09: out.append(contentsOf: "%09".utf8)
                case 0x0A: out.append(contentsOf: "%0A".utf8)
                case 0x0D: out.append(contentsOf: "%0D".utf8)
                default: out.append(b)
                }
            }
            out.append(0x09)
        }
        if unsafe { out.append(contentsOf: HexBase64.base64(body).utf8) } else { out.append(contentsOf: body) }
        out.append(0x0A)
    }

    /// Decimal digits of `value` without going through `String`.
    static func appendDecimal(into out: inout [UInt8], _ value: Int64) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0) // room for 20 digits as 32 bytes
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat { buf[n] = UInt8(48 + v % 10); v /= 10; n += 1 } while v > 0
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }

    /// `yyyyMMddTHHmmssZ` of a wall time in ns (proleptic Gregorian, UTC; no locale or formatter).
    static func compactUTC(_ wallNanos: Int64) -> String {
        let secs = wallNanos >= 0 ? wallNanos / 1_000_000_000 : (wallNanos - 999_999_999) / 1_000_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (y, m, d) = (date.year, date.month, date.day)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)\(two(m))\(two(d))T\(two(rem / 3600))\(two(rem / 60 % 60))\(two(rem % 60))Z"
    }
}
