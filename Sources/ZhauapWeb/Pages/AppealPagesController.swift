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
        web.post(":id", "actions", use: act)
        web.get(":id", "documents", ":name", use: document)
    }

    static func signedIn(_ req: Request) async throws -> Actor {
        guard let actor = try await req.sessionActor() else { throw Abort.redirect(to: "/login") }
        return actor
    }

    struct NewContent: Encodable { var channels: [Option]; var error: String? }
    struct Option: Encodable { var value: String; var label: String; var selected: Bool = false }

    @Sendable
    func newForm(req: Request) async throws -> Response {
        _ = try await Self.signedIn(req)
        return try await req.page("appeal-new") { _, t in
            NewContent(channels: ZhauapDomain.Channel.allCases.map { Option(value: $0.rawValue, label: t["channel_" + $0.rawValue] ?? $0.rawValue) })
        }
    }

    struct RegisterForm: Content {
        var channel: String?
        var receivedAt: String?
        var externalNumber: String?
        var applicantKind: String?
        var surname: String?
        var givenName: String?
        var patronymic: String?
        var iin: String?
        var organisationName: String?
        var bin: String?
        var postalAddress: String?
        var email: String?
        var phone: String?
        var essence: String?
        var language: String?
        var signaturePresent: String?
        var reportsCrimeOrThreat: String?

        func request() -> RegisterAppealRequest {
            func v(_ s: String?) -> String? { s.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
            let applicant = Applicant(kind: applicantKind == "legal_entity" ? .legalEntity : .individual, surname: v(surname),
                                      givenName: v(givenName), patronymic: v(patronymic), iin: v(iin), organisationName: v(organisationName),
                                      bin: v(bin), postalAddress: v(postalAddress), email: v(email), phone: v(phone))
            // A browser's datetime-local has no offset: it is the body's local time (Kazakhstan, UTC+5).
            let received = v(receivedAt).map { $0.count == 16 ? $0 + ":00+05:00" : $0 }
            return RegisterAppealRequest(channel: v(channel), receivedAt: received, externalNumber: v(externalNumber), applicant: applicant,
                                         addressedTo: nil, essence: v(essence), language: v(language), appealDate: nil,
                                         signaturePresent: signaturePresent == "on", attachments: nil,
                                         reportsCrimeOrThreat: reportsCrimeOrThreat == "on", specialRule: nil)
        }
    }

    @Sendable
    func register(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        try CSRF.verify(req)
        let form = try req.content.decode(RegisterForm.self)
        do {
            let draft = try form.request().draft(now: req.application.appealService.now(), rules: req.application.termRules)
            let (appeal, _) = try await req.application.appealService.register(draft, actor: actor, idempotencyKey: nil)
            return req.redirect(to: "/appeals/\(appeal.id)", redirectType: .normal)
        } catch let e as APIError {
            return try await req.page("appeal-new", status: e.status) { _, t in
                NewContent(channels: ZhauapDomain.Channel.allCases.map { Option(value: $0.rawValue, label: t["channel_" + $0.rawValue] ?? $0.rawValue,
                                                                   selected: $0.rawValue == form.channel) },
                           error: e.detail)
            }
        }
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        return try await render(req, actor: actor, id: try req.appealID(), error: nil, status: .ok)
    }

    /// The appeal page; `error` says, in the page's language, why a step was refused.
    func render(_ req: Request, actor: Actor, id: UUID, error: ((Language, [String: String]) -> String)?,
                status: HTTPStatus) async throws -> Response {
        let view = try await req.application.appealService.view(id, actor: actor)
        let service = req.application.appealService
        let executors = try await service.colleagues(of: actor).filter { $0.roles.contains(.executor) }
        let bodies = try await service.bodies()
        let today = bodies.first { $0.id == actor.bodyID }.map(req.application.appealService.today(in:)) ?? view.appeal.registration.registeredOn
        return try await req.page("appeal", status: status) { lang, t in
            var page = AppealPage.make(view.appeal, trail: view.trail, calendar: view.calendar, actor: actor, executors: executors,
                                       bodies: bodies, rules: req.application.termRules, lang: lang, t: t, error: error?(lang, t))
            page.today = today.description
            return page
        }
    }

    @Sendable
    func act(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        try CSRF.verify(req)
        let id = try req.appealID()
        do {
            var command = try req.content.decode(ActionRequest.self).command
            // The forwarding form sends demands as lines of one text area, and a body of this installation
            // without its name.
            if var forward = command.step as? Forward {
                struct Extras: Decodable { var demandsText: String? }
                let lines = (try? req.content.decode(Extras.self))?.demandsText?.split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
                if !lines.isEmpty { forward.demands = lines }
                if let target = forward.targetBodyID, forward.targetName.isEmpty {
                    forward.targetName = try await req.application.appealService.bodies().first { $0.id == target }?.nameKk ?? ""
                }
                command = AppealCommand(forward)
            }
            _ = try await req.application.appealService.perform(command, on: id, actor: actor)
            return req.redirect(to: "/appeals/\(id)", redirectType: .normal)
        } catch let e as ProcedureError {
            return try await render(req, actor: actor, id: id, error: { lang, _ in e.text(lang) },
                                    status: ProblemMiddleware.procedureProblem(e).status)
        } catch let e as APIError {
            return try await render(req, actor: actor, id: id, error: { _, t in (t["error_form_field"] ?? "") + (e.field.map { " (\($0))" } ?? "") },
                                    status: e.status)
        }
    }

    @Sendable
    func document(req: Request) async throws -> Response {
        let actor = try await Self.signedIn(req)
        let view = try await req.application.appealService.view(try req.appealID(), actor: actor)
        guard let name = req.parameters.get("name"), let doc = AppealDocument(rawValue: name), doc.isAvailable(for: view.appeal),
              let body = try? await req.application.appealService.body(of: actor) else { throw Abort(.notFound) }
        let lang = Language(rawValue: req.query[String.self, at: "lang"] ?? "kk").flatMap { $0 == .en ? nil : $0 } ?? .kk
        // Only the languages the document is produced in (an answer typed in Kazakh alone has no Russian letter).
        guard doc.languages(for: view.appeal).contains(lang) else { throw Abort(.notFound) }
        return try await DocumentResponse.make(req, document: doc, appeal: view.appeal, body: body, lang: lang)
    }
}
