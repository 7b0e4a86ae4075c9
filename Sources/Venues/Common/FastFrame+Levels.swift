import PropCore

extension FastFrame {
    /// Bytes from a level's `[` that `level` can read with unchecked loads: `["`, two decimals (each read at
    /// most 16 bytes from its start and at most 9 bytes long with its quote), per extra `,"` plus up to 15
    /// digits read 16 bytes ahead (18 bytes each), and the 8-byte word holding the closing `],`.
    @inline(__always)
    static func levelWindow(extras: Int) -> Int { 40 &+ 18 &* extras }

    /// Reads `[["px","qty"],…]` (compact, exactly two strings per level, plus `extras` quoted digit
    /// strings such as OKX's `"0","3"`) at `i` into `out`, moving `i` past the closing `]`. Prices must be
    /// positive. `false` on anything else. Kept out of line so the callers stay small enough for the
    /// number readers to be inlined everywhere.
    @inline(never)
    func levels(_ i: inout Int, priceScale: Int, qtyScale: Int, extras: Int = 0, into out: inout [BookLevel]) -> Bool {
        let head = word(at: i) & 0xFF_FFFF
        if head & 0xFFFF == 0x5D5B { // []
            if !out.isEmpty { out.removeAll(keepingCapacity: true) }
            i &+= 2
            return true
        }
        guard head == 0x22_5B5B else { return false } // [["
        var pos = i &+ 1
        var ok = false
        // Levels far enough from the frame's end are read with one bounds check per level instead of one
        // per load; the rest (and any level with a long number) with checked loads. Both run the same reader.
        let windowEnd = n &- Self.levelWindow(extras: extras)
        // Levels go through a small stack buffer and replace `out`'s contents in bulk: one uniqueness
        // and capacity check per chunk instead of per level (the first chunk also clears `out`).
        let chunk = 64
        withUnsafeTemporaryAllocation(of: BookLevel.self, capacity: chunk) { buf in
            guard let out0 = buf.baseAddress else { return }
            var k = 0
            var cleared = false
            var shapes = (price: ColumnShapes(), qty: ColumnShapes())
            while true {
                var price: Int64 = 0, qty: Int64 = 0
                var e = Int(Self.needsChecked)
                if pos <= windowEnd {
                    e = level(pos, priceScale: priceScale, qtyScale: qtyScale, extras: extras, WindowLoads.self,
                              shapes: &shapes, price: &price, qty: &qty)
                }
                if e == Int(Self.needsChecked) {
                    e = level(pos, priceScale: priceScale, qtyScale: qtyScale, extras: extras, CheckedLoads.self,
                              shapes: &shapes, price: &price, qty: &qty)
                }
                guard e >= 0 else { return }
                (out0 + k).initialize(to: BookLevel(price: price, qty: qty))
                k &+= 1
                if k == chunk {
                    Self.flush(&out, UnsafeBufferPointer(start: out0, count: k), cleared: cleared)
                    cleared = true
                    k = 0
                }
                let tail = word(at: e) & 0xFFFF
                if tail == 0x2C5D { pos = e &+ 2; continue } // ],
                guard tail == 0x5D5D else { return } // ]]
                Self.flush(&out, UnsafeBufferPointer(start: out0, count: k), cleared: cleared)
                pos = e &+ 2
                ok = true
                return
            }
        }
        i = pos
        return ok
    }

