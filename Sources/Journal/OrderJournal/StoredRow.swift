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
    static let genesis = HashChain.genesis

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

    /// Canonical encoding (`CanonicalEncoder`): the `PJ1` tag, then every column in table order. The v2 columns
    /// follow only when present, each behind its own tag byte, so every v1 row still hashes exactly as it did
    /// under v1.
    var canonicalBytes: [UInt8] {
        var e = CanonicalEncoder(tag: "PJ1")
        e.int(seq); e.text(kind); e.text(reason); e.text(venue); e.text(instrument); e.text(clientOrderId)
        e.text(venueOrderId); e.text(parentId); e.text(price); e.text(qty); e.int(wallMs); e.int(monoNs); e.int(epoch)
        if let tradeId { e.tag(UInt8(ascii: "T")); e.text(tradeId) }
        if let fee { e.tag(UInt8(ascii: "F")); e.text(fee) }
        return e.bytes
    }

    /// SHA-256(prevHash || canonicalBytes).
    func hash(prevHash: [UInt8]) -> [UInt8] {
        HashChain.link(prevHash: prevHash, payload: canonicalBytes)
    }
}
