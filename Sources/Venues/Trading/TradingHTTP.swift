public import AsyncHTTPClient
public import Logging
import NIOCore
public import NIOHTTP1
public import PropCore

/// What a request costs against the venue's limits and how urgent it is (the governor serves
/// cancels before amends before places before queries).
public struct RequestCost: Sendable, Hashable {
    public enum Priority: Int, Sendable, Hashable, Comparable, CaseIterable {
        case cancel = 0, amend = 1, place = 2, query = 3
        public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
    }
    public var priority: Priority
    /// Request weight (Binance weight; 1 elsewhere).
    public var weight: Int
    /// Orders this request creates (Binance/OKX/Bybit order-rate limits); 0 for non-order calls.
    public var orders: Int
    /// Endpoint bucket for per-endpoint venue limits (OKX and Bybit limit per endpoint), e.g. `"order"`.
    public var endpoint: String

    public init(priority: Priority, weight: Int = 1, orders: Int = 0, endpoint: String) {
        self.priority = priority; self.weight = weight; self.orders = orders; self.endpoint = endpoint
    }
}

/// One HTTP answer from a venue's private API, body unread by the transport.
public struct TradingHTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: [UInt8]
}

/// Sends signed private requests to one venue: exactly one attempt per call (retries are the order
/// manager's decision, with the same client order id), a per-request deadline, and every failure in which
/// the request may have reached the venue reported as `.unresolved`. Before anything is written the
/// `OutgoingRequestGuard` refuses withdraw/transfer/address requests and the `RateGovernor` (if any) waits
/// for budget; every answer is shown to the governor (usage headers, rate-limit codes).
public struct TradingHTTP: Sendable {
    public let venue: Venue
    public let baseURL: String
    /// The venue's request budget; nil sends without one (tests, one-off tools).
    public let governor: RateGovernor?
    private let http: HTTPClient
    private let timeoutMs: Int64
    private let logger: Logger
    private let requestGuard: OutgoingRequestGuard

    /// A transport for `venue` at `baseURL`; `onForbidden` is called (to alert and HOLD) when the guard refuses a request.
    public init(venue: Venue, baseURL: String, http: HTTPClient, timeoutMs: Int64, logger: Logger,
                governor: RateGovernor? = nil, onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.venue = venue; self.baseURL = base; self.http = http; self.timeoutMs = timeoutMs; self.logger = logger
        self.governor = governor
        self.requestGuard = OutgoingRequestGuard(onForbidden: onForbidden)
    }

    /// Sends `method pathAndQuery` with `body` and `headers`. Returns any HTTP status; the caller maps venue codes.
    /// Throws `.forbiddenRequest` / `.throttled` (outcome `.denied`: nothing was sent) before touching the network.
    public func send(method: HTTPMethod, pathAndQuery: String, body: [UInt8]? = nil,
                     headers: [(String, String)] = [], cost: RequestCost) async throws(VenueOrderError) -> TradingHTTPResponse {
        try requestGuard.check(venue: venue, pathAndQuery: pathAndQuery, body: body)
        if let governor { try await governor.acquire(cost) }
        var request = HTTPClientRequest(url: baseURL + pathAndQuery)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let path = String(pathAndQuery.prefix { $0 != "?" })
        do {
            let response = try await http.execute(request, timeout: .milliseconds(max(1, timeoutMs)), logger: logger)
            var buffer = try await response.body.collect(upTo: 8 << 20)
            var fields: [String: String] = [:]
            for h in response.headers { fields[h.name.lowercased()] = h.value }
            let answer = TradingHTTPResponse(status: Int(response.status.code), headers: fields,
                                             body: buffer.readBytes(length: buffer.readableBytes) ?? [])
            if let governor {
                await governor.observe(status: answer.status, headers: fields, cost: cost,
                                       venueCode: RateGovernor.rateLimitCode(inBody: answer.body))
            }
            return answer
        } catch let error as HTTPClientError {
            switch error {
            case .connectTimeout:
                // The connection never opened: the venue cannot have seen the request, but we stay conservative.
                throw .unresolved(venue: venue, path: path, detail: "нет соединения за \(timeoutMs) мс")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                throw .unresolved(venue: venue, path: path, detail: "нет ответа за \(timeoutMs) мс")
            default:
                throw .unresolved(venue: venue, path: path, detail: String(describing: error))
            }
        } catch {
            throw .unresolved(venue: venue, path: path, detail: String(describing: error))
        }
    }
}
