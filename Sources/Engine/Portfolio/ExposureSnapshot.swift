/// The exposure page's data (`GET /api/ui/exposure`): net per base asset over all venues, gross per venue, and the
/// global totals. Amounts are exact decimal strings; notionals are at mark (at cost where unmarked).
public struct ExposureSnapshot: Sendable, Hashable, Codable {
    public var assets: [AssetRow]
    public var venues: [VenueRow]
    public var globalGross: String
    public var globalNet: String

    /// Snapshot from its parts.
    public init(assets: [AssetRow], venues: [VenueRow], globalGross: String, globalNet: String) {
        self.assets = assets; self.venues = venues; self.globalGross = globalGross; self.globalNet = globalNet
    }

    enum CodingKeys: String, CodingKey {
        case assets, venues
        case globalGross = "global_gross", globalNet = "global_net"
    }

    /// Net exposure of one base asset summed over venues (≈ 0 for a hedged arbitrage).
    public struct AssetRow: Sendable, Hashable, Codable {
        public var asset: String
        /// Signed base quantity.
        public var netBase: String
        /// Signed USDT value.
        public var netNotional: String

        /// Row from its parts.
        public init(asset: String, netBase: String, netNotional: String) {
            self.asset = asset; self.netBase = netBase; self.netNotional = netNotional
        }

        enum CodingKeys: String, CodingKey {
            case asset
            case netBase = "net_base", netNotional = "net_notional"
        }
    }

    /// Gross exposure on one venue.
    public struct VenueRow: Sendable, Hashable, Codable {
        public var venue: String
        /// Σ |position value|, USDT.
        public var grossNotional: String
        /// Σ signed position value, USDT.
        public var netNotional: String

        /// Row from its parts.
        public init(venue: String, grossNotional: String, netNotional: String) {
            self.venue = venue; self.grossNotional = grossNotional; self.netNotional = netNotional
        }

        enum CodingKeys: String, CodingKey {
            case venue
            case grossNotional = "gross_notional", netNotional = "net_notional"
        }
    }
}
