import Vapor

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of every route (a test keeps it complete).
struct OpenAPIController: RouteCollection {
    static let document: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: openapi)
    }

    @Sendable
    func openapi(req: Request) async throws -> Response {
        guard let data = Self.document else { throw Abort(.internalServerError) }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
