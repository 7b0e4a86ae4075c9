import PropCore

/// The order parameters a `place` journal row needs beyond its columns (side, type, time in force,
/// reduce-only), kept in the row's `reason` text as `side=buy;type=limit;tif=gtc;ro=0;why=<code>` so a
/// restart rebuilds the exact request that may be on the venue.
struct IntentDetails: Sendable, Hashable {
    var side: OrderSide
    var type: OrderType
    var timeInForce: TimeInForce
    var reduceOnly: Bool
    /// Why the order was placed (strategy code, `operator`, `drill`, …).
    var why: String

    var encoded: String {
        "side=\(side.rawValue);type=\(type.rawValue);tif=\(timeInForce.rawValue);ro=\(reduceOnly ? 1 : 0);why=\(why)"
    }

    init(side: OrderSide, type: OrderType, timeInForce: TimeInForce, reduceOnly: Bool, why: String) {
        self.side = side; self.type = type; self.timeInForce = timeInForce; self.reduceOnly = reduceOnly; self.why = why
    }

    /// Parses `encoded`; nil when any field is missing or unknown.
    init?(decoding text: String) {
        var fields: [Substring: Substring] = [:]
        for part in text.split(separator: ";") {
            guard let eq = part.firstIndex(of: "=") else { return nil }
            fields[part[..<eq]] = part[part.index(after: eq)...]
        }
        guard let s = fields["side"].flatMap({ OrderSide(rawValue: String($0)) }),
              let t = fields["type"].flatMap({ OrderType(rawValue: String($0)) }),
              let f = fields["tif"].flatMap({ TimeInForce(rawValue: String($0)) }),
              let ro = fields["ro"], ro == "0" || ro == "1" else { return nil }
        self.init(side: s, type: t, timeInForce: f, reduceOnly: ro == "1", why: fields["why"].map(String.init) ?? "")
    }
}
