/// Where a KILL is: the runtime reports each step's completion and the machine moves on.
public enum KillPhase: String, Sendable, Hashable, Codable {
    /// Cancelling every open order on every venue (`ControlDirective.cancelAll` issued).
    case cancelling
    /// Closing positions safely within limits (`ControlDirective.flatten` issued).
    case flattening
}
