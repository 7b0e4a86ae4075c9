/// An audit entry as committed: its sequence number and its place in the hash chain.
public struct AuditRecord: Sendable, Hashable {
    /// 1-based, gap-free position in the log.
    public let seq: Int64
    /// What was recorded.
    public let entry: AuditEntry
    /// SHA-256 of the previous record (32 zero bytes for the first).
    public let prevHash: [UInt8]
    /// SHA-256(prevHash || canonical bytes of this record).
    public let hash: [UInt8]

    /// The canonical bytes the hash covers: `PA1`, then every column in table order.
    static func canonicalBytes(seq: Int64, entry: AuditEntry) -> [UInt8] {
        var e = CanonicalEncoder(tag: "PA1")
        e.int(seq); e.int(entry.wallMs); e.text(entry.actor); e.text(entry.action); e.text(entry.target)
        e.text(entry.outcome.rawValue); e.text(entry.detailJSON)
        return e.bytes
    }

    /// The hash a record with these fields must carry.
    static func hash(seq: Int64, entry: AuditEntry, prevHash: [UInt8]) -> [UInt8] {
        HashChain.link(prevHash: prevHash, payload: canonicalBytes(seq: seq, entry: entry))
    }
}
