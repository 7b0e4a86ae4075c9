public import PropCore

/// How one simulated perpetual looks on one venue: symbol, price/quantity grid and contract size.
/// Book prices are integer mantissas at `priceScale`, sizes integer mantissas at `qtyScale`.
public struct SimInstrumentSpec: Sendable, Hashable {
    /// Canonical id, e.g. `OKX:PERP:BTC-USDT`.
    public var id: InstrumentId
    /// Decimals of a printed price.
    public var priceScale: Int
    /// Price increment as a mantissa at `priceScale` (BTC on Binance: 10 at scale 2 = 0.10).
    public var tickUnits: Int64
    /// Decimals of a printed quantity.
    public var qtyScale: Int
    /// Quantity increment as a mantissa at `qtyScale`.
    public var lotUnits: Int64
    /// Base coin per quantity unit (OKX contract value; 1 elsewhere).
    public var contractValue: Qty
    /// Smallest order notional in USDT (`nil` on OKX).
    public var minNotional: Price?
    /// Typical base-coin size of a level near the top of the book.
    public var typicalLevelBase: Double

    /// The venue's own symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var nativeSymbol: String { NativeSymbol.symbol(for: id) }
    /// Tick as a `Price`.
    public var tickSize: Price { Price(units: tickUnits, scale: priceScale) }
    /// Lot as a `Qty`.
    public var lotSize: Qty { Qty(units: lotUnits, scale: qtyScale) }

    /// The same facts as PropCore `InstrumentRules`.
    public var rules: InstrumentRules {
        InstrumentRules(id: id, nativeSymbol: nativeSymbol, tickSize: tickSize, stepSize: lotSize, minQty: lotSize,
                        minNotional: minNotional, contractValue: contractValue)
    }

    /// Prints a price mantissa with all `priceScale` decimals (Binance, Bybit style).
    public func price(_ units: Int64) -> String { Price(units: units, scale: priceScale).description }
    /// Prints a quantity mantissa with all `qtyScale` decimals (Binance, Bybit style).
    public func qty(_ units: Int64) -> String { Qty(units: units, scale: qtyScale).description }
    /// Prints a price mantissa without trailing zeros (OKX style; the checksum hashes these strings).
    public func trimmedPrice(_ units: Int64) -> String { Price(units: units, scale: priceScale).trimmedDescription }
    /// Prints a quantity mantissa without trailing zeros (OKX style).
    public func trimmedQty(_ units: Int64) -> String { Qty(units: units, scale: qtyScale).trimmedDescription }

    /// The nine simulated instruments: BTC, ETH, SOL USDT perpetuals on Binance, OKX and Bybit, with the
    /// venues' real grids (OKX sizes in contracts: ctVal 0.01 BTC, 0.1 ETH, 1 SOL).
    public static let all: [SimInstrumentSpec] = {
        func id(_ v: Venue, _ b: String) -> InstrumentId { InstrumentId(venue: v, base: b, quote: "USDT") }
        let five = Price(units: 5, scale: 0)
        let one = Qty(units: 1, scale: 0)
        return [
            .init(id: id(.binance, "BTC"), priceScale: 2, tickUnits: 10, qtyScale: 3, lotUnits: 1,
                  contractValue: one, minNotional: Price(units: 100, scale: 0), typicalLevelBase: 0.08),
            .init(id: id(.binance, "ETH"), priceScale: 2, tickUnits: 1, qtyScale: 3, lotUnits: 1,
                  contractValue: one, minNotional: Price(units: 20, scale: 0), typicalLevelBase: 1.2),
            .init(id: id(.binance, "SOL"), priceScale: 2, tickUnits: 1, qtyScale: 0, lotUnits: 1,
                  contractValue: one, minNotional: five, typicalLevelBase: 40),
            .init(id: id(.okx, "BTC"), priceScale: 1, tickUnits: 1, qtyScale: 2, lotUnits: 1,
                  contractValue: Qty(units: 1, scale: 2), minNotional: nil, typicalLevelBase: 0.08),
            .init(id: id(.okx, "ETH"), priceScale: 2, tickUnits: 1, qtyScale: 2, lotUnits: 1,
                  contractValue: Qty(units: 1, scale: 1), minNotional: nil, typicalLevelBase: 1.2),
            .init(id: id(.okx, "SOL"), priceScale: 2, tickUnits: 1, qtyScale: 2, lotUnits: 1,
                  contractValue: one, minNotional: nil, typicalLevelBase: 40),
            .init(id: id(.bybit, "BTC"), priceScale: 2, tickUnits: 10, qtyScale: 3, lotUnits: 1,
                  contractValue: one, minNotional: five, typicalLevelBase: 0.08),
            .init(id: id(.bybit, "ETH"), priceScale: 2, tickUnits: 1, qtyScale: 2, lotUnits: 1,
                  contractValue: one, minNotional: five, typicalLevelBase: 1.2),
            .init(id: id(.bybit, "SOL"), priceScale: 3, tickUnits: 10, qtyScale: 1, lotUnits: 1,
                  contractValue: one, minNotional: five, typicalLevelBase: 40),
        ]
    }()

    /// Starting mid price of each simulated asset, in USDT.
    public static let startMid: [String: Double] = ["BTC": 65_000, "ETH": 3_400, "SOL": 150]
}
