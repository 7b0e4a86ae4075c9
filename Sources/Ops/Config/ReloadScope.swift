/// What a run-time config apply may change. The strategy, risk and the traded universe (within the instruments
/// loaded at start) switch between engine events; everything else — connections, storage, the API listener,
/// the control plane's own files — is fixed for the process's life, so a new profile that changes it is refused
/// whole (never half-applied) with the exact section named.
public enum ReloadScope {
    /// Sections that only a restart can change, with their YAML keys.
    static func restartOnly(_ p: ProfileConfig) -> [(key: String, differs: (ProfileConfig) -> Bool)] {
        [("profile", { $0.profile != p.profile }), ("server", { $0.server != p.server }), ("sim", { $0.sim != p.sim }),
         ("storage", { $0.storage != p.storage }), ("market_data", { $0.marketData != p.marketData }),
         ("execution", { $0.execution != p.execution }), ("venues", { $0.venues != p.venues }),
         ("logging", { $0.logging != p.logging }), ("secrets_file", { $0.secretsFile != p.secretsFile }),
         ("ops", { $0.ops != p.ops }), ("status", { $0.status != p.status })]
    }

    /// Why `new` cannot replace `running` without a restart; empty = it can.
    public static func issues(running: ProfileConfig, new: ProfileConfig) -> [ConfigIssue] {
        var issues = restartOnly(running).filter { $0.differs(new) }.map { section in
            ConfigIssue(path: section.key, line: nil, code: "config_needs_restart",
                        problemRu: "раздел «\(section.key)» отличается от работающего, а он меняется только перезапуском",
                        hintRu: "верните раздел как в работающем профиле (GET /api/ui/config) или перезапустите процесс с новым профилем")
        }
        let loaded = Set(running.instruments)
        for (i, id) in new.instruments.enumerated() where !loaded.contains(id) {
            issues.append(ConfigIssue(path: "instruments[\(i)]", line: nil, code: "config_needs_restart",
                                      problemRu: "\(id) не загружен при запуске: новый инструмент подключается только перезапуском",
                                      hintRu: "уберите его из списка или перезапустите процесс"))
        }
        return issues
    }
}
