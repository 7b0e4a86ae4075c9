import Foundation
import PropCore
import Yams

/// The tokens file (`ops.tokens_file`, default `./data/secrets/tokens.yaml`, outside the repository): a YAML
/// list of names, roles, salts and salted SHA-256 hashes. Tokens themselves are never stored. The file and its
/// directory are private to the user (0600 / 0700) on every write; a file readable by others is refused.
public struct TokenStore: Sendable {
    /// Default location.
    public static let defaultPath = "./data/secrets/tokens.yaml"

    /// File path.
    public let path: String

    /// A store at `path` (nothing is read until asked).
    public init(path: String = TokenStore.defaultPath) { self.path = path }

    private struct FileBody: Codable { var tokens: [TokenRecord] }

    /// Every stored record, in file order; empty when the file does not exist yet.
    public func load() throws(AuthError) -> [TokenRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        if let perms = FilePermissions.of(path), perms & 0o077 != 0 { throw .fileInsecure(path: path, permissions: perms) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .fileUnreadable(path: path, reason: "нет доступа или не UTF-8")
        }
        if text.trimmingWhitespace.isEmpty { return [] }
        do {
            return try YAMLDecoder().decode(FileBody.self, from: text).tokens
        } catch {
            // Yams' message quotes no values beyond key names; the file holds hashes only anyway.
            throw .fileUnreadable(path: path, reason: "неверный формат (\(type(of: error)))")
        }
    }

    /// Issues a new token for `name` with `role`; the returned token is the only copy of its text.
    public func add(name: String, role: Role, atMs: Int64) throws(AuthError) -> IssuedToken {
        guard Self.isValidName(name) else { throw .nameInvalid(name) }
        var records = try load()
        guard !records.contains(where: { $0.name == name }) else { throw .nameTaken(name) }
        let token = TokenHasher.newToken()
        let salt = TokenHasher.newSalt()
        guard let hash = TokenHasher.hash(token: token, saltHex: salt) else {
            throw .fileWriteFailed(path: path, reason: "соль не создана")
        }
        let record = TokenRecord(name: name, role: role, salt: salt, sha256: hash,
                                 createdAt: ISO8601Millis.string(fromMillis: atMs))
        records.append(record)
        try save(records)
        return IssuedToken(record: record, text: token)
    }

    /// Removes `name`'s token; requests with it fail from the next reload of the authenticator.
    public func revoke(name: String) throws(AuthError) {
        var records = try load()
        guard let i = records.firstIndex(where: { $0.name == name }) else { throw .nameUnknown(name) }
        records.remove(at: i)
        try save(records)
    }

    /// Token names are what operators are called in audit and approvals: short, plain, and not a system name.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...32).contains(name.utf8.count), !["system", "anonymous", "unknown"].contains(name) else { return false }
        return name.utf8.allSatisfy { c in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
                || c == UInt8(ascii: "-")
        }
    }

    /// Writes to a private temporary file in the same directory, then renames over the old file, so a crash
    /// never leaves a half-written tokens file and the content is never readable by others in between.
    private func save(_ records: [TokenRecord]) throws(AuthError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let body: String
        do {
            body = try YAMLEncoder().encode(FileBody(tokens: records))
        } catch {
            throw .fileWriteFailed(path: path, reason: "\(error)")
        }
        let text = "# PropBot API tokens: salted SHA-256 hashes only. Managed by `propbot auth`; do not edit.\n" + body
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileWriteFailed(path: path, reason: "каталог «\(directory)» не создан: \(error.localizedDescription)")
        }
        let temporary = "\(path).tmp-\(HexCoding.hex(TokenHasher.randomBytes(6)))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .fileWriteFailed(path: path, reason: "временный файл не создан")
        }
        do {
            try FilePermissions.set(temporary, 0o600)
            try FilePermissions.replace(path, with: temporary)
            try FilePermissions.set(path, 0o600)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileWriteFailed(path: path, reason: "\(error)")
        }
    }
}
