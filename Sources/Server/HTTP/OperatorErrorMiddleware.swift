import Hummingbird

/// Turns every error escaping a route (including unknown paths) into a JSON body with a Russian message,
/// so an operator's script never has to parse an HTML or empty error page.
struct OperatorErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    struct Body: ResponseEncodable {
        var error: String
        var messageRu: String
        var hintRu: String

        enum CodingKeys: String, CodingKey {
            case error
            case messageRu = "message_ru"
            case hintRu = "hint_ru"
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return try Self.respond(.notFound, Body(error: "not_found", messageRu: "Нет такого адреса: \(request.uri.path)",
                                                  hintRu: "Список адресов — в docs/api.md"), request, context)
        } catch let error as RefusalError {
            // A control-plane refusal (401/403 audited by the service, a bad query value): its own JSON body.
            return try ControlRoutes.refusalResponse(error.refusal)
        } catch let error as HTTPError {
            return try Self.respond(error.status, Body(error: "http_\(error.status.code)",
                                                     messageRu: error.body ?? "Запрос отклонён",
                                                     hintRu: "Проверьте метод, путь и тело запроса"), request, context)
        }
    }

    private static func respond(_ status: HTTPResponse.Status, _ body: Body, _ request: Request, _ context: Context) throws -> Response {
        var response = try body.response(from: request, context: context)
        response.status = status
        return response
    }
}
