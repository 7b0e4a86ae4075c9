import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// Small helpers to answer with exact JSON text (the simulator renders venue JSON by hand so key
/// order and number formatting match the real venues).
enum SimHTTP {
    /// The request context every simulator router uses (WebSocket-capable).
    typealias Context = BasicWebSocketRequestContext

    /// A JSON response with `text` as body.
    static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var h = headers
        h[.contentType] = "application/json"
        return Response(status: status, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// JSON string literal with the characters JSON requires escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }
}
