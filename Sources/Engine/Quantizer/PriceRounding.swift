/// Which way a limit price is moved onto the tick grid. Explicit at every call, because the safe direction
/// depends on what the order is for.
public enum PriceRounding: String, Sendable, Hashable, CaseIterable {
    /// Buy down, sell up: the order never pays more (or receives less) than the price asked — resting and post-only orders.
    case passive
    /// Buy up, sell down: the order still reaches the level it aims at — IOC orders that must cross.
    case aggressive
}
