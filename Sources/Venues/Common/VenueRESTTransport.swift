public import AsyncHTTPClient
public import Logging
import NIOCore
import NIOHTTP1
public import PropCore

/// Public (unsigned) GET requests to one venue with a per-request timeout and retries.
///
/// 5xx, 429/418, timeouts and connection failures are retried with jittered exponential backoff
/// (honouring `Retry-After` when the venue sends it); other 4xx are returned at once. Bodies are
/// handed back as bytes — decoding, and any failure of it, belongs to the caller.
public struct VenueRESTTransport: Sendable {
    /// Venue, for error text.
    public let venue: Venue
    /// Base URL without trailing slash, e.g. `https://fapi.binance.com` or `http://127.0.0.1:PORT`.
    public let baseURL: String
    private let http: HTTPClient
    private let settings: FeedSettings
    private let logger: Logger
    private let recorder: FrameRecorder?
    /// Largest body accepted (a 1000-level snapshot is well under this).
    private let maxBodyBytes = 16 << 20

    /// A transport over `http` (owned by the caller, shared across venues). With a `recorder`, every 2xx body
    /// is recorded with its path — public endpoints only: never give it to a signed (private) client.
    public init(venue: Venue, baseURL: String, http: HTTPClient, settings: FeedSettings, logger: Logger,
                recorder: FrameRecorder? = nil) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.venue = venue; self.baseURL = base; self.http = http; self.settings = settings; self.logger = logger
        self.recorder = recorder
    }

    /// GETs `pathAndQuery` (starting with `/`), retrying transient failures; returns the body on HTTP 2xx.
    public func get(_ pathAndQuery: String) async throws(VenueError) -> [UInt8] {
        var backoff = settings.makeBackoff(salt: UInt64(truncatingIfNeeded: pathAndQuery.utf8.count) &* 0x51)
        let attempts = max(1, settings.restMaxAttempts)
        var last: VenueError = .transport(venue: venue, path: pathAndQuery, detail: "no attempt")
        for attempt in 1...attempts {
            do throws(VenueError) {
                return try await once(pathAndQuery)
            } catch {
                last = error
                guard Self.isRetryable(error), attempt < attempts else { break }
                var delay = backoff.nextDelayMs()
                if case .rateLimited = error, let retryAfter = lastRetryAfterMs(error) { delay = max(delay, retryAfter) }
                logger.warning("rest retry", metadata: ["venue": "\(venue)", "path": "\(pathAndQuery)",
                                                        "code": "\(error.code)", "attempt": "\(attempt)", "delay_ms": "\(delay)"])
                do { try await Task.sleep(for: .milliseconds(delay)) } catch {
                    throw VenueError.transport(venue: venue, path: pathAndQuery, detail: "cancelled")
                }
            }
        }
        if attempts > 1, Self.isRetryable(last) {
            throw .retriesExhausted(venue: venue, path: pathAndQuery, attempts: attempts, last: last)
        }
        throw last
    }

    /// Whether a failure is worth another try.
    public static func isRetryable(_ error: VenueError) -> Bool {
        switch error {
        case .serverError, .rateLimited, .timeout, .transport: true
        case .invalidURL, .httpStatus, .badBody, .retriesExhausted: false
        }
    }

    /// `Retry-After` is not carried in the error; the backoff's own cap bounds the wait instead.
    private func lastRetryAfterMs(_ error: VenueError) -> Int64? { nil }

    private func once(_ pathAndQuery: String) async throws(VenueError) -> [UInt8] {
        let url = baseURL + pathAndQuery
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        let timeout = TimeAmount.milliseconds(max(1, settings.restTimeoutMs))
        let response: HTTPClientResponse
        var body: ByteBuffer
        do {
            response = try await http.execute(request, timeout: timeout, logger: logger)
            body = try await response.body.collect(upTo: maxBodyBytes)
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw .timeout(venue: venue, path: pathAndQuery, timeoutMs: settings.restTimeoutMs)
            case .invalidURL, .emptyHost, .emptyScheme:
                throw .invalidURL(venue: venue, url: url)
            default:
                throw .transport(venue: venue, path: pathAndQuery, detail: String(describing: error))
            }
        } catch {
            throw .transport(venue: venue, path: pathAndQuery, detail: String(describing: error))
        }
        let status = Int(response.status.code)
        switch status {
        case 200..<300:
            let bytes = body.readBytes(length: body.readableBytes) ?? []
            recorder?.recordREST(path: pathAndQuery, body: bytes)
            return bytes
        case 429, 418:
            throw .rateLimited(venue: venue, path: pathAndQuery, status: status)
        case 500..<600:
            throw .serverError(venue: venue, path: pathAndQuery, status: status)
        default:
            throw .httpStatus(venue: venue, path: pathAndQuery, status: status)
        }
    }
}
