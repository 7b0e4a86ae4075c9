public import PropCore

/// Base URLs of one simulated venue: `http://127.0.0.1:P` and `ws://127.0.0.1:P`.
public struct SimVenueEndpoints: Sendable, Codable, Hashable {
    /// REST base URL.
    public var rest: String
    /// WebSocket base URL (append the venue's path, e.g. `/ws/v5/public`).
    public var ws: String

    /// Endpoints of a server bound at `host:port`.
    public init(host: String, port: Int) {
        rest = "http://\(host):\(port)"
        ws = "ws://\(host):\(port)"
    }

    /// Endpoints from explicit URLs.
    public init(rest: String, ws: String) { self.rest = rest; self.ws = ws }
}

/// The three venues' endpoints; encodes to `{"binance":{"rest":…,"ws":…},"okx":{…},"bybit":{…}}`,
/// the first stdout line of `propbot sim`.
public struct SimEndpoints: Sendable, Codable, Hashable {
    /// Binance USD-M front-end.
    public var binance: SimVenueEndpoints
    /// OKX v5 front-end.
    public var okx: SimVenueEndpoints
    /// Bybit v5 front-end.
    public var bybit: SimVenueEndpoints

    /// Bundles the three venues' endpoints.
    public init(binance: SimVenueEndpoints, okx: SimVenueEndpoints, bybit: SimVenueEndpoints) {
        self.binance = binance; self.okx = okx; self.bybit = bybit
    }

    /// Compact JSON with the keys in venue order (`binance`, `okx`, `bybit`), which `JSONEncoder` does not
    /// guarantee: the exact first stdout line `propbot sim` prints.
    public var jsonLine: String {
        func v(_ e: SimVenueEndpoints) -> String { #"{"rest":"\#(e.rest)","ws":"\#(e.ws)"}"# }
        return #"{"binance":\#(v(binance)),"okx":\#(v(okx)),"bybit":\#(v(bybit))}"#
    }

    /// `jsonLine` plus the simulated account under `"credentials"` (`api_key`, `api_secret`, `passphrase`,
    /// `balance_usdt`): the first stdout line of `propbot sim`. These are simulator test keys; printing them is intended.
    /// Decodes back as `SimEndpoints` (the extra key is ignored).
    public func jsonLine(credentials c: SimCredentials) -> String {
        let creds = #"{"api_key":\#(SimHTTP.quote(c.apiKey)),"api_secret":\#(SimHTTP.quote(c.apiSecret)),"#
            + #""passphrase":\#(SimHTTP.quote(c.passphrase)),"balance_usdt":\#(SimHTTP.quote(c.balanceUSDT))}"#
        return String(jsonLine.dropLast()) + #","credentials":\#(creds)}"#
    }

    /// The endpoints of one venue.
    public func endpoints(for venue: Venue) -> SimVenueEndpoints {
        switch venue {
        case .binance: binance
        case .okx: okx
        case .bybit: bybit
        }
    }
}
