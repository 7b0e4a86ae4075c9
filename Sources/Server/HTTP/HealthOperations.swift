/// The health, status and readiness endpoints' OpenAPI operations (kept next to their routes).
enum HealthOperations {
    static var operations: [OpenAPIDocument.Operation] { [] }
}
