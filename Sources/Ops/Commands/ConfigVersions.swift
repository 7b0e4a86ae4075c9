import Foundation
public import PropCore

/// One version of the running configuration: what was in force, since when, by whose command, and the token
/// that undoes it.
public struct ConfigVersion: Sendable, Hashable, Encodable {
    /// 1 at startup, +1 on every apply or rollback.
    public var version: Int
    /// SHA-256 of the effective profile (sorted-keys JSON, secrets redacted): equal digests ⇒ equal parameters.
    public var sha256: String
    /// `startup`, `apply` or `rollback`.
    public var source: String
    /// Who put it in force (`startup` for the profile the process started with).
    public var by: String
    /// When, ISO-8601.
    public var at: String
    /// Pass it to `POST /api/ui/config/rollback` to return to the version before this one; nil when there is
    /// nothing to go back to.
    public var rollbackToken: String?

    enum CodingKeys: String, CodingKey {
        case version, sha256, source, by, at
        case rollbackToken = "rollback_token"
    }

    /// The digest of a profile as `sha256` records it.
    public static func digest(of profile: ProfileConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ConfigDigest.sha256Hex(String(decoding: (try? encoder.encode(profile)) ?? Data(), as: UTF8.self))
    }
}

/// The running configuration's version history. Applies push the profile they replace, so a rollback
/// restores it exactly (the same parameters, the same digest); a rollback token names the apply it undoes,
/// so a stale token (someone applied again since) is refused rather than undoing the wrong change.
struct ConfigVersions: Sendable {
    /// Versions in force so far, oldest first (bounded).
    private(set) var history: [ConfigVersion]
    /// Profiles to go back to, newest last, each with the token of the version that replaced it.
    private var undo: [(token: String, profile: ProfileConfig)] = []
    private(set) var current: ProfileConfig
    static let limit = 50

    init(startup: ProfileConfig, atMs: Int64) {
        current = startup
        history = [ConfigVersion(version: 1, sha256: ConfigVersion.digest(of: startup), source: "startup", by: "startup",
                                 at: ISO8601Millis.string(fromMillis: atMs), rollbackToken: nil)]
    }

    var latest: ConfigVersion { history[history.count - 1] }

    /// The token a rollback must name now (nil: nothing to roll back).
    var rollbackToken: String? { undo.last?.token }

    /// `profile` is now in force; returns its version.
    mutating func applied(_ profile: ProfileConfig, by: String, atMs: Int64) -> ConfigVersion {
        let token = "rb_" + HexCoding.hex(TokenHasher.randomBytes(8))
        undo.append((token, current))
        if undo.count > Self.limit { undo.removeFirst() }
        return record(profile, source: "apply", by: by, atMs: atMs)
    }

    /// The profile a rollback would restore, checking `token` when given.
    func rollbackTarget(token: String?) -> Result<ProfileConfig, CommandRefusal> {
        guard let last = undo.last else {
            return .failure(.effectPrecondition(action: "config_rollback", reasonRu: "откатывать нечего: с запуска конфигурация не применялась",
                                                hintRu: "сначала примените новую конфигурацию (POST /api/ui/config/apply)"))
        }
        if let token, token != last.token {
            return .failure(.invalidValue(field: "rollback_token", problemRu: "«\(token)» не отменяет последнее применение (токен устарел или неизвестен)",
                                          hintRu: "действующий токен отката — в GET /api/ui/config (current.rollback_token)"))
        }
        return .success(last.profile)
    }

    /// The rollback went through: the previous profile is in force again.
    mutating func rolledBack(by: String, atMs: Int64) -> ConfigVersion {
        let restored = undo.removeLast().profile
        return record(restored, source: "rollback", by: by, atMs: atMs)
    }

    private mutating func record(_ profile: ProfileConfig, source: String, by: String, atMs: Int64) -> ConfigVersion {
        current = profile
        history.append(ConfigVersion(version: latest.version + 1, sha256: ConfigVersion.digest(of: profile), source: source,
                                     by: by, at: ISO8601Millis.string(fromMillis: atMs), rollbackToken: undo.last?.token))
        if history.count > Self.limit { history.removeFirst() }
        return latest
    }
}

/// The running configuration as `GET /api/ui/config` shows it.
public struct ConfigState: Sendable, Encodable {
    /// The version in force.
    public var current: ConfigVersion
    /// Every version since start, newest first (bounded).
    public var history: [ConfigVersion]
    /// The effective profile; secrets print as `***`.
    public var profile: ProfileConfig
}
