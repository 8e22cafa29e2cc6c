import Fluent
import Vapor
import WorkingCalendar
import ZhauapStorage

/// `GET /health`: the database in use and whether it answers; the calendar version in force.
struct HealthController: RouteCollection {
    struct Health: Content {
        struct DatabaseStatus: Content {
            var kind: String
            var location: String
            var reachable: Bool
        }

        var status: String
        var database: DatabaseStatus
        var calendarVersion: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable
    func health(req: Request) async throws -> Response {
        let location = req.application.databaseLocation
        let failure = await DatabaseHealth.ping(req.db)
        if let failure { req.logger.warning("health: database unreachable: \(failure)") }
        let version = failure == nil ? try? await req.application.calendarProvider.current().version : nil
        let body = Health(status: failure == nil ? "ok" : "unavailable",
                          database: .init(kind: location.kind, location: location.redacted, reachable: failure == nil),
                          calendarVersion: version)
        let response = try await body.encodeResponse(for: req)
        response.status = failure == nil ? .ok : .serviceUnavailable
        return response
    }
}
