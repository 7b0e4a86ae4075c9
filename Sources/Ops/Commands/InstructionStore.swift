import Foundation

/// Where the operator's last instruction survives a restart (guarded startup reads it to decide whether to
/// resume trading).
public protocol InstructionStore: Sendable {
    /// The saved instruction, or nil when none was ever saved.
    func load() throws -> OperatorInstruction?
    /// Saves `instruction` durably.
    func save(_ instruction: OperatorInstruction) throws
}

/// A small JSON file (`ops.state_file`), replaced atomically on every save.
public struct FileInstructionStore: InstructionStore {
    /// File path.
    public let path: String

    /// A store at `path`.
    public init(path: String) { self.path = path }

    public func load() throws -> OperatorInstruction? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try JSONDecoder().decode(OperatorInstruction.self, from: data)
    }

    public func save(_ instruction: OperatorInstruction) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // `.atomic` writes a temporary file and renames it, so a crash leaves the old or the new instruction.
        try encoder.encode(instruction).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
