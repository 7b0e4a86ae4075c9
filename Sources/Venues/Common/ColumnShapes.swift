/// The two most recent spellings of one column of a side's levels, most recent first. OKX sides mix deleted
/// levels (size `"0"`) with live ones and trim trailing zeros from prices, so one guess is often wrong where
/// the one before it is right (synthetic data: OKX price guesses 76 % → 92 %, size guesses 65 % → 78 %).
struct ColumnShapes {
    /// The spelling tried first.
    var recent = DecimalShape()
    /// The spelling before it, tried when `recent` misses.
    var older = DecimalShape()

    init() {}

    /// Makes `older` the first guess (it just matched).
    mutating func promoteOlder() { swap(&recent, &older) }

    /// A new spelling read in full becomes the first guess; the previous first guess is kept as the second.
    mutating func learn(_ w: UInt64, length: Int, scale: Int) {
        older = recent
        recent.learn(w, length: length, scale: scale)
    }
}
