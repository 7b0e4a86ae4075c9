import PropCore

/// Writes one side's `px:sz` level texts for a checksum, reusing the previous check's texts: both level lists
/// are best first, so one forward pass over the previous list finds every price that is still there. An
/// unchanged level is one fixed-size slot copy; a level whose size changed keeps its price text.
enum OKXChecksumTextCache {
    /// Fills the slots, prices, sizes and lengths of `next` for the `n` levels at `levels` (one side, best first),
    /// from the `previousCount` levels of `previous`. `negated` is the side's key order (asks: `-price`).
    @inline(__always)
    static func refresh(_ levels: UnsafePointer<BookLevel>, _ n: Int, negated: Bool,
                        previous: Side, previousCount: Int, next: Side, priceScale ps: Int, qtyScale qs: Int) {
        let slotBytes = OKXChecksumScratch.slotBytes
        var j = 0
        var i = 0
        while i < n {
            let l = levels[i]
            let key = negated ? 0 &- l.price : l.price
            let slot = next.slots + i &* slotBytes
            while j < previousCount, (negated ? 0 &- previous.prices[j] : previous.prices[j]) > key { j &+= 1 }
            var lengths: Int64
            if j < previousCount, previous.prices[j] == l.price {
                // The slot is copied whole (fixed size, no per-byte loop); only its first `levelLength` bytes count.
                UnsafeMutableRawPointer(slot).copyMemory(from: previous.slots + j &* slotBytes, byteCount: slotBytes)
                lengths = previous.lengths[j]
                if previous.qtys[j] != l.qty {
                    let p = Int(truncatingIfNeeded: lengths >> 8)
                    let q = OKXChecksumText.number(l.qty, scale: qs, to: slot + (p &+ 1))
                    lengths = Int64(p << 8 | (p &+ 1 &+ q))
                }
                j &+= 1
            } else {
                let p = OKXChecksumText.number(l.price, scale: ps, to: slot)
                slot[p] = UInt8(ascii: ":")
                let q = OKXChecksumText.number(l.qty, scale: qs, to: slot + (p &+ 1))
                lengths = Int64(p << 8 | (p &+ 1 &+ q))
            }
            next.prices[i] = l.price
            next.qtys[i] = l.qty
            next.lengths[i] = lengths
            i &+= 1
        }
    }

    /// Interleaves the cached level texts as OKX defines the checksum text (`bid0:ask0:bid1:ask1:…`, a side that
    /// runs out is skipped) into `t`, which has one slot of slack; returns the text's length.
    @inline(__always)
    static func assemble(bids: Side, _ nb: Int, asks: Side, _ na: Int, to t: UnsafeMutablePointer<UInt8>) -> Int {
        let slotBytes = OKXChecksumScratch.slotBytes
        var w = 0
        var i = 0
        while i < nb || i < na {
            if i < nb {
                UnsafeMutableRawPointer(t + w).copyMemory(from: bids.slots + i &* slotBytes, byteCount: slotBytes)
                w &+= Int(truncatingIfNeeded: bids.lengths[i] & 0xFF)
                t[w] = UInt8(ascii: ":")
                w &+= 1
            }
            if i < na {
                UnsafeMutableRawPointer(t + w).copyMemory(from: asks.slots + i &* slotBytes, byteCount: slotBytes)
                w &+= Int(truncatingIfNeeded: asks.lengths[i] & 0xFF)
                t[w] = UInt8(ascii: ":")
                w &+= 1
            }
            i &+= 1
        }
        // No `:` after the last number.
        return w > 0 ? w &- 1 : 0
    }

    /// One side's cached levels in one generation: pointers into the scratch's buffers.
    struct Side {
        let prices: UnsafeMutablePointer<Int64>
        let qtys: UnsafeMutablePointer<Int64>
        let lengths: UnsafeMutablePointer<Int64>
        let slots: UnsafeMutablePointer<UInt8>

        /// Side `side` (0 bids, 1 asks) of generation `generation` in buffers laid out for `capacity` levels.
        init(_ numbers: UnsafeMutablePointer<Int64>, _ bytes: UnsafeMutablePointer<UInt8>, side: Int, generation: Int, capacity: Int) {
            let block = side &* 2 &+ generation
            prices = numbers + block &* 3 &* capacity
            qtys = prices + capacity
            lengths = qtys + capacity
            slots = bytes + block &* capacity &* OKXChecksumScratch.slotBytes
        }
    }
}
