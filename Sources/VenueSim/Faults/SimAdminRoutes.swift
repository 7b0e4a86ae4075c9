import Foundation
import Hummingbird
import PropCore

/// `POST/GET/DELETE /sim/faults` and `GET /sim/orders` (how many orders each venue ever accepted), mounted on
/// every venue port so a drill can reach them wherever it is.
enum SimAdminRoutes {
    static func add(to router: Router<SimHTTP.Context>, state: SimState) {
        router.post("/sim/faults") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 16)
            let fault: SimFault
            do throws(SimAdminError) {
                fault = try SimFaultRequest.parse(Array(buffer.readableBytesView))
            } catch {
                return SimHTTP.json(#"{"ok":false,"code":\#(SimHTTP.quote(error.code)),"message_ru":\#(SimHTTP.quote(error.messageRu)),"hint_ru":\#(SimHTTP.quote(error.hintRu))}"#,
                                    status: .badRequest)
            }
            await state.inject(fault)
            return SimHTTP.json(#"{"ok":true,"fault":\#(render(fault, remaining: fault.count, untilMs: nil))}"#)
        }
        router.get("/sim/faults") { _, _ -> Response in
            let entries = await state.activeFaults()
            let items = entries.map { render($0.fault, remaining: $0.remaining, untilMs: $0.untilMs == .max ? nil : $0.untilMs) }
            return SimHTTP.json(#"{"faults":[\#(items.joined(separator: ","))]}"#)
        }
        router.delete("/sim/faults") { _, _ -> Response in
            await state.clearFaults()
            return SimHTTP.json(#"{"ok":true,"faults":[]}"#)
        }
        router.get("/sim/orders") { _, _ -> Response in
            var counts: [String] = []
            for venue in Venue.allCases { counts.append(#""\#(venue.rawValue)":\#(await state.allClientOrderIds(venue: venue).count)"#) }
            return SimHTTP.json("{\(counts.joined(separator: ","))}")
        }
    }

    static func render(_ f: SimFault, remaining: Int, untilMs: Int64?) -> String {
        var s = #"{"venue":"\#(f.venue.rawValue)","kind":"\#(f.kind.rawValue)","params":{"count":\#(f.count),"duration_ms":\#(f.durationMillis),"status":\#(f.status)"#
        if let i = f.instrument { s += #","symbol":"\#(NativeSymbol.symbol(for: i))","instrument":"\#(i)""# }
        if let p = f.path { s += #","path":\#(SimHTTP.quote(p))"# }
        s += "}"
        s += #","remaining":\#(remaining)"#
        if let u = untilMs { s += #","until_ms":\#(u)"# }
        return s + "}"
    }
}
