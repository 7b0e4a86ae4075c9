public import PropCore

/// What `SyntheticRecording.generate` wrote.
public struct SyntheticRecordingSummary: Sendable, Equatable {
    /// Segment files, per venue in `Venue.allCases` order.
    public var files: [String]
    /// Market steps simulated.
    public var steps: Int
    /// Frames written per venue (REST bodies included).
    public var frames: [Venue: Int]

    /// A summary from its parts.
    public init(files: [String], steps: Int, frames: [Venue: Int]) {
        self.files = files; self.steps = steps; self.frames = frames
    }
}
