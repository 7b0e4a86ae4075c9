import Foundation
import PropCore

/// Reads recordings (see `RecordingFormat`) back: decompresses each file, parses its lines on byte
/// offsets, and merges all venues into one receive-time-ordered `[RecordedFrame]`. Bad lines, a torn last
/// line and corrupt gzip data are counted and skipped (see `RecordingContents.summaryRu`), never fatal.
public enum RecordingReader {
    /// Reads every `*.frames.gz` file in `directory`.
    public static func read(directory: String) throws(RecordingError) -> RecordingContents {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .directoryUnreadable(path: directory)
        }
        let files = names.filter { $0.hasSuffix(RecordingFormat.fileSuffix) }.sorted().map { directory + "/" + $0 }
        return try read(files: files)
    }

    /// Reads `files`; segments of one venue are taken in file-name order (their names sort by time).
    public static func read(files: [String]) throws(RecordingError) -> RecordingContents {
        var contents = RecordingContents(files: files)
        var perVenue: [Venue: [RecordedFrame]] = [:]
        var unknown: [RecordedFrame] = []
        let ordered = files.sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
        // Inflating is most of the cost (zlib runs at a few hundred MB/s), so files are read in parallel.
        let results = ParsedFiles(count: ordered.count)
        DispatchQueue.concurrentPerform(iterations: ordered.count) { i in results.set(i, parse(path: ordered[i])) }
        for (path, parsed) in zip(ordered, results.all) {
            guard let parsed else { throw .fileUnreadable(path: path) }
            let (parser, corrupt) = parsed
            if corrupt {
                contents.corruptFiles += 1
                if contents.problemsRu.count < 20 { contents.problemsRu.append("\(path): сжатые данные повреждены, прочитано до места порчи") }
            }
            contents.malformedLines += parser.malformed
            contents.tornLines += parser.torn
            contents.problemsRu.append(contentsOf: parser.problemsRu.prefix(max(0, 20 - contents.problemsRu.count)))
            guard let first = parser.frames.first else { continue }
            if parser.frames.allSatisfy({ $0.venue == first.venue }) {
                perVenue[first.venue, default: []].append(contentsOf: parser.frames)
            } else {
                unknown.append(contentsOf: parser.frames)
            }
        }
        var streams = Venue.allCases.compactMap { perVenue[$0] }
        if !unknown.isEmpty { streams.append(unknown) }
        contents.frames = merge(streams.map(sortedByTime))
        return contents
    }

    /// One file decompressed and parsed; `nil` when it cannot be opened.
    static func parse(path: String) -> (RecordingFileParser, Bool)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let (text, corrupt) = GzipMembers.inflate([UInt8](data))
        var parser = RecordingFileParser()
        parser.parse(text, venue: venueOfFileName(path), file: path)
        return (parser, corrupt)
    }

    /// The venue a file name starts with (`binance-…`), if any.
    static func venueOfFileName(_ path: String) -> Venue? {
        let name = (path as NSString).lastPathComponent
        return name.split(separator: "-", maxSplits: 1).first.flatMap { Venue(rawValue: String($0)) }
    }

    static func precedes(_ a: RecordedFrame, _ b: RecordedFrame) -> Bool {
        a.receiveWallNanos != b.receiveWallNanos ? a.receiveWallNanos < b.receiveWallNanos : a.monotonicNanos < b.monotonicNanos
    }

    /// The frames in time order; a no-op pass when they already are (the usual case), a stable sort otherwise.
    static func sortedByTime(_ frames: [RecordedFrame]) -> [RecordedFrame] {
        var ordered = true
        for i in frames.indices.dropFirst() where precedes(frames[i], frames[i - 1]) { ordered = false; break }
        if ordered { return frames }
        return frames.indices.sorted { a, b in
            precedes(frames[a], frames[b]) || (!precedes(frames[b], frames[a]) && a < b)
        }.map { frames[$0] }
    }

    /// K-way merge of time-ordered streams (k is the number of venues, so a linear pick is fastest).
    static func merge(_ streams: [[RecordedFrame]]) -> [RecordedFrame] {
        if streams.count == 1 { return streams[0] }
        var out: [RecordedFrame] = []
        out.reserveCapacity(streams.reduce(0) { $0 + $1.count })
        var heads = [Int](repeating: 0, count: streams.count)
        while true {
            var best = -1
            for s in streams.indices where heads[s] < streams[s].count {
                if best < 0 || precedes(streams[s][heads[s]], streams[best][heads[best]]) { best = s }
            }
            guard best >= 0 else { break }
            out.append(streams[best][heads[best]])
            heads[best] += 1
        }
        return out
    }
}
