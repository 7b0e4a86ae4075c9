/// What a credential key held after expansion, kept apart from plain strings so its value is never reported.
enum SecretField {
    case absent
    /// A value; `inline` when it was written literally in the profile instead of `${NAME}`.
    case value(Secret, inline: Bool, line: Int?)
    /// `${NAME}` references whose variables are unset and have no default.
    case unset([String], line: Int?)
    /// Present but unusable (wrong type, malformed reference); already reported.
    case invalid

    var secret: Secret? {
        if case .value(let s, _, _) = self { return s }
        return nil
    }
}
