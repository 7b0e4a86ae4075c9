/// Where an instrument id sits in the file, so rules about it point at the right list item.
struct InstrumentPosition {
    /// Index in the `instruments` list as written (parse failures keep their index).
    var index: Int
    var line: Int?
    var column: Int?
}
