public import PropCore

extension MarketReplay {
    /// Replays one venue's public frames and REST bodies from a recording (`RecordingReader`) through the
    /// real codec and `BookSync`; other venues' frames and private frames are skipped, as is OKX's bare
    /// `pong` heartbeat answer (the live feed drops it before the codec too).
    public static func replay(venue: Venue, frames: [RecordedFrame]) -> ReplayReport {
        var messages: [CapturedMessage] = []
        for (i, f) in frames.enumerated() where f.venue == venue {
            let time = Double(f.receiveWallNanos) / 1e9
            switch f.channel {
            case .wsPublic:
                if f.bytes.elementsEqual("pong".utf8) { continue }
                messages.append(CapturedMessage(kind: .webSocket, receiveTime: time, fileIndex: 0, line: i, body: Array(f.bytes)))
            case .rest:
                messages.append(CapturedMessage(kind: .http(url: f.pathString), receiveTime: time, fileIndex: 0, line: i, body: Array(f.bytes)))
            case .wsPrivate:
                continue
            }
        }
        return replay(venue: venue, messages: messages)
    }
}
