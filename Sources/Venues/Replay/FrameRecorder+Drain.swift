import PropCore

extension FrameRecorder {
    /// The writer task: take the buffer, write its records, flush on time, until closed and empty.
    static func drain(buffer: FrameBuffer, directory: String, venue: Venue, options: Options, time: any TimeSource) async {
        let writer: RecordingSegmentWriter?
        var failures = 0
        var lastFailure: String?
        do {
            writer = try RecordingSegmentWriter(directory: directory, venue: venue, limits: options.limits, tool: options.tool)
        } catch {
            writer = nil
            lastFailure = "не удалось начать запись кадров в \(directory): \(error). Подсказка: проверьте права и место на диске."
        }
        var spare: [UInt8] = []
        spare.reserveCapacity(max(1024, options.bufferBytes))
        var scratch: [UInt8] = []
        var lastFlush = time.monotonicNanos()
        let flushNanos = UInt64(options.flushIntervalMs) * 1_000_000
        while true {
            let (closed, redactions) = buffer.take(into: &spare)
            var i = 0
            spare.withUnsafeBytes { raw in
                while i + FrameBuffer.recordHeaderBytes <= raw.count {
                    let tag = raw[i]
                    let wall = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 1, as: Int64.self))
                    let mono = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 9, as: UInt64.self))
                    let pl = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i + 17, as: UInt32.self)))
                    let bl = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i + 21, as: UInt32.self)))
                    let start = i + FrameBuffer.recordHeaderBytes
                    let path = UnsafeRawBufferPointer(rebasing: raw[start..<(start + pl)])
                    var body = UnsafeRawBufferPointer(rebasing: raw[(start + pl)..<(start + pl + bl)])
                    i = start + pl + bl
                    guard let channel = RecordedChannel(tag: tag), let writer else { failures += 1; continue }
                    if channel != .wsPublic, !redactions.isEmpty, Redaction.apply(redactions, to: body, into: &scratch) {
                        scratch.withUnsafeBytes { body = $0; write(writer, channel, wall, mono, path, body, &failures, &lastFailure) }
                    } else {
                        write(writer, channel, wall, mono, path, body, &failures, &lastFailure)
                    }
                }
            }
            spare.removeAll(keepingCapacity: true)
            let now = time.monotonicNanos()
            if closed || now &- lastFlush >= flushNanos {
                lastFlush = now
                do { if closed { try writer?.close() } else { try writer?.flush() } } catch {
                    failures += 1
                    lastFailure = "ошибка записи файла кадров: \(error). Подсказка: проверьте место на диске."
                }
            }
            buffer.report(written: writer?.lines ?? 0, failures: failures, lastFailure: lastFailure, files: writer?.files ?? [])
            if closed { return }
            try? await Task.sleep(for: .milliseconds(options.drainIntervalMs))
        }
    }

    private static func write(_ writer: RecordingSegmentWriter, _ channel: RecordedChannel, _ wall: Int64, _ mono: UInt64,
                              _ path: UnsafeRawBufferPointer, _ body: UnsafeRawBufferPointer,
                              _ failures: inout Int, _ lastFailure: inout String?) {
        do { try writer.append(channel: channel, wallNanos: wall, monotonicNanos: mono, path: path, body: body) } catch {
            failures += 1
            lastFailure = "ошибка записи файла кадров: \(error). Подсказка: проверьте место на диске."
        }
    }
}
