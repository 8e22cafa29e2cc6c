import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The act in the pages (R38–R44; APPC 73, 79–81, 91–100): `GET /appeals/{id}/act` shows it; its forms post
/// to `/appeals/{id}/act/steps/{action}` (the same steps as the API's) and come back to the page with the
/// outcome, or with the refusal's reason and the values as typed. Passing a complaint exports the case
/// first and sends that export with it, in one click.
struct ActPagesController: RouteCollection {
    let sessions: any Middleware
    static let steps: Set<Action> = [.draftAct, .editAct, .approveAct, .acknowledgeWarning, .signAct, .recordSending, .recordDelivery,
                                     .fileComplaint, .passComplaint]
    /// The steps whose only form is on the act page (the appeal's menu leads there).
    static let pageOnly: Set<Action> = steps.subtracting([.recordSending, .recordDelivery])

    func boot(routes: any RoutesBuilder) throws {
        let act = routes.grouped(sessions).grouped("appeals", ":id", "act")
        act.get(use: show)
        act.post("steps", ":action", use: takeStep)
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        let done = req.queryText("done")
        return try await render(req, actor: actor, id: try req.appealID(), status: .ok, adjust: { page, t in
            if let done { page.done = t["done_" + done] }
        })
    }

    /// The page; `adjust` gives what the request adds (a message).
    func render(_ req: Request, actor: Actor, id: UUID, status: HTTPStatus, typed: [String: String] = [:], form: String? = nil,
                field: String? = nil, error: ((Language, [String: String]) -> String)? = nil,
                adjust: @escaping (inout ActPage, [String: String]) -> Void = { _, _ in }) async throws -> Response {
        let service = req.application.appealService
        let view = try await service.actView(id, actor: actor)
        let colleagues = try await service.colleagues(of: actor)
        return try await req.page("appeal-act", status: status) { lang, t in
            let text = error.map { $0(lang, t) + (field.flatMap { t["act_field_" + $0] }.map { " — " + $0 } ?? "") }
            var page = ActPage.make(view, actor: actor, colleagues: colleagues, lang: lang, t: t, typed: typed, refusedForm: form,
                                    errorField: field, error: text)
            adjust(&page, t)
            return page
        }
    }

    @Sendable
    func takeStep(req: Request) async throws -> Response {
        let (actor, id, action, posted) = try await PageStep.posted(req, steps: Self.steps)
        var form = posted
        let key = form.value("_form").flatMap { ActPage.action(ofForm: $0) == action.rawValue ? $0 : nil } ?? action.rawValue
        let service = req.application.appealService
        let once = form.value("_once").map { "page:" + $0 }
        do {
            if action == .passComplaint {
                // APPC 91(4): the complaint goes with the case as it stands now — exported first, then passed.
                let number = form.value("complaint").flatMap(Int.init)
                let lang = try await req.pageLanguage(user: actor) == .ru ? Language.ru : .kk
                _ = try await CaseExport.make(req.application, appealID: id, actor: actor, lang: lang)
                _ = try await service.perform(AppealCommand(PassComplaint(complaint: number)), on: id, actor: actor)
            } else {
                if action == .recordSending {
                    form.values["document"] = OutgoingDocument.administrativeAct.rawValue
                    form.values["participant"] = "1"
                }
                let command = try Self.command(action, form: form, key: key)
                _ = try await service.perform(command, on: id, actor: actor, idempotencyKey: once)
            }
            return req.redirect(to: "/appeals/\(id)/act?done=\(action.rawValue)", redirectType: .normal)
        } catch {
            let r: PageStep.Refusal
            switch error {
            case is PDFRenderer.Failure, is CaseExporter.Failure:
                let problem = ProblemMiddleware.problem(for: error)
                r = PageStep.Refusal(status: problem.status, field: nil, unreadable: false) { _, t in t["case_error_" + problem.code] ?? problem.detail }
            default:
                r = try PageStep.refusal(error)
            }
            return try await render(req, actor: actor, id: id, status: r.status, typed: form.values, form: key, field: r.field, error: r.text)
        }
    }

    /// The act's own forms read as their steps; delivery's as the API reads them.
    static func command(_ action: Action, form: FormFields, key: String) throws -> AppealCommand {
        switch action {
        case .draftAct:
            guard let raw = form.value("kind") else { throw APIError.missing("kind") }
            guard let kind = ActKind(rawValue: raw) else { throw APIError.invalid("kind", code: "invalid_value", "unknown kind of act") }
            let outcome = try form.value("outcome").map { raw in
                guard let o = ComplaintOutcome(rawValue: raw) else { throw APIError.invalid("outcome", code: "invalid_value", "unknown outcome") }
                return o
            }
            let approvers = try (form.lists["approvers"] ?? []).filter { !$0.isEmpty }.map { raw in
                guard let id = UUID(uuidString: raw) else { throw APIError.invalid("approvers", code: "invalid_value", "not a user id") }
                return id
            }
            return AppealCommand(DraftAct(kind: kind, discretionary: form.value("discretionary") == "true", outcome: outcome,
                                          approvers: approvers.isEmpty ? nil : approvers))
        case .editAct:
            // One version at a time: the form names its language (`edit_act-kk`, `edit_act-ru`).
            let lang: Language = key.hasSuffix("-ru") ? .ru : .kk
            var sections: ActSections = [:]
            for s in ActSection.allCases {
                if let text = form.values[lang.rawValue + "_" + s.rawValue] { sections[s] = text }
            }
            return AppealCommand(lang == .ru ? EditAct(ru: sections) : EditAct(kk: sections))
        case .acknowledgeWarning:
            guard let code = form.value("code") else { throw APIError.missing("code") }
            return AppealCommand(AcknowledgeWarning(code: code, section: form.value("section").flatMap(ActSection.init(rawValue:)),
                                                    language: form.value("language").flatMap(Language.init(rawValue:)),
                                                    reason: form.values["reason"] ?? ""))
        case .approveAct:
            return AppealCommand(ApproveAct(comment: form.value("comment")))
        case .signAct:
            return AppealCommand(SignAct())
        case .fileComplaint:
            return AppealCommand(FileComplaint(text: form.values["text"] ?? ""))
        default:
            return try PageStep.command(action, form: form)
        }
    }
}
