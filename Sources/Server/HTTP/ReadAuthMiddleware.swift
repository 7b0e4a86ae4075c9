import Hummingbird
import Ops

/// Every read (GET) of the API needs at least a viewer token, unless the profile allows anonymous reads on a
/// loopback-only API; `/api/health` stays open for liveness probes. Failures are audited by the service.
struct ReadAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let service: CommandService
    let isLocal: Bool

    static var openPaths: Set<String> { ["/api/health", "/openapi.json"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get || request.method == .head, !Self.openPaths.contains(request.uri.path) {
            _ = try await ControlRoutes.authenticated(service, request, isLocal, required: .viewer,
                                                      action: "read " + request.uri.path)
        }
        return try await next(request, context)
    }
}
