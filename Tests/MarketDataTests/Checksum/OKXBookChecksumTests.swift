import MarketData
import PropCore
import Testing

/// Number formatting and CRC of the streaming checksum against the slow string path.
@Suite struct OKXBookChecksumTests {
    @Test func numbersArePrintedMinimallyLikeOKX() {
        var book = OrderBook(priceScale: 3, qtyScale: 8)
        book.replace(bids: [lv(5140, 100_000_000), lv(5, 1)], asks: [lv(5158, 12_345_000_000), lv(10_000, 50_000_000)])
        // 5.140 → "5.14", 1.00000000 → "1", 0.005 → "0.005", 0.00000001 → "0.00000001", 10.000 → "10".
        #expect(OKXBookChecksum.text(book) == "5.14:1:5.158:123.45:0.005:0.00000001:10:0.5")
        #expect(book.okxChecksum() == CRC32.signedChecksum(Array(OKXBookChecksum.text(book).utf8)))
    }

    @Test func shorterSideContinuesWithTheOtherSideOnly() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        book.replace(bids: [lv(10, 1)], asks: [lv(11, 1), lv(12, 2), lv(13, 3)])
        #expect(OKXBookChecksum.text(book) == "10:1:11:1:12:2:13:3")
        #expect(book.okxChecksum() == CRC32.signedChecksum(Array("10:1:11:1:12:2:13:3".utf8)))
    }

    @Test func onlyTheTopDepthLevelsCount() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        book.replace(bids: (1...40).map { lv(Int64(100 - $0), 1) }, asks: (1...30).map { lv(Int64(100 + $0), 1) })
        let top = book.okxChecksum(depth: 25)
        book.update(bids: [lv(100 - 30, 9)], asks: [lv(100 + 27, 9)]) // below the top 25
        #expect(book.okxChecksum(depth: 25) == top)
        book.update(bids: [lv(100 - 25, 9)], asks: []) // the 25th bid
        #expect(book.okxChecksum(depth: 25) != top)
    }

    @Test func emptyBookHashesTheEmptyString() {
        let book = OrderBook(priceScale: 1, qtyScale: 1)
        #expect(book.okxChecksum() == CRC32.signedChecksum([UInt8]()))
    }
}
