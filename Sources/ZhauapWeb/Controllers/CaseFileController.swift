import Foundation
import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The administrative case through the API (R10–R13, R20–R23): the case and its inventory, uploads,
/// downloads, the inventory, cover and certification sheet as documents, the export for a higher body or a
/// court, requests' answers and experts' opinions with their files, search, and the requests needing attention.
/// Facts, withdrawals, requests, reminders and experts are steps (`POST /appeals/{id}/actions`).
struct CaseFileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let secured = routes.grouped(BearerAuthMiddleware())
        let c = secured.grouped("appeals", ":id", "case")
        c.get(use: show)
        c.on(.POST, "documents", body: .stream, use: upload)
        c.get("documents", ":number", use: download)
        c.get("inventory", use: inventory)
        c.get("cover", use: cover)
        c.get("certification", use: certification)
        c.on(.POST, "requests", ":number", "answer", body: .stream, use: requestAnswer)
        c.on(.POST, "experts", ":number", "opinion", body: .stream, use: expertOpinion)
        c.post("exports", use: export)
        c.get("exports", ":number", ":format", use: exportFile)
        secured.get("cases", use: search)
        secured.get("assistance-alerts", use: alerts)
    }

    func service(_ req: Request) -> AppealService { req.application.appealService }

    struct CaseView: Content {
        struct Line: Content {
            var document: CaseDocument
            var titleKk: String
            var titleRu: String
            var sheetFrom: Int?
            var sheetTo: Int?
        }
        var appealId: UUID
        var caseFile: CaseFile
        var inventory: [Line]
        var totalSheets: Int
        var facts: [CaseFact]
        var assistance: [AssistanceRequest]
        var experts: [ExpertInvolvement]
        var exports: [CaseExport]

        init(_ a: Appeal) {
            appealId = a.id
            caseFile = a.caseFile
            let inv = Inventory(a)
            inventory = inv.lines.map {
                Line(document: $0.document, titleKk: CaseDocuments.title(of: $0.document, in: a, lang: .kk),
                     titleRu: CaseDocuments.title(of: $0.document, in: a, lang: .ru), sheetFrom: $0.sheets?.lowerBound, sheetTo: $0.sheets?.upperBound)
            }
            totalSheets = inv.totalSheets
            (facts, assistance, experts, exports) = (a.facts, a.assistance, a.experts, a.exports)
        }
    }

    @Sendable
    func show(req: Request) async throws -> CaseView {
        CaseView(try await service(req).view(try req.appealID(), actor: try req.actor).appeal)
    }

    static func number(_ req: Request) throws -> Int {
        guard let n = req.parameters.get("number", as: Int.self), n >= 1 else { throw APIError(.notFound, code: "not_found", detail: "no such number") }
        return n
    }

    /// Runs a step that adds an uploaded file and answers 201 with the document it added.
    static func takeFile(_ req: Request, step: @escaping (Upload) throws -> any ProcedureStep) async throws -> Response {
        let (_, added) = try await addFile(req, actor: try req.actor, upload: try await Upload.read(req), step: step)
        let response = try await added.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/appeals/\(try req.appealID())/case/documents/\(added.number)")
        return response
    }

    /// Adds the uploaded file by its step (the API's and the pages' one way): the case's room checked, the
    /// file stored with the step in one transaction.
    static func addFile(_ req: Request, actor: Actor, upload: Upload, step: (Upload) throws -> any ProcedureStep) async throws -> (UUID, CaseDocument) {
        let id = try req.appealID()
        let service = req.application.appealService
        let current = try await service.view(id, actor: actor).appeal
        try Upload.checkCaseRoom(current, adding: upload.file.content.count, limits: req.application.caseLimits)
        let key = (req.headers.first(name: "Idempotency-Key") ?? upload.fields["_once"]).map { "file:" + $0 }
        let changed = try await service.perform(AppealCommand(try step(upload)), on: id, actor: actor, idempotencyKey: key, attachment: upload.file)
        guard let added = changed.documents.last else { throw ServiceError.notFound }
        return (id, added)
    }

    @Sendable
    func upload(req: Request) async throws -> Response {
        try await Self.takeFile(req) { try $0.addDocument() }
    }

    @Sendable
    func requestAnswer(req: Request) async throws -> Response {
        let n = try Self.number(req)
        return try await Self.takeFile(req) { u in
            RecordRequestAnswer(number: n, title: u.fields["title"], date: try u.date(), language: try u.language(), sheets: try u.sheets())
        }
    }

    @Sendable
    func expertOpinion(req: Request) async throws -> Response {
        let n = try Self.number(req)
        return try await Self.takeFile(req) { u in RecordExpertOpinion(number: n, date: try u.date(), language: try u.language(), sheets: try u.sheets()) }
    }

    /// The document's file exactly as kept (its SHA-256 as the ETag); the registration card as HTML.
    @Sendable
    func download(req: Request) async throws -> Response { try await Self.download(req, actor: try req.actor) }

    static func download(_ req: Request, actor: Actor) async throws -> Response {
        let service = req.application.appealService
        let id = try req.appealID(), n = try Self.number(req)
        let view = try await service.view(id, actor: actor)
        guard let d = view.appeal.document(n) else { throw APIError(.notFound, code: "not_found", detail: "the case has no document \(n)") }
        guard d.file != nil else {
            let body = try await service.body(of: actor)
            return try await CaseDocumentResponse.make(req, html: CaseDocuments.registrationCard(view.appeal, body: body, lang: try Self.lang(req)),
                                                       name: "\(view.appeal.registration.number)-registration-card")
        }
        let (doc, content) = try await service.file(of: id, document: n, actor: actor)
        return Self.fileResponse(content, file: doc.file!, name: String(format: "%03d-", n) + (doc.file?.name ?? "file"))
    }

    static func fileResponse(_ content: Data, file: StoredFile, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.mediaType)
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: .eTag, value: "\"\(file.sha256)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        // A kept HTML letter is shown, never run: no script, no requests of its own.
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        return Response(status: .ok, headers: headers, body: .init(data: content))
    }

    static func lang(_ req: Request) throws -> Language {
        let text = req.queryText("lang") ?? "kk"
        guard let lang = Language(rawValue: text), lang != .en else { throw APIError.invalid("lang", code: "invalid_language", "lang must be kk or ru") }
        return lang
    }

    @Sendable
    func inventory(req: Request) async throws -> Response { try await Self.caseSheet(req, actor: try req.actor, .inventory) }

    @Sendable
    func cover(req: Request) async throws -> Response { try await Self.caseSheet(req, actor: try req.actor, .cover) }

    @Sendable
    func certification(req: Request) async throws -> Response { try await Self.caseSheet(req, actor: try req.actor, .certification) }

    /// The case's own sheets (Documentation Rules, order No. 236).
    enum Sheet: String, CaseIterable { case inventory, cover, certification }

    static func caseSheet(_ req: Request, actor: Actor, _ sheet: Sheet) async throws -> Response {
        let service = req.application.appealService
        let lang = try Self.lang(req)
        let view = try await service.view(try req.appealID(), actor: actor)
        let body = try await service.body(of: actor)
        let a = view.appeal, inv = Inventory(a)
        let html = switch sheet {
        case .inventory: CaseDocuments.inventory(a, inv, body: body, lang: lang)
        case .cover: CaseDocuments.cover(a, sheets: inv.totalSheets, body: body, lang: lang)
        case .certification: CaseDocuments.certification(a, inv, body: body, lang: lang, on: service.today(in: body))
        }
        return try await CaseDocumentResponse.make(req, html: html, name: "\(a.registration.number)-\(sheet.rawValue)-\(lang.rawValue)")
    }

    /// R13: prints and packs the case, keeps both files and records the export with its hashes on the trail.
    @Sendable
    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        let lang = try Self.lang(req)
        let id = try req.appealID()
        let exported = try await CaseExport.make(req.application, appealID: id, actor: actor, lang: lang)
        let response = try await exported.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/appeals/\(id)/case/exports/\(exported.number)/pdf")
        return response
    }

    @Sendable
    func exportFile(req: Request) async throws -> Response { try await Self.exportFile(req, actor: try req.actor) }

    static func exportFile(_ req: Request, actor: Actor) async throws -> Response {
        let id = try req.appealID(), n = try Self.number(req)
        guard let format = req.parameters.get("format"), format == "pdf" || format == "zip" else {
            throw APIError(.notFound, code: "not_found", detail: "an export is pdf or zip")
        }
        let (file, content) = try await req.application.appealService.exportFile(of: id, export: n, zip: format == "zip", actor: actor)
        return Self.fileResponse(content, file: file, name: file.name)
    }

    struct Hits: Content {
        struct Hit: Content {
            var appealId: UUID
            var number: String
            var caseIndex: String
            var document: Int?
            var title: String?
        }
        var items: [Hit]
    }

    @Sendable
    func search(req: Request) async throws -> Hits {
        let actor = try req.actor
        guard let given = req.queryText("q"), (1...200).contains(given.count) else {
            throw APIError.invalid("q", code: "invalid_value", "q must be 1–200 characters: a case index or words of a document's title")
        }
        let limit = try req.optionalInt("limit", range: 1...200) ?? 50
        let q = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { return Hits(items: []) }
        return Hits(items: try await service(req).searchCases(actor: actor, text: q, limit: limit).map {
            Hits.Hit(appealId: $0.appealID, number: $0.number, caseIndex: $0.caseIndex, document: $0.document, title: $0.title)
        })
    }

    struct Alerts: Content {
        struct Alert: Content {
            var appealId: UUID
            var number: String
            var executorId: UUID?
            var request: AssistanceRequest
            var overdue: Bool
        }
        var items: [Alert]
    }

    /// R22: requests past their term (still unanswered) and requests recorded as unanswerable; `mine=true`
    /// narrows to the actor's own appeals (the executor's desk), otherwise the body's (the head's page).
    @Sendable
    func alerts(req: Request) async throws -> Alerts {
        let actor = try req.actor
        let mine = try req.optionalBool("mine") ?? false
        let body = try await service(req).body(of: actor)
        let today = service(req).today(in: body)
        return Alerts(items: try await service(req).requestsNeedingAttention(actor: actor, mine: mine).map {
            Alerts.Alert(appealId: $0.appealID, number: $0.number, executorId: $0.executorID, request: $0.request, overdue: $0.request.isOverdue(on: today))
        })
    }
}

