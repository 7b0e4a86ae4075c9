import PropCore
import Testing
@testable import Journal

/// The order journal's row hash did not change when its encoding moved to the shared `CanonicalEncoder`:
/// the legacy algorithm, written out here independently, gives the same bytes and the same hash.
@Suite struct CanonicalEncoderTests {
    private static func legacyBytes(_ r: StoredRow) -> [UInt8] {
        var out: [UInt8] = Array("PJ1".utf8)
        func int(_ v: Int64) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        func text(_ s: String?) {
            guard let s else { out.append(0); return }
            out.append(1)
            let bytes = Array(s.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        int(r.seq); text(r.kind); text(r.reason); text(r.venue); text(r.instrument); text(r.clientOrderId)
        text(r.venueOrderId); text(r.parentId); text(r.price); text(r.qty); int(r.wallMs); int(r.monoNs); int(r.epoch)
        if let t = r.tradeId { out.append(UInt8(ascii: "T")); text(t) }
        if let f = r.fee { out.append(UInt8(ascii: "F")); text(f) }
        return out
    }

    @Test func storedRowHashIsUnchanged() {
        let rows = [
            StoredRow(seq: 1, kind: "place", reason: nil, venue: "okx", instrument: "OKX:PERP:BTC-USDT", clientOrderId: "pb0001",
                      venueOrderId: nil, parentId: nil, price: "65000.1", qty: "1", wallMs: 1_700_000_000_000, monoNs: -5, epoch: 1),
            StoredRow(seq: 9, kind: "fill", reason: "ж", venue: "bybit", instrument: nil, clientOrderId: "",
                      venueOrderId: "v", parentId: "p", price: nil, qty: nil, wallMs: 0, monoNs: .max, epoch: 0,
                      tradeId: "t-1", fee: "0.01"),
        ]
        for row in rows {
            #expect(row.canonicalBytes == Self.legacyBytes(row))
            #expect(row.hash(prevHash: StoredRow.genesis) == HashChain.link(prevHash: StoredRow.genesis, payload: Self.legacyBytes(row)))
        }
    }

    @Test func knownSHA256Vector() {
        // SHA-256("abc") with an empty prefix: the textbook vector.
        #expect(HexCoding.hex(HashChain.link(prevHash: [], payload: Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexIsLowercaseAndComplete() {
        #expect(HexCoding.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
