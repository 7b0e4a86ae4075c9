/// What the runtime must do after an accepted input (the machine itself does no I/O).
public enum ControlDirective: Sendable, Hashable {
    /// KILL step 1: cancel every open order on every venue, then report `.killCancelDone`.
    case cancelAll
    /// KILL step 2: close positions safely within limits, then report `.killFlattenDone`.
    case flatten
}

/// The result of one accepted input: the record (nil when nothing changed, e.g. a repeated automatic
/// reason) and the directives to carry out.
public struct ControlStep: Sendable, Hashable {
    /// The transition, or nil for an idempotent repeat.
    public var record: TransitionRecord?
    /// Runtime actions, in order.
    public var directives: [ControlDirective]

    /// A step.
    public init(record: TransitionRecord?, directives: [ControlDirective] = []) {
        self.record = record; self.directives = directives
    }
}
