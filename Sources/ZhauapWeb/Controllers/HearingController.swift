import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The hearing through the API (R30–R37): the rules' answer for any case (`GET /hearing-rule`, public like
/// the term calculator) and one appeal's hearing (`GET /appeals/{id}/hearing`). The steps go through
/// `POST /appeals/{id}/actions`; the applicant's online objection through the tracking page.
struct HearingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hearing-rule", use: rule)
        routes.post("track", "objection", use: object)
        routes.grouped(BearerAuthMiddleware()).get("appeals", ":id", "hearing", use: show)
    }

    /// `kind`, `outcome` required; `burdensThirdParty` (default false); `exception` (absent: none); `on` (default today, Almaty).
    @Sendable
    func rule(req: Request) async throws -> HearingRuleResponse {
        func value<E: RawRepresentable<String> & CaseIterable>(_ name: String, _: E.Type) throws -> E? {
            guard let text = req.queryText(name) else { return nil }
            guard let e = E(rawValue: text) else {
                throw APIError(.unprocessableEntity, code: "invalid_value",
                               detail: "\(name) must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))", field: name)
            }
            return e
        }
        guard let kind = try value("kind", AppealKind.self) else { throw APIError.missing("kind") }
        guard let outcome = try value("outcome", HearingOutcome.self) else { throw APIError.missing("outcome") }
        let thirdParty = try req.optionalBool("burdensThirdParty") ?? false
        let exception = try value("exception", HearingException.self)
        let day = req.queryText("on") != nil ? try req.dateParameter("on") : req.application.appealService.todayInDefaultZone()
        guard let rules = req.application.appealService.hearingRules,
              let ruling = rules.decide(kind: kind, outcome: outcome, burdensThirdParty: thirdParty, exception: exception, on: day) else {
            throw APIError(.unprocessableEntity, code: "no_hearing_rule", detail: "no hearing rule is in force on \(day.dotted) for this case", field: "on")
        }
        return HearingRuleResponse(ruling)
    }

    struct ObjectionRequest: Content { var number: String; var code: String; var text: String }
    struct ObjectionReceipt: Content { var number: String; var argument: Int; var receivedOn: CivilDate; var document: Int? }

    /// APPC 73(3): the applicant's objection to the draft decision, proved with the appeal's number and the
    /// coupon's code (throttled like tracking: a wrong pair counts as a miss).
    @Sendable
    func object(req: Request) async throws -> Response {
        let body = try req.content.decode(ObjectionRequest.self)
        try await TrackingThrottle.check(req)
        guard let a = try await req.application.appealService.submitObjection(number: body.number, code: body.code, text: body.text),
              let arg = a.hearing?.arguments.last else {
            try await TrackingThrottle.missed(req)
            throw ServiceError.notFound
        }
        let receipt = ObjectionReceipt(number: a.registration.number, argument: arg.number, receivedOn: arg.receivedOn, document: arg.document)
        return try await receipt.encodeResponse(status: .created, for: req)
    }

    @Sendable
    func show(req: Request) async throws -> HearingResponse {
        let actor = try req.actor
        return HearingResponse(try await req.application.appealService.hearingView(try req.appealID(), actor: actor), actor: actor)
    }
}
