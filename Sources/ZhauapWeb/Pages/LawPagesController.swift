import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The finder in the pages (R24–R29): `GET /appeals/{id}/law[?markers=…]` shows it; its forms post to
/// `/appeals/{id}/law/steps/{action}` (the same steps as the API's), and come back to the finder with the
/// outcome, or with the refusal and its reason.
struct LawPagesController: RouteCollection {
    let sessions: any Middleware
    static let steps: Set<Action> = [.applyNorm, .withdrawNorm, .checkPrecondition, .recordAnalogy]

    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped(sessions).grouped("appeals", ":id", "law")
        law.get(use: show)
        law.post("steps", ":action", use: takeStep)
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        let done = req.queryText("done")
        let markers = (try? CaseLawController.markers(req.queryText("markers"))) ?? nil
        return try await render(req, actor: actor, id: try req.appealID(), markers: markers, status: .ok) { page, t in
            if let done { page.done = t["done_" + done] }
        }
    }

    func render(_ req: Request, actor: Actor, id: UUID, markers: [String]?, status: HTTPStatus,
                adjust: @escaping (inout LawPage, [String: String]) -> Void) async throws -> Response {
        let view = try await req.application.appealService.lawView(id, actor: actor, markers: markers)
        return try await req.page("appeal-law", status: status) { lang, t in
            var page = LawPage.make(view, actor: actor, lang: lang, t: t)
            adjust(&page, t)
            return page
        }
    }

    @Sendable
    func takeStep(req: Request) async throws -> Response {
        let (actor, id, action, form) = try await PageStep.posted(req, steps: Self.steps)
        func refused(_ status: HTTPStatus, _ text: @escaping (Language, [String: String]) -> String) async throws -> Response {
            let lang = try await req.pageLanguage(user: actor)
            return try await render(req, actor: actor, id: id, markers: nil, status: status) { page, t in page.error = text(lang, t) }
        }
        do {
            let command = try PageStep.command(action, form: form)
            _ = try await req.application.appealService.perform(command, on: id, actor: actor, idempotencyKey: form.value("_once").map { "page:" + $0 })
            return req.redirect(to: "/appeals/\(id)/law?done=\(action.rawValue)", redirectType: .normal)
        } catch {
            let r = try PageStep.refusal(error)
            return try await refused(r.status) { lang, t in r.text(lang, t) + (r.unreadable ? r.field.map { " (\($0))" } ?? "" : "") }
        }
    }
}
