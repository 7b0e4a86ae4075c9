import Engine
import Hummingbird
import PropCore

/// `GET /api/opportunities`: the latest evaluation of every route and why it is not traded.
struct OpportunitiesResponse: ResponseEncodable {
    var hold: String?
    var activeArbitrages: Int
    var evaluations: UInt64
    var opportunities: [OpportunityRow]

    enum CodingKeys: String, CodingKey {
        case hold, activeArbitrages = "active_arbitrages", evaluations, opportunities
    }
}

/// One route: instrument, venues, size, edges in bps and USDT, book ages and the Russian reason.
struct OpportunityRow: Encodable {
    var instrument: String
    var buyVenue: String
    var sellVenue: String
    var style: String
    var size: String
    var grossEdgeBps: Double
    var netEdgeBps: Double
    var expectedSlippageBps: Double
    var feesBps: Double
    var fundingBps: Double
    var slippageBufferBps: Double
    var netEdgeUsdt: String
    var buyBookAgeMs: UInt64?
    var sellBookAgeMs: UInt64?
    var tradeable: Bool
    var reasonCode: String?
    var reasonRu: String?
    var bookWalked: Bool
    var evaluatedAt: String

    init(_ e: OpportunityBoard.Entry) {
        let o = e.opportunity
        func r(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        instrument = o.pair; buyVenue = o.buyVenue.rawValue; sellVenue = o.sellVenue.rawValue; style = o.style.rawValue
        size = o.sizeBase.trimmedDescription; grossEdgeBps = r(o.grossEdgeBps); netEdgeBps = r(o.netEdgeBps)
        expectedSlippageBps = r(o.expectedSlippageBps); feesBps = r(o.feesBps); fundingBps = r(o.fundingBps)
        slippageBufferBps = r(o.slippageBufferBps); netEdgeUsdt = o.netEdge.trimmedDescription
        buyBookAgeMs = e.buyBookAgeMs; sellBookAgeMs = e.sellBookAgeMs
        tradeable = e.reasonCode == "traded"
        reasonCode = tradeable ? nil : e.reasonCode; reasonRu = tradeable ? nil : e.reasonRu
        bookWalked = e.walked; evaluatedAt = ISO8601Millis.string(fromMillis: e.wallMs)
    }

    enum CodingKeys: String, CodingKey {
        case instrument, buyVenue = "buy_venue", sellVenue = "sell_venue", style, size
        case grossEdgeBps = "gross_edge_bps", netEdgeBps = "net_edge_bps", expectedSlippageBps = "expected_slippage_bps"
        case feesBps = "fees_bps", fundingBps = "funding_bps", slippageBufferBps = "slippage_buffer_bps"
        case netEdgeUsdt = "net_edge_usdt", buyBookAgeMs = "buy_book_age_ms", sellBookAgeMs = "sell_book_age_ms"
        case tradeable, reasonCode = "reason_code", reasonRu = "reason_ru", bookWalked = "book_walked"
        case evaluatedAt = "evaluated_at"
    }
}

/// `GET /api/ui/exposure`: net per asset, gross per venue, and unhedged exposure per pair.
struct ExposureResponse: ResponseEncodable {
    var exposure: ExposureSnapshot
    var unhedged: [UnhedgedRow]

    struct UnhedgedRow: Encodable {
        var instrument: String
        var usd: Double
        var seconds: Double
        var maxUsd: Double
        var maxSeconds: Double
        var breached: Bool
        enum CodingKeys: String, CodingKey {
            case instrument, usd, seconds, maxUsd = "max_usd", maxSeconds = "max_seconds", breached
        }
    }
}

/// `GET /api/ui/pnl`.
struct PnLResponse: ResponseEncodable {
    var pnl: PortfolioSnapshot
    var maxDrawdownUsdt: String
    enum CodingKeys: String, CodingKey { case pnl, maxDrawdownUsdt = "max_drawdown_usdt" }
}
