import PropCore

/// Reusable buffers for `OKXBookChecksum.compute(_:depth:scratch:)`: the top levels and the checksum text,
/// so a checksum per message allocates nothing once warm. Owned by whoever checks (one per `BookSync`).
public struct OKXChecksumScratch: Sendable {
    var levels: [BookLevel] = []
    var text: [UInt8] = []

    /// Empty buffers; they grow on first use.
    public init() {}

    /// Makes room for `depth` levels per side.
    mutating func reserve(depth: Int) {
        let levelCount = 2 * depth
        if levels.count < levelCount { levels = Array(repeating: BookLevel(price: 0, qty: 0), count: levelCount) }
        let bytes = levelCount * 2 * OKXChecksumText.maxNumberBytes
        if text.count < bytes { text = Array(repeating: 0, count: bytes) }
    }
}
