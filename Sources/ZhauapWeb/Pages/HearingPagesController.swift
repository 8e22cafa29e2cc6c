import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The hearing in the pages (R30–R37; APPC 73, 74): `GET /appeals/{id}/hearing` shows it; its forms post to
/// `/appeals/{id}/hearing/steps/{action}` (the same steps as the API's) and come back to the page with the
/// outcome, or with the refusal's reason and the values as typed.
struct HearingPagesController: RouteCollection {
    let sessions: any Middleware
    static let steps: Set<Action> = [.planHearing, .addParticipant, .prepareDraft, .recordSending, .recordDelivery, .inviteToHearing,
                                     .recordObjection, .answerArgument, .recordHearing, .omitHearing]
    /// The steps whose only form is on the hearing page (the appeal's menu leads there).
    static let pageOnly: Set<Action> = steps.subtracting([.recordSending, .recordDelivery])

    func boot(routes: any RoutesBuilder) throws {
        let hearing = routes.grouped(sessions).grouped("appeals", ":id", "hearing")
        hearing.get(use: show)
        hearing.post("steps", ":action", use: takeStep)
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        let done = req.queryText("done")
        return try await render(req, actor: actor, id: try req.appealID(), status: .ok, adjust: { page, t in
            if let done { page.done = t["done_" + done] }
        })
    }

    /// The page; `adjust` gives what the request adds (a message, a refusal with the typed values).
    func render(_ req: Request, actor: Actor, id: UUID, status: HTTPStatus, typed: [String: String] = [:], form: String? = nil,
                field: String? = nil, error: ((Language, [String: String]) -> String)? = nil,
                adjust: @escaping (inout HearingPage, [String: String]) -> Void = { _, _ in }) async throws -> Response {
        let view = try await req.application.appealService.hearingView(id, actor: actor)
        return try await req.page("appeal-hearing", status: status) { lang, t in
            let text = error.map { HearingPage.refusal($0(lang, t), field: field, t: t) }
            var page = HearingPage.make(view, actor: actor, lang: lang, t: t, typed: typed, refusedForm: form, errorField: field, error: text)
            adjust(&page, t)
            return page
        }
    }

    @Sendable
    func takeStep(req: Request) async throws -> Response {
        let (actor, id, action, form) = try await PageStep.posted(req, steps: Self.steps)
        // Which of the page's forms was sent (a delivery form names its sending, an answer form its argument).
        let key = form.value("_form").flatMap { HearingPage.action(ofForm: $0) == action.rawValue ? $0 : nil } ?? action.rawValue
        do {
            let command = try PageStep.command(action, form: form)
            _ = try await req.application.appealService.perform(command, on: id, actor: actor, idempotencyKey: form.value("_once").map { "page:" + $0 })
            return req.redirect(to: "/appeals/\(id)/hearing?done=\(action.rawValue)", redirectType: .normal)
        } catch {
            let r = try PageStep.refusal(error)
            return try await render(req, actor: actor, id: id, status: r.status, typed: form.values, form: key, field: r.field, error: r.text)
        }
    }
}
