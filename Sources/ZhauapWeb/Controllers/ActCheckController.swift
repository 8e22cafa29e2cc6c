import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The justification check of a drafted act (R39–R43, with R33 and R35): `POST /acts/check` reads the act's
/// Kazakh and Russian versions and the case's facts as given and answers with the findings. For any
/// signed-in employee of a body; nothing is stored.
struct ActCheckController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(BearerAuthMiddleware()).post("acts", "check", use: check)
    }

    @Sendable
    func check(req: Request) async throws -> ActCheckResponse {
        _ = try req.actor
        let document: ActCheckDocument
        do { document = try req.content.decode(ActCheckDocument.self) } catch {
            throw APIError(.badRequest, code: "malformed_body", detail: "the body is not an act to check")
        }
        let input: ActCheckInput
        do { input = try document.input() } catch {
            throw APIError(.unprocessableEntity, code: "invalid_act", detail: "\(error.field): \(error.reason)", field: error.field)
        }
        let calendar = try await req.application.calendarProvider.current()
        return ActCheckResponse(ActCheck.findings(input, calendar: calendar))
    }
}
