import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The case file in the pages (R10–R13, R22, R23): uploads from the appeal page (multipart, CSRF-checked),
/// a request's answer and an expert's opinion with their files, the export, and the downloads — the same
/// work as the API's, for a signed-in browser. A refused upload shows the appeal page with the reason.
struct CaseFilePagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped(sessions).grouped("appeals", ":id", "case")
        c.on(.POST, "documents", body: .stream, use: upload)
        c.on(.POST, "requests", ":number", "answer", body: .stream, use: requestAnswer)
        c.on(.POST, "experts", ":number", "opinion", body: .stream, use: expertOpinion)
        c.post("exports", use: export)
        c.get("documents", ":number", use: download)
        for sheet in CaseFileController.Sheet.allCases {
            c.get(.constant(sheet.rawValue)) { req async throws -> Response in
                try await CaseFileController.caseSheet(req, actor: try await AppealPagesController.signedIn(req), sheet)
            }
        }
        c.get("exports", ":number", ":format", use: exportFile)
    }

    @Sendable
    func upload(req: Request) async throws -> Response {
        try await takeFile(req, done: "add_document") { try $0.addDocument() }
    }

    @Sendable
    func requestAnswer(req: Request) async throws -> Response {
        let n = try CaseFileController.number(req)
        return try await takeFile(req, done: "record_request_answer") { u in
            RecordRequestAnswer(number: n, title: u.fields["title"], date: try u.date(), language: try u.language(), sheets: try u.sheets())
        }
    }

    @Sendable
    func expertOpinion(req: Request) async throws -> Response {
        let n = try CaseFileController.number(req)
        return try await takeFile(req, done: "record_expert_opinion") { u in
            RecordExpertOpinion(number: n, date: try u.date(), language: try u.language(), sheets: try u.sheets())
        }
    }

    func takeFile(_ req: Request, done: String, step: @escaping (Upload) throws -> any ProcedureStep) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        let id = try req.appealID()
        do {
            let upload = try await Upload.read(req)
            try CSRF.verify(req, sent: upload.fields["_csrf"])
            _ = try await CaseFileController.addFile(req, actor: actor, upload: upload, step: step)
            return req.redirect(to: "/appeals/\(id)?done=\(done)#case", redirectType: .normal)
        } catch {
            return try await refused(req, actor: actor, id: id, error)
        }
    }

    /// The appeal page again, with why the case's form was refused, in the reader's language.
    func refused(_ req: Request, actor: Actor, id: UUID, _ error: any Error) async throws -> Response {
        if let abort = error as? any AbortError, abort.status == .forbidden { throw abort }
        let problem = ProblemMiddleware.problem(for: error)
        guard problem.status != .notFound || problem.code != "not_found" else { throw error }
        return try await AppealPagesController(sessions: sessions).render(req, actor: actor, id: id, status: problem.status) { page, lang, t in
            if let e = error as? ProcedureError { page.error = e.text(lang) } else { page.error = t["case_error_" + problem.code] ?? problem.detail }
        }
    }

    @Sendable
    func export(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        try CSRF.verify(req)
        let id = try req.appealID()
        struct Form: Decodable { var lang: String? }
        let lang = (try? req.content.decode(Form.self)).flatMap { $0.lang }.flatMap(Language.init(rawValue:)).flatMap { $0 == .en ? nil : $0 } ?? .kk
        do {
            let e = try await CaseExport.make(req.application, appealID: id, actor: actor, lang: lang)
            return req.redirect(to: "/appeals/\(id)?done=record_export&export=\(e.number)#case", redirectType: .normal)
        } catch {
            return try await refused(req, actor: actor, id: id, error)
        }
    }

    @Sendable
    func download(req: Request) async throws -> Response {
        try await CaseFileController.download(req, actor: try await AppealPagesController.signedIn(req))
    }

    @Sendable
    func exportFile(req: Request) async throws -> Response {
        try await CaseFileController.exportFile(req, actor: try await AppealPagesController.signedIn(req))
    }
}
