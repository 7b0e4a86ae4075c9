import HTTPTypes
import Hummingbird
import ServiceLifecycle
import Ops

/// `GET /api/ui/stream`: the operator event stream (SSE). `Last-Event-ID` (header, or `?last_event_id=`) resumes
/// after that event from the replay ring; `?types=a,b` keeps only those types (heartbeats always pass). A client
/// that cannot keep up is dropped and resumes by reconnecting.
enum StreamRoute {
    static let types: Set<String> = [
        "control.changed", "approval.requested", "approval.resolved", "opportunity", "execution", "pnl",
        "alerts.raised", "limits.breached", "health.changed", "component.failed", "component.recovered",
        "readiness.changed", "heartbeat", "resync",
    ]

    static func add(to router: Router<BasicRequestContext>, hub: EventHub) {
        router.get("/api/ui/stream") { request, _ in
            let lastText = request.headers[HTTPField.Name("Last-Event-ID")!] ?? request.uri.queryParameters["last_event_id"].map(String.init)
            var last: UInt64?
            if let lastText {
                guard let n = UInt64(lastText) else {
                    throw RefusalError(refusal: .invalidValue(field: "last_event_id", problemRu: "«\(lastText)» — не номер события",
                                                              hintRu: "передайте id последнего полученного события (целое ≥ 0)"))
                }
                last = n
            }
            var wanted: Set<String>?
            if let list = request.uri.queryParameters["types"] {
                let names = Set(list.split(separator: ",").map(String.init))
                if let unknown = names.sorted().first(where: { !types.contains($0) }) {
                    throw RefusalError(refusal: .invalidValue(field: "types", problemRu: "неизвестный тип события «\(unknown)»",
                                                              hintRu: "допустимые: \(types.sorted().joined(separator: ", "))"))
                }
                wanted = names
            }
            let (stream, gap) = await hub.subscribe(lastEventId: last)
            let filter = wanted
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                if gap {
                    try await writer.write(ByteBuffer(string: "event: resync\ndata: {\"reason_ru\":\"часть событий уже не хранится: перечитайте состояние через API\"}\n\n"))
                }
                // Ends with the process's graceful shutdown: an open stream must not keep the server from stopping.
                for await event in stream.cancelOnGracefulShutdown() where filter.map({ $0.contains(event.type) || event.type == "heartbeat" }) ?? true {
                    try await writer.write(ByteBuffer(string: event.sse))
                }
                try await writer.finish(nil)
            })
        }
    }
}
