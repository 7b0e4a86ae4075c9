/// What the runtime must do after an accepted input (the machine itself does no I/O).
public enum ControlDirective: Sendable, Hashable {
    /// KILL step 1: cancel every open order on every venue, then report `.killCancelDone`.
    case cancelAll
    /// KILL step 2: close positions safely within limits, then report `.killFlattenDone`.
    case flatten
}
