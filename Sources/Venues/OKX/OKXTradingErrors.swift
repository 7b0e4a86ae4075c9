public import PropCore

/// OKX v5 error codes (top-level `code` or per-order `sCode`) → `VenueOrderError`, see venues/okx-v5.md §3, §6.
/// Codes that say "the request was not processed" map to definite rejects; server-side trouble
/// (`50001`, `50004`, `50013`, `50026`) and anything unknown stay unresolved.
public enum OKXTradingErrors {
    /// Maps one code. `clientOrderId` names the order for order-level errors (empty when not known).
    public static func map(code: String, message: String, clientOrderId: String = "", retryAfterMs: Int64? = nil) -> VenueOrderError {
        let v = Venue.okx
        switch code {
        case "51016": return .duplicateClientOrderId(venue: v, clientOrderId: clientOrderId)
        case "51400", "51401", "51402", "51503", "51509", "51510", "51603":
            // Order unknown, or already final (cancelled/filled) so it cannot be cancelled or amended.
            return .unknownOrder(venue: v, clientOrderId: clientOrderId)
        case "51019":
            // The simulator's (and some clients') post-only code; the real venue cancels with cancelSource 31 instead.
            return .postOnlyWouldTake(venue: v, clientOrderId: clientOrderId)
        case "51169", "51170", "51205":
            return .reduceOnlyRejected(venue: v, clientOrderId: clientOrderId)
        case "51008", "51127", "51131":
            return .insufficientMargin(venue: v, clientOrderId: clientOrderId)
        case "50102":
            return .timestampOutsideWindow(venue: v, code: code)
        case "50103", "50104", "50105", "50106", "50107", "50111", "50112", "50113", "50100", "50101", "50110", "50114":
            return .authenticationFailed(venue: v, code: code, message: message)
        case "50011", "50061":
            return .rateLimited(venue: v, code: code, retryAfterMs: retryAfterMs)
        case "50000", "50002", "50006", "50014", "50015", "50016", "50024", "50025",
             "51000", "51001", "51004", "51006", "51010", "51011", "51020", "51021", "51022", "51023",
             "51026", "51027", "51028", "51029", "51030", "51121", "51137", "51138", "51139", "51201", "51202":
            return .invalidOrder(venue: v, code: code, message: message)
        default:
            return .unknownVenueCode(venue: v, code: code, message: message)
        }
    }
}
