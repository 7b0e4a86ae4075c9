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
