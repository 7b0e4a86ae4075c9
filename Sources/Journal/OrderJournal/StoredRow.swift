import Crypto

/// A journal row exactly as its columns are stored (text and integers), so hashing at append time and at
/// verify time see the same bytes regardless of how `Price`/`Qty` would re-print after parsing.
struct StoredRow: Equatable {
    var seq: Int64
    var kind: String
    var reason: String?
    var venue: String
    var instrument: String?
    var clientOrderId: String
    var venueOrderId: String?
    var parentId: String?
    var price: String?
    var qty: String?
    var wallMs: Int64
    var monoNs: Int64
    var epoch: Int64
    /// Venue execution id of a fill (schema v2); nil for every other row and for all v1 rows.
    var tradeId: String? = nil
    /// Fee of a fill (schema v2); nil when the event carries none.
    var fee: String? = nil

    /// Hash-chain genesis: the `prev_hash` of the first row.
    static let genesis = [UInt8](repeating: 0, count: 32)

    init(seq: Int64, entry: JournalEntry) {
        self.seq = seq
        kind = entry.kind.rawValue
        reason = entry.reason
        venue = entry.venue.rawValue
        instrument = entry.instrument?.description
        clientOrderId = entry.clientOrderId
        venueOrderId = entry.venueOrderId
        parentId = entry.parentId
        price = entry.price?.description
        qty = entry.qty?.description
        wallMs = entry.wallMs
        monoNs = Int64(bitPattern: entry.monoNs)
        epoch = Int64(entry.epoch)
        tradeId = entry.tradeId
        fee = entry.fee?.description
    }

    init(seq: Int64, kind: String, reason: String?, venue: String, instrument: String?, clientOrderId: String,
         venueOrderId: String?, parentId: String?, price: String?, qty: String?,
         wallMs: Int64, monoNs: Int64, epoch: Int64, tradeId: String? = nil, fee: String? = nil) {
        self.seq = seq
        self.kind = kind
        self.reason = reason
        self.venue = venue
        self.instrument = instrument
        self.clientOrderId = clientOrderId
        self.venueOrderId = venueOrderId
        self.parentId = parentId
        self.price = price
        self.qty = qty
        self.wallMs = wallMs
        self.monoNs = monoNs
        self.epoch = epoch
        self.tradeId = tradeId
        self.fee = fee
    }

    /// Canonical encoding: a format tag, then every column in table order; text as presence byte +
    /// big-endian UInt32 length + UTF-8, integers as big-endian 8 bytes. Length prefixes make it
    /// unambiguous (no two different rows encode to the same bytes). The v2 columns follow only when
    /// present, each behind its own tag byte, so every v1 row still hashes exactly as it did under v1.
    var canonicalBytes: [UInt8] {
        var out: [UInt8] = Array("PJ1".utf8)
        func int(_ v: Int64) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        func text(_ s: String?) {
            guard let s else { out.append(0); return }
            out.append(1)
            let bytes = Array(s.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        int(seq); text(kind); text(reason); text(venue); text(instrument); text(clientOrderId)
        text(venueOrderId); text(parentId); text(price); text(qty); int(wallMs); int(monoNs); int(epoch)
        if let tradeId { out.append(UInt8(ascii: "T")); text(tradeId) }
        if let fee { out.append(UInt8(ascii: "F")); text(fee) }
        return out
    }

    /// SHA-256(prevHash || canonicalBytes).
    func hash(prevHash: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: prevHash)
        hasher.update(data: canonicalBytes)
        return Array(hasher.finalize())
    }
}
