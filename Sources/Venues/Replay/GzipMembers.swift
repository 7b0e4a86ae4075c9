import CompressNIO
import NIOCore

/// Inflates a file made of concatenated gzip members (what `RecordingSegmentWriter` writes).
/// A member cut short by a crash yields what it holds; corrupt data stops the file there.
enum GzipMembers {
    /// The decompressed bytes and whether the input was corrupt (as opposed to complete or merely cut short).
    static func inflate(_ data: [UInt8]) -> (bytes: [UInt8], corrupt: Bool) {
        guard !data.isEmpty, let inflater = try? ZlibDecompressor(algorithm: .gzip) else { return ([], !data.isEmpty) }
        var input = ByteBuffer(bytes: data)
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 8)
        var window = ByteBuffer()
        window.reserveCapacity(1 << 20)
        func drainWindow() {
            window.withUnsafeReadableBytes { out.append(contentsOf: $0) }
            window.clear()
        }
        var corrupt = false
        while input.readableBytes > 0 {
            do {
                try inflater.inflate(from: &input, to: &window)
                // Returned without error: the member ended (more may follow) or the input ran out mid-member.
                drainWindow()
                guard input.readableBytes > 0 else { break }
                try inflater.reset()
            } catch let error as CompressNIOError where error == .bufferOverflow {
                drainWindow()
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                drainWindow()
                break
            } catch {
                drainWindow()
                corrupt = true
                break
            }
        }
        return (out, corrupt)
    }
}