    /// One level `["px","qty"` plus `extras` digit strings at `pos` (at its `[`): the index of the byte after
    /// it (its `]` when well formed), -1 when declined, or `needsChecked` (unchecked loads only) when a long
    /// number needs the checked readers. With `WindowLoads` it reads only inside `levelWindow(extras:)`, and
    /// tries each number as spelled like one of the two above it (`shapes`) before reading it in full.
    @inline(__always)
    func level<L: FrameWordLoads>(_ pos: Int, priceScale: Int, qtyScale: Int, extras: Int, _ loads: L.Type,
                                  shapes: inout (price: ColumnShapes, qty: ColumnShapes),
                                  price: inout Int64, qty: inout Int64) -> Int {
        guard L.word(self, at: pos) & 0xFFFF == 0x225B else { return -1 } // ["
        var e = pos &+ 2
        let p = number(&e, scale: priceScale, L.self, shape: &shapes.price)
        if L.unchecked, p == Self.needsChecked { return Int(Self.needsChecked) }
        guard p > 0, L.word(self, at: e) & 0xFFFF == 0x222C else { return -1 } // ,"
        e &+= 2
        let q = number(&e, scale: qtyScale, L.self, shape: &shapes.qty)
        if L.unchecked, q == Self.needsChecked { return Int(Self.needsChecked) }
        guard q >= 0 else { return -1 }
        // Extra elements the general path skips: only plain `,"<digits>"` is accepted here. OKX's pair is
        // almost always one digit each, checked in one word.
        if extras == 2, Self.twoOneDigitStrings(L.word(self, at: e)) {
            e &+= 8
        } else {
            for _ in 0..<extras {
                guard L.word(self, at: e) & 0xFFFF == 0x222C else { return -1 } // ,"
                var d = e &+ 2
                guard digitString(&d, L.self) else { return -1 }
                e = d
            }
        }
        price = p
        qty = q
        return e
    }

    /// `decimal(_:scale:_:)`, first trying the spelling of the column's previous number (unchecked loads only;
    /// the checked reader near the frame's end just reads).
    @_transparent // mandatory inlining, as for `decimal`: the level loop must not call out per number
    func number<L: FrameWordLoads>(_ e: inout Int, scale: Int, _: L.Type, shape: inout ColumnShapes) -> Int64 {
        guard L.unchecked else { return decimal(&e, scale: scale, L.self) }
        let s = e
        let w = L.word(self, at: s)
        if shape.recent.matches(w, quote: byte(s &+ shape.recent.length)) {
            e = s &+ shape.recent.length &+ 1
            return shape.recent.value(w)
        }
        return readLearning(&e, scale: scale, shape: &shape)
    }

    /// A number spelled unlike the previous one (unchecked loads): the spelling before it, else read in full and
    /// its spelling learnt. Out of line so the first guess stays small enough to be inlined into the level loop.
    @inline(never)
    func readLearning(_ e: inout Int, scale: Int, shape: inout ColumnShapes) -> Int64 {
        let s = e
        let w = WindowLoads.word(self, at: s)
        if shape.older.matches(w, quote: byte(s &+ shape.older.length)) {
            shape.promoteOlder()
            e = s &+ shape.recent.length &+ 1
            return shape.recent.value(w)
        }
        let v = decimal(&e, scale: scale, WindowLoads.self)
        if v >= 0 { shape.learn(w, length: e &- s &- 1, scale: scale) }
        return v
    }

    /// True if `w` is `,"D","D"` (two one-digit strings, each after a comma).
    @inline(__always)
    static func twoOneDigitStrings(_ w: UInt64) -> Bool {
        let x = w ^ 0x2230_222C_2230_222C
        // Punctuation bytes must match exactly; the digit bytes (2 and 6) are then `digit ^ '0'`.
        return x & 0xFF00_FFFF_FF00_FFFF == 0 && nonDigits(x) & 0x0080_0000_0080_0000 == 0
    }

    /// A string of 1…15 ASCII digits at `e` (after the opening quote), moving `e` past the closing quote, with
    /// loads of the given kind (it reads at most 16 bytes from `e`).
    @inline(__always)
    func digitString<L: FrameWordLoads>(_ e: inout Int, _: L.Type) -> Bool {
        var j = e
        guard int(&j, L.self) != nil, j < n, byte(j) == UInt8(ascii: "\"") else { return false }
        e = j &+ 1
        return true
    }

    /// Appends `levels` to `out`, first dropping `out`'s old contents unless `cleared`.
    @inline(__always)
    static func flush(_ out: inout [BookLevel], _ levels: UnsafeBufferPointer<BookLevel>, cleared: Bool) {
        if cleared {
            out.append(contentsOf: levels)
        } else {
            out.replaceSubrange(out.startIndex..<out.endIndex, with: levels)
        }
    }
}
