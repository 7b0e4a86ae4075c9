import Hummingbird
import PropCore

/// Body of `GET /api/health`: liveness of the process, not trading readiness.
struct HealthResponse: ResponseEncodable {
    var status: String
    var version: String
    var ts: String

    static func now(clock: any TimeSource) -> HealthResponse {
        HealthResponse(status: "ok", version: PropBotVersion.string, ts: ISO8601Millis.string(fromMillis: clock.wallMillis()))
    }
}
