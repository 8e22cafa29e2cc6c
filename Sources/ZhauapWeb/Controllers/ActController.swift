import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The act through the API (R38–R44): one appeal's act (`GET /appeals/{id}/act`); its steps go through
/// `POST /appeals/{id}/actions`; the applicant's online complaint through the tracking page
/// (`POST /track/complaint`, APPC 91(4), 92).
struct ActController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("track", "complaint", use: complain)
        routes.grouped(BearerAuthMiddleware()).get("appeals", ":id", "act", use: show)
    }

    @Sendable
    func show(req: Request) async throws -> ActResponse {
        let actor = try req.actor
        return ActResponse(try await req.application.appealService.actView(try req.appealID(), actor: actor), actor: actor)
    }

    struct ComplaintRequest: Content { var number: String; var code: String; var text: String }
    struct ComplaintReceipt: Content { var number: String; var complaint: Int; var filedOn: CivilDate; var late: Bool; var passBy: CivilDate? }

    /// APPC 91(4), 92: the applicant's complaint against the act or its deemed refusal, proved with the
    /// appeal's number and the coupon's code (throttled like tracking: a wrong pair counts as a miss).
    @Sendable
    func complain(req: Request) async throws -> Response {
        let body = try req.content.decode(ComplaintRequest.self)
        try await TrackingThrottle.check(req)
        guard let a = try await req.application.appealService.submitComplaint(number: body.number, code: body.code, text: body.text),
              let c = a.complaints.last else {
            try await TrackingThrottle.missed(req)
            throw ServiceError.notFound
        }
        let receipt = ComplaintReceipt(number: a.registration.number, complaint: c.number, filedOn: c.filedOn, late: c.late,
                                       passBy: a.term(.complaintPassing)?.due)
        return try await receipt.encodeResponse(status: .created, for: req)
    }
}
