import Foundation

/// Where `CommandService` gets its authenticator: a fixed one (tests) or the tokens file, re-read whenever
/// its modification time or size changes, so `propbot auth add/revoke` takes effect on the next request
/// without a restart. A file that can no longer be read (or became readable by others) authenticates
/// nobody until fixed — fail closed.
public struct TokenWatch: Sendable {
    /// How tokens are found.
    public enum Source: Sendable {
        case fixed(Authenticator)
        case file(TokenStore, anonymousLocalReads: Bool)
    }

    let source: Source
    private var stamp: String?
    private(set) var authenticator: Authenticator
    /// The last reload error, if the file is currently unusable.
    private(set) var reloadError: AuthError?

    /// A watch over `source` (a file is read at the first `refresh`).
    public init(_ source: Source) {
        self.source = source
        switch source {
        case .fixed(let a): authenticator = a
        case .file(_, let anonymous): authenticator = Authenticator(records: [], anonymousLocalReads: anonymous)
        }
    }

    /// Re-reads the file when it changed; returns the new error the first time a reload fails.
    mutating func refresh() -> AuthError? {
        guard case .file(let store, let anonymous) = source else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: store.path)
        // Every save renames a new file into place, so the inode changes even within one mtime tick.
        let now = attributes.map {
            "\(($0[.systemFileNumber] as? NSNumber)?.intValue ?? -1)/\(($0[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\(($0[.size] as? NSNumber)?.intValue ?? -1)"
        } ?? "absent"
        guard now != stamp else { return nil }
        stamp = now
        do {
            authenticator = Authenticator(records: try store.load(), anonymousLocalReads: anonymous)
            reloadError = nil
            return nil
        } catch {
            authenticator = Authenticator(records: [], anonymousLocalReads: anonymous)
            reloadError = error
            return error
        }
    }
}
