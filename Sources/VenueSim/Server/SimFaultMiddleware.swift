import Hummingbird
import PropCore

/// Applies the venue's `latency` and `rest_error` faults to REST requests; the admin API and
/// WebSocket upgrades pass untouched.
struct SimFaultMiddleware: RouterMiddleware {
    typealias Context = SimHTTP.Context
    let state: SimState
    let venue: Venue

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/sim/") || request.headers[.upgrade] != nil {
            return try await next(request, context)
        }
        let gate = await state.restGate(venue: venue, path: request.uri.path)
        if gate.delayMillis > 0 { try await Task.sleep(for: .milliseconds(gate.delayMillis)) }
        if let status = gate.errorStatus {
            return SimVenueErrors.response(venue: venue, status: status, nowMs: await state.nowMsPublic())
        }
        return try await next(request, context)
    }
}
