/// Maps canonical instrument ids to each venue's own symbol and back:
/// `BINANCE:PERP:BTC-USDT` ↔ `BTCUSDT`, `OKX:PERP:BTC-USDT` ↔ `BTC-USDT-SWAP`, `BYBIT:PERP:BTC-USDT` ↔ `BTCUSDT`.
public enum NativeSymbol {
    /// The venue's symbol for a canonical id.
    public static func symbol(for id: InstrumentId) -> String {
        switch (id.venue, id.type) {
        case (.okx, .perp): "\(id.base)-\(id.quote)-SWAP"
        case (.okx, .spot): "\(id.base)-\(id.quote)"
        case (.binance, _), (.bybit, _): "\(id.base)\(id.quote)"
        }
    }

    /// The canonical id for a venue's perpetual symbol. Binance and Bybit symbols carry no
    /// separator, so the quote is recognised from the known USDT/USDC suffixes.
    public static func perpetual(venue: Venue, symbol: String) -> InstrumentId? {
        switch venue {
        case .okx:
            let parts = symbol.split(separator: "-").map(String.init)
            guard parts.count == 3, parts[2] == "SWAP" else { return nil }
            return InstrumentId(venue: .okx, base: parts[0], quote: parts[1])
        case .binance, .bybit:
            for quote in ["USDT", "USDC"] where symbol.hasSuffix(quote) && symbol.count > quote.count {
                let base = String(symbol.dropLast(quote.count))
                guard InstrumentId.isAssetCode(base) else { return nil }
                return InstrumentId(venue: venue, base: base, quote: quote)
            }
            return nil
        }
    }
}
