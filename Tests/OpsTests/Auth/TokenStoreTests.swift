import Foundation
import Testing
@testable import Ops

@Suite struct TokenStoreTests {
    static func store() -> TokenStore { TokenStore(path: opsTempDirectory() + "/secrets/tokens.yaml") }

    @Test func addCreatesAPrivateFileWithHashesOnly() throws {
        let store = Self.store()
        let issued = try store.add(name: "ivan", role: .operator, atMs: 1_750_000_000_000)
        let token = issued.reveal()
        #expect(token.hasPrefix("pbt_") && token.count == 4 + 43)
        #expect(FilePermissions.of(store.path) == 0o600)
        let directory = URL(fileURLWithPath: store.path).deletingLastPathComponent().path
        #expect(FilePermissions.of(directory) == 0o700)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(!text.contains(token) && !text.contains(String(token.dropFirst(4))))
        #expect(text.contains("sha256:") && text.contains("salt:") && text.contains("role: operator") && text.contains("created_at:"))
        let records = try store.load()
        #expect(records.count == 1 && records[0].name == "ivan" && records[0].sha256.count == 64 && records[0].salt.count == 32)
        #expect(TokenHasher.hash(token: token, saltHex: records[0].salt) == records[0].sha256)
    }

    @Test func rewriteKeepsModeAndOrder() throws {
        let store = Self.store()
        _ = try store.add(name: "ivan", role: .operator, atMs: 1)
        // Someone loosened the mode: reads refuse it, and the fix is to chmod.
        try FilePermissions.set(store.path, 0o644)
        #expect(throws: AuthError.fileInsecure(path: store.path, permissions: 0o644)) { try store.load() }
        try FilePermissions.set(store.path, 0o600)
        _ = try store.add(name: "olga", role: .admin, atMs: 2)
        _ = try store.add(name: "view", role: .viewer, atMs: 3)
        #expect(FilePermissions.of(store.path) == 0o600)
        try store.revoke(name: "olga")
        #expect(FilePermissions.of(store.path) == 0o600)
        #expect(try store.load().map(\.name) == ["ivan", "view"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path)
        #expect(leftovers == ["tokens.yaml"], "no temporary files left")
    }

    @Test func namesAreCheckedAndUnique() throws {
        let store = Self.store()
        _ = try store.add(name: "ivan", role: .operator, atMs: 1)
        #expect(throws: AuthError.nameTaken("ivan")) { try store.add(name: "ivan", role: .admin, atMs: 2) }
        #expect(throws: AuthError.nameUnknown("petr")) { try store.revoke(name: "petr") }
        for bad in ["", "system", "anonymous", "с кириллицей", "a b", String(repeating: "x", count: 33)] {
            #expect(throws: AuthError.nameInvalid(bad)) { try store.add(name: bad, role: .viewer, atMs: 1) }
        }
    }

    @Test func tokensAreDistinctAndSaltsDiffer() throws {
        let store = Self.store()
        let a = try store.add(name: "a", role: .viewer, atMs: 1)
        let b = try store.add(name: "b", role: .viewer, atMs: 1)
        #expect(a.reveal() != b.reveal() && a.record.salt != b.record.salt && a.record.sha256 != b.record.sha256)
    }

    @Test func missingFileIsEmptyAndGarbageIsReported() throws {
        let store = Self.store()
        #expect(try store.load().isEmpty)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: store.path, contents: Data("tokens: 5\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: AuthError.self) { try store.load() }
    }

    @Test func issuedTokenDescriptionIsRedacted() throws {
        let issued = try Self.store().add(name: "ivan", role: .admin, atMs: 1)
        for text in ["\(issued)", String(describing: issued), String(reflecting: issued)] {
            #expect(!text.contains(issued.reveal()))
        }
    }

    @Test func constantTimeEqualityIsCorrect() {
        #expect(TokenHasher.constantTimeEqual("abc", "abc"))
        #expect(!TokenHasher.constantTimeEqual("abc", "abd"))
        #expect(!TokenHasher.constantTimeEqual("abc", "abcd"))
        #expect(!TokenHasher.constantTimeEqual("", "a"))
    }
}
