public import PropCore

/// Identifies one order of an arbitrage inside the engine, before the journal gives it a client order id.
public struct LegKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The arbitrage (the journal's parent id).
    public var arbitrageId: String
    /// Order number inside the arbitrage, from 0.
    public var index: Int

    public init(arbitrageId: String, index: Int) { self.arbitrageId = arbitrageId; self.index = index }

    public static func < (a: LegKey, b: LegKey) -> Bool {
        a.arbitrageId != b.arbitrageId ? a.arbitrageId < b.arbitrageId : a.index < b.index
    }

    public var description: String { "\(arbitrageId)#\(index)" }
}

/// Why an order of an arbitrage exists.
public enum LegPurpose: String, Sendable, Hashable, Codable {
    /// One of the two legs that open the arbitrage.
    case entry
    /// A taker order on another venue that offsets a lone or partial leg.
    case hedge
    /// A reduce-only order that takes back the excess of a leg on its own venue.
    case unwind
    /// A reduce-only order that closes a hedged arbitrage.
    case exit

    /// The `why` text written into the journal intent.
    public var journalReason: String { "arb_\(rawValue)" }
}

/// One order the engine wants on the wire: already on the venue's tick and step grid and past the risk gate.
public struct LegOrder: Sendable, Hashable {
    public var key: LegKey
    public var purpose: LegPurpose
    public var instrument: InstrumentId
    public var side: OrderSide
    public var timeInForce: TimeInForce
    /// Limit price on the tick grid (IOC legs: the deepest level they may reach).
    public var price: Price
    /// Quantity in the venue's unit (contracts on OKX).
    public var qty: Qty
    /// Base coin per unit of `qty`.
    public var contractValue: Qty
    public var reduceOnly: Bool
    /// The price the engine expects to get on average (for realised-slippage reports).
    public var expectedPrice: Price

    public init(key: LegKey, purpose: LegPurpose, instrument: InstrumentId, side: OrderSide, timeInForce: TimeInForce,
                price: Price, qty: Qty, contractValue: Qty, reduceOnly: Bool, expectedPrice: Price) {
        self.key = key; self.purpose = purpose; self.instrument = instrument; self.side = side
        self.timeInForce = timeInForce; self.price = price; self.qty = qty; self.contractValue = contractValue
        self.reduceOnly = reduceOnly; self.expectedPrice = expectedPrice
    }

    /// The quantity in base coin.
    public var baseQty: Qty { Price(units: contractValue.units, scale: contractValue.scale).notional(qty, scale: 12) }

    /// The request the executor journals and sends (the client id comes from the journal).
    public func request(clientOrderId: String) -> OrderRequest {
        OrderRequest(clientOrderId: clientOrderId, instrument: instrument, side: side, type: .limit,
                     timeInForce: timeInForce, price: price, qty: qty, reduceOnly: reduceOnly)
    }
}

/// What the engine asks its adapter (the executor live, the simulated venue in a backtest) to do.
public enum EngineCommand: Sendable, Hashable {
    /// Send these orders now, concurrently (both legs of an arbitrage travel in one command).
    case place([LegOrder])
    /// Cancel one working order.
    case cancel(LegKey)
    /// Stop opening new risk; the reason in Russian.
    case hold(reason: String)
    /// Tell the operator; `code` is stable, the text Russian.
    case alert(code: String, messageRu: String)
}

/// One execution of a leg as the venue reported it.
public struct LegFill: Sendable, Hashable {
    public var price: Price
    /// Quantity in the venue's unit.
    public var qty: Qty
    /// Fee in USDT (negative = rebate).
    public var fee: Qty
    public var isMaker: Bool
    public var tradeId: String
    public var tsMs: Int64

    public init(price: Price, qty: Qty, fee: Qty, isMaker: Bool, tradeId: String, tsMs: Int64) {
        self.price = price; self.qty = qty; self.fee = fee; self.isMaker = isMaker; self.tradeId = tradeId; self.tsMs = tsMs
    }
}

/// How a leg ended. `denied` is ours (risk, HOLD, journal), `rejected` is the venue's definite no.
public enum LegOutcome: Sendable, Hashable {
    /// Done on the venue: filled, cancelled or expired; the fills already delivered are the whole story.
    case done
    case rejected(code: String)
    case denied(code: String)
}
