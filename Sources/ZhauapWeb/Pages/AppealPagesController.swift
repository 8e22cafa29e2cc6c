import Fluent
import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService

/// Registering an appeal, the appeal's page with the actions allowed now, and print views — for a
/// signed-in browser (session cookie, CSRF-checked forms).
struct AppealPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let web = routes.grouped(sessions).grouped("appeals")
        web.get("new", use: newForm)
        web.post(use: register)
        web.get(":id", use: show)
        web.get(":id", "steps", ":action", use: stepForm)
        web.post(":id", "steps", ":action", use: takeStep)
        web.get(":id", "documents", ":name", use: document)
    }

    static func signedIn(_ req: Request) async throws -> Actor {
        guard let actor = try await req.sessionActor() else { throw Abort.redirect(to: "/login") }
        return actor
    }

    struct NewContent: Encodable {
        var channels: [Option]
        var specials: [Option]
        var values: [String: String]
        var error: String?
        var errorField: String?
        var once: String
    }
    struct Option: Encodable { var value: String; var label: String; var selected: Bool = false }

    /// The registration form's fields (kept when a registration is refused).
    static let registerFields = ["channel", "receivedAt", "externalNumber", "applicantKind", "surname", "givenName", "patronymic", "iin",
                                 "organisationName", "bin", "postalAddress", "email", "phone", "essence", "language", "appealDate",
                                 "addressedTo", "attachmentsText", "sheets", "specialRule", "signaturePresent", "reportsCrimeOrThreat"]

    func newContent(_ req: Request, values: [String: String], error: String?, field: String?, lang: Language, t: [String: String]) -> NewContent {
        let rules = req.application.termRules
        let today = req.application.appealService.today(in: AdministrativeBody(code: "", nameKk: "", nameRu: ""))
        var v = Dictionary(uniqueKeysWithValues: Self.registerFields.map { ($0, "") })
        for (k, x) in values where v[k] != nil { v[k] = x }
        if v["applicantKind"] == "" { v["applicantKind"] = "individual" }
        return NewContent(
            channels: ZhauapDomain.Channel.allCases.map { Option(value: $0.rawValue, label: t["channel_" + $0.rawValue] ?? $0.rawValue,
                                                                 selected: $0.rawValue == v["channel"]) },
            specials: SpecialRuleChoice.choices(rules: rules, kind: nil, on: today, lang: lang, t: t, selected: v["specialRule"].flatMap { $0.isEmpty ? nil : $0 })
                .map { Option(value: $0.value, label: $0.label, selected: $0.selected) },
            values: v, error: error, errorField: field, once: UUID().uuidString)
    }

    @Sendable
    func newForm(req: Request) async throws -> Response {
        _ = try await Self.signedIn(req)
        return try await req.page("appeal-new") { lang, t in newContent(req, values: [:], error: nil, field: nil, lang: lang, t: t) }
    }

    /// The page form as the API's registration request: a browser's datetime-local has no offset (it is the
    /// body's local time, UTC+5), attachments are lines "name — pages", the applicant's kind picks its fields.
    static func request(_ f: FormFields) throws -> RegisterAppealRequest {
        func v(_ k: String) -> String? { f.value(k) }
        let legal = v("applicantKind") == "legal_entity"
        let applicant = Applicant(kind: legal ? .legalEntity : .individual, surname: legal ? nil : v("surname"),
                                  givenName: legal ? nil : v("givenName"), patronymic: legal ? nil : v("patronymic"), iin: legal ? nil : v("iin"),
                                  organisationName: legal ? v("organisationName") : nil, bin: legal ? v("bin") : nil,
                                  postalAddress: v("postalAddress"), email: v("email"), phone: v("phone"))
        let received = v("receivedAt").map { $0.count == 16 ? $0 + ":00+05:00" : $0 }
        var appealDate: CivilDate? = nil
        if let d = v("appealDate") {
            guard let parsed = CivilDate(d) else { throw APIError.invalid("appealDate", code: "invalid_date", "appealDate must be a date") }
            appealDate = parsed
        }
        var sheets: Int? = nil
        if let s = v("sheets") {
            guard let n = Int(s) else { throw APIError.invalid("sheets", code: "invalid_sheets", "sheets must be a whole number") }
            sheets = n
        }
        var attachments: [Attachment] = []
        for line in (v("attachmentsText") ?? "").split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            // "Паспорт көшірмесі — 2": a trailing number after a dash, a comma or a semicolon is the page count.
            let parts = text.split(omittingEmptySubsequences: true) { "—–-,;".contains($0) }
            if parts.count > 1, let n = Int(parts.last!.trimmingCharacters(in: .whitespaces)) {
                attachments.append(Attachment(name: parts.dropLast().joined(separator: "-").trimmingCharacters(in: .whitespaces), pages: n))
            } else {
                attachments.append(Attachment(name: text))
            }
        }
        return RegisterAppealRequest(channel: v("channel"), receivedAt: received, externalNumber: v("externalNumber"), applicant: applicant,
                                     addressedTo: v("addressedTo"), essence: v("essence"), language: v("language"), appealDate: appealDate,
                                     signaturePresent: v("signaturePresent") != nil, attachments: attachments, sheets: sheets,
                                     reportsCrimeOrThreat: v("reportsCrimeOrThreat") != nil, specialRule: v("specialRule"))
    }

    @Sendable
    func register(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        try CSRF.verify(req)
        let form = FormFields(req)
        do {
            let draft = try Self.request(form).draft(now: req.application.appealService.now(), rules: req.application.termRules)
            // The form's one-time key: a double click registers the appeal once (R1).
            let (appeal, _) = try await req.application.appealService.register(draft, actor: actor,
                                                                               idempotencyKey: form.value("_once").map { "page:" + $0 })
            return req.redirect(to: "/appeals/\(appeal.id)?done=registered", redirectType: .normal)
        } catch let e as APIError {
            return try await req.page("appeal-new", status: e.status) { lang, t in
                newContent(req, values: form.values, error: (t["error_form_field"] ?? "") + " " + (t["reg_" + (e.field ?? "")] ?? e.field ?? ""),
                           field: e.field, lang: lang, t: t)
            }
        }
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        let done = req.queryText("done")
        return try await render(req, actor: actor, id: try req.appealID(), status: .ok) { page, _, t in
            if let done { page.done = t["done_" + done] }
            if done == "registered" { page.coupons = page.documents.filter { $0.value.contains("/documents/coupon?") } }
        }
    }

    /// The appeal page, or one step's page; `adjust` sets what the request adds (a message, a form).
    func render(_ req: Request, actor: Actor, id: UUID, status: HTTPStatus, template: String = "appeal",
                adjust: @escaping (inout AppealPage, Language, [String: String]) -> Void) async throws -> Response {
        let service = req.application.appealService
        let view = try await service.view(id, actor: actor)
        let colleagues = try await service.colleagues(of: actor)
        let executors = colleagues.filter { $0.roles.contains(.executor) }
        let bodies = try await service.bodies()
        let today = bodies.first { $0.id == actor.bodyID }.map(service.today(in:)) ?? view.appeal.registration.registeredOn
        let once = UUID().uuidString
        return try await req.page(template, status: status) { lang, t in
            var page = AppealPage.make(view.appeal, trail: view.trail, calendar: view.calendar, actor: actor, executors: executors,
                                       bodies: bodies, rules: req.application.termRules, lang: lang, t: t, error: nil,
                                       colleagues: colleagues, today: today)
            page.once = once
            page.caseFile = CaseFilePage.make(view.appeal, actor: actor, allowed: Permissions.available(actor: actor, appeal: view.appeal), lang: lang, t: t,
                                              today: today, maxFileMB: req.application.caseLimits.fileMB)
            adjust(&page, lang, t)
            return page
        }
    }

    static func action(_ req: Request) throws -> Action {
        guard let name = req.parameters.get("action"), let action = Action(rawValue: name) else { throw Abort(.notFound) }
        return action
    }

    /// `GET /appeals/{id}/steps/{action}`: the step's form on its own page (also where a refused form stays).
    @Sendable
    func stepForm(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        let action = try Self.action(req)
        // A step that carries a file (or the export) is one of the case file's forms on the appeal page.
        guard action.step.viaActions else { return req.redirect(to: "/appeals/\(try req.appealID())#case", redirectType: .normal) }
        // The hearing's steps are taken on the hearing page (R30–R37).
        if HearingPagesController.pageOnly.contains(action) {
            return req.redirect(to: "/appeals/\(try req.appealID())/hearing#form-\(action.rawValue)", redirectType: .normal)
        }
        // The act's steps are taken on the act page (R38–R44).
        if ActPagesController.pageOnly.contains(action) {
            return req.redirect(to: "/appeals/\(try req.appealID())/act#form-\(action.rawValue)", redirectType: .normal)
        }
        let correctionDays = (try? await req.application.appealService.body(of: actor))?.correctionDays ?? 5
        return try await render(req, actor: actor, id: try req.appealID(), status: .ok, template: "appeal-step") { page, lang, t in
            // A proposal's link may name the ground or the body proposed (the person still chooses and confirms).
            var values = page.defaults(for: action, correctionDays: correctionDays)
            for key in ["ground", "targetBodyId"] { if let v = req.queryText(key), !v.isEmpty { values[key] = v } }
            page.step = StepForm.make(action, values: values, errorField: nil, t: t)
            if page.actions[action.rawValue] != true { page.error = ProcedureError.invalidState(action: action.rawValue, state: .registered).text(lang) }
        }
    }

    /// `POST /appeals/{id}/steps/{action}`: takes the step; on success back to the appeal with a message,
    /// otherwise the same form again, at the same address, with the typed values and the reason.
    @Sendable
    func takeStep(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        try CSRF.verify(req)
        let id = try req.appealID()
        let action = try Self.action(req)
        guard action.step.viaActions else { throw Abort(.notFound) }
        let form = FormFields(req)
        func refused(_ status: HTTPStatus, field: String?, _ text: @escaping (Language, [String: String]) -> String) async throws -> Response {
            try await render(req, actor: actor, id: id, status: status, template: "appeal-step") { page, lang, t in
                page.step = StepForm.make(action, values: form.values, errorField: field, t: t)
                page.error = text(lang, t)
            }
        }
        if StepForm.irreversible.contains(action), form.value("confirm") == nil {
            return try await refused(.unprocessableEntity, field: "confirm") { _, t in t["step_confirm_missing"] ?? "" }
        }
        do {
            var command = try PageStep.command(action, form: form, listsAlwaysSent: action == .recordCompleteness ? ["missing"] : [])
            command = try await Forward.naming(command) { try await req.application.appealService.bodies() }
            _ = try await req.application.appealService.perform(command, on: id, actor: actor,
                                                                idempotencyKey: form.value("_once").map { "page:" + $0 })
            return req.redirect(to: "/appeals/\(id)?done=\(action.rawValue)", redirectType: .normal)
        } catch {
            let r = try PageStep.refusal(error)
            return try await refused(r.status, field: r.field, r.text)
        }
    }

    @Sendable
    func document(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        let view = try await req.application.appealService.view(try req.appealID(), actor: actor)
        guard let name = req.parameters.get("name"), let doc = AppealDocument(rawValue: name), doc.isAvailable(for: view.appeal),
              let body = try? await req.application.appealService.body(of: actor) else { throw Abort(.notFound) }
        let lang = Language(rawValue: req.queryText("lang") ?? "kk").flatMap { $0 == .en ? nil : $0 } ?? .kk
        // Only the languages the document is produced in (an answer typed in Kazakh alone has no Russian letter).
        guard doc.languages(for: view.appeal).contains(lang) else { throw Abort(.notFound) }
        return try await DocumentResponse.make(req, document: doc, appeal: view.appeal, body: body, lang: lang, toolbar: true)
    }
}