extension CaseDocument: Content {}
extension CaseExport: Content {}
extension AssistanceRequest: Content {}

extension CaseExport {
    /// Exports the case (R13) and records it: the one way the API, the pages and the command line do it.
    public static func make(_ app: Application, appealID: UUID, actor: Actor, lang: Language) async throws -> CaseExport {
        let service = app.appealService
        let view = try await service.view(appealID, actor: actor)
        let body = try await service.body(of: actor)
        let exporter = CaseExporter(renderer: app.pdfRenderer, joiner: CaseExporter.detectJoiner())
        let head = view.trail.last?.hash ?? ""
        let result = try await exporter.export(view.appeal, body: body, lang: lang, trailHead: head, trailLength: view.trail.count,
                                               today: service.today(in: body)) { try await service.content(sha256: $0) }
        let step = RecordExport(language: lang, documents: result.documents, sheets: result.sheets, manifestSHA256: result.manifestSHA256,
                                pdf: result.pdf.meta.file, zip: result.zip.meta.file, trailHead: head)
        let changed = try await service.perform(AppealCommand(step), on: appealID, actor: actor, files: [result.pdf, result.zip])
        guard let e = changed.exports.last else { throw ServiceError.notFound }
        return e
    }
}

/// One of the case's own sheets (inventory, cover, certification) as HTML or PDF (`format=pdf`).
enum CaseDocumentResponse {
    static func make(_ req: Request, html: String, name: String) async throws -> Response {
        var headers = HTTPHeaders()
        switch req.queryText("format") ?? "html" {
        case "html":
            headers.contentType = .html
            headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeadersMiddleware.documents)
            return Response(status: .ok, headers: headers, body: .init(string: html))
        case "pdf":
            let pdf = try await req.application.pdfRenderer.pdf(html: html)
            headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name).pdf\"")
            return Response(status: .ok, headers: headers, body: .init(data: pdf))
        case let other:
            throw APIError.invalid("format", code: "invalid_format", "format must be html or pdf, not \"\(other)\"")
        }
    }
}
