/// What `RecordingReader` read: the frames of every venue in receive-time order, and what it skipped.
public struct RecordingContents: Sendable {
    /// All frames, ordered by receive wall time (ties: monotonic time, then file order).
    public var frames: [RecordedFrame]
    /// Files read, in the order given or listed.
    public var files: [String]
    /// Lines that did not parse (bad numbers, unknown channel, bad base64, unknown header version).
    public var malformedLines: Int
    /// Final lines without a newline (a crash while writing): skipped.
    public var tornLines: Int
    /// Files whose gzip data broke off with corrupt bytes (frames up to that point are kept).
    public var corruptFiles: Int
    /// Up to 20 concrete problems, in Russian, with file and line.
    public var problemsRu: [String]

    /// One Russian sentence summing up what was skipped, or `nil` when everything read cleanly.
    public var summaryRu: String? {
        guard malformedLines + tornLines + corruptFiles > 0 else { return nil }
        return "Запись прочитана не полностью: пропущено строк с ошибкой — \(malformedLines), оборванных строк — \(tornLines), "
            + "файлов с повреждённым сжатием — \(corruptFiles). Подсказка: оборванная последняя строка бывает после аварийной "
            + "остановки и безвредна; остальное — признак порчи файла."
    }

    /// Empty contents.
    public init(frames: [RecordedFrame] = [], files: [String] = [], malformedLines: Int = 0, tornLines: Int = 0,
                corruptFiles: Int = 0, problemsRu: [String] = []) {
        self.frames = frames; self.files = files; self.malformedLines = malformedLines; self.tornLines = tornLines
        self.corruptFiles = corruptFiles; self.problemsRu = problemsRu
    }
}
