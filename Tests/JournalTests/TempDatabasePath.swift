import Foundation

/// A fresh database path in a private temp directory, so tests never share files.
func tempDatabasePath(_ name: String = "journal.sqlite") -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("propbot-journal-\(UUID().uuidString)")
    return dir.appendingPathComponent(name).path
}
