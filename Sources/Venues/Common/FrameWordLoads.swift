/// How `FastFrame`'s number readers load 8-byte words: checked against the frame's end (anywhere), or unchecked
/// inside a window the caller has already proved lies in the frame (`FastFrame.levels`, once per level instead
/// of once per load, which was a large share of the level reader's instructions).
protocol FrameWordLoads {
    /// True when loads are unchecked: readers must then stay within the proved window and decline instead of
    /// taking a path that can read further (`FastFrame.needsChecked`).
    static var unchecked: Bool { get }
    /// The 8 bytes at `i`, little-endian.
    static func word(_ f: FastFrame, at i: Int) -> UInt64
}

/// Bounds-checked loads: bytes past the end read as 0 (`FastFrame.word(at:)`).
enum CheckedLoads: FrameWordLoads {
    @inline(__always) static var unchecked: Bool { false }
    @inline(__always) static func word(_ f: FastFrame, at i: Int) -> UInt64 { f.word(at: i) }
}

/// Unchecked loads. Safety: only used by `FastFrame.levels` for a level starting at `pos` with
/// `pos + FastFrame.levelWindow(extras:) <= n`, a bound on every byte the fast level reader can touch there.
enum WindowLoads: FrameWordLoads {
    @inline(__always) static var unchecked: Bool { true }
    @inline(__always) static func word(_ f: FastFrame, at i: Int) -> UInt64 {
        UInt64(littleEndian: f.p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }
}
