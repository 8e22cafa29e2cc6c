import Fluent
import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService

/// The appeals API: register, view, act, worklists; and the public tracking answer.
struct AppealsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let secured = routes.grouped(BearerAuthMiddleware()).grouped("appeals")
        secured.post(use: register)
        secured.get(use: worklist)
        secured.get(":id", use: show)
        secured.post(":id", "actions", use: act)
        routes.get("track", use: track)
    }

    func service(_ req: Request) -> AppealService { req.application.appealService }

    @Sendable
    func register(req: Request) async throws -> Response {
        let actor = try req.actor
        let body = try req.content.decode(RegisterAppealRequest.self)
        let key = req.headers.first(name: "Idempotency-Key")
        if let key, key.isEmpty || key.count > 200 {
            throw APIError.invalid("Idempotency-Key", code: "invalid_idempotency_key", "the key must be 1–200 characters")
        }
        let draft = try body.draft(now: req.application.appealService.now(), rules: req.application.termRules)
        // The answer is built from what the registration wrote: nothing is read back.
        let r = try await service(req).registerViewing(draft, actor: actor, body: req.actorBody, calendar: try await req.currentCalendar(),
                                                       idempotencyKey: key)
        let appeal = r.appeal
        let response = try await AppealResponse(appeal, body: r.body, actor: actor, trail: r.trail, calendar: r.calendar,
                                                today: req.application.appealService.today(in: r.body))
            .encodeResponse(for: req)
        response.status = r.replayed ? .ok : .created
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/appeals/\(appeal.id)")
        return response
    }

    @Sendable
    func show(req: Request) async throws -> AppealResponse {
        let actor = try req.actor
        let id = try req.appealID()
        let view = try await service(req).view(id, actor: actor)
        var org = req.actorBody
        if org == nil { org = try await service(req).body(of: actor) }
        guard let org else { throw ServiceError.notFound }
        return AppealResponse(view.appeal, body: org, actor: actor, trail: view.trail, calendar: view.calendar,
                              today: req.application.appealService.today(in: org))
    }

    @Sendable
    func act(req: Request) async throws -> AppealResponse {
        let actor = try req.actor
        let id = try req.appealID()
        let decoded = try req.content.decode(ActionRequest.self).command
        let command = try await Forward.naming(decoded) { try await service(req).bodies() }
        // With an Idempotency-Key, a step sent twice (a retry after a lost answer) is taken once.
        let key = req.headers.first(name: "Idempotency-Key")
        if let key, key.isEmpty || key.count > 200 {
            throw APIError.invalid("Idempotency-Key", code: "invalid_idempotency_key", "the key must be 1–200 characters")
        }
        _ = try await service(req).perform(command, on: id, actor: actor, idempotencyKey: key.map { "step:" + $0 })
        return try await show(req: req)
    }

    struct Worklist: Content {
        var items: [WorklistRow]
    }

    @Sendable
    func worklist(req: Request) async throws -> Worklist {
        let actor = try req.actor
        let limit = try req.optionalInt("limit", range: 1...500) ?? 100
        let filter = try WorklistParameters(req, mineByDefault: !actor.roles.contains(.head))
        let sortText = req.queryText("sort") ?? "due"
        guard let sort = WorklistSort(rawValue: sortText) else {
            throw APIError.invalid("sort", code: "invalid_value", "sort must be one of due, final, number")
        }
        return Worklist(items: try await service(req).worklist(actor: actor, body: req.actorBody, calendar: try await req.currentCalendar(),
                                                               mine: filter.mine, dueWithinWorkingDays: filter.within,
                                                               overdue: filter.overdue, state: filter.state, kind: filter.kind,
                                                               executorID: filter.executor, unassigned: filter.unassigned, sort: sort,
                                                               limit: limit))
    }

    struct Tracking: Content {
        var number: String
        var state: String
        var registeredOn: CivilDate
        var due: CivilDate?
        /// APPC 91(2): no act by the term's day — deemed refused from this day (the applicant may complain).
        var deemedRefusalSince: CivilDate?
        /// The act adopted, once signed, and the last day to complain about it once delivered (APPC 92).
        var actNumber: String?
        var actSignedOn: CivilDate?
        var complainBy: CivilDate?
        /// APPC 100: the act was cancelled by the higher body's decision of this number.
        var actCancelledBy: String?
    }

    /// Public: state and due date only, no personal data; the number and the coupon's code are both needed.
    @Sendable
    func track(req: Request) async throws -> Tracking {
        guard let number = req.queryText("number") else { throw APIError.missing("number") }
        guard let code = req.queryText("code") else { throw APIError.missing("code") }
        try await TrackingThrottle.check(req)
        guard let a = try await service(req).track(number: number, code: code) else {
            try await TrackingThrottle.missed(req)
            throw ServiceError.notFound
        }
        return Tracking(number: a.registration.number, state: a.state.rawValue, registeredOn: a.registration.registeredOn,
                        due: a.term(.consideration)?.due, deemedRefusalSince: a.deemedRefusal(on: try await service(req).today(of: a)),
                        actNumber: a.signedAct?.number, actSignedOn: a.signedAct?.signedOn, complainBy: a.term(.complaintFiling)?.due,
                        actCancelledBy: a.actCancelledBy?.number)
    }
}

/// The worklist's filters as the API takes them (`mine`, `dueWithin`, `overdue`, `state`, `kind`, `unassigned`,
/// `executor`), read and checked once for the worklist and the search.
struct WorklistParameters {
    var within: Int?
    var state: String?
    var kind: String?
    /// Only the actor's own appeals (never together with one executor's or the unassigned ones).
    var mine: Bool
    var overdue: Bool
    var unassigned: Bool
    var executor: UUID?

    init(_ req: Request, mineByDefault: Bool) throws {
        within = try req.optionalInt("dueWithin", range: 1...60)
        state = req.queryText("state")
        if let state, AppealState(rawValue: state) == nil { throw APIError.invalid("state", code: "invalid_value", "unknown state") }
        kind = req.queryText("kind")
        if let kind, AppealKind(rawValue: kind) == nil { throw APIError.invalid("kind", code: "invalid_value", "unknown kind") }
        let mine = try req.optionalBool("mine") ?? mineByDefault
        overdue = try req.optionalBool("overdue") ?? false
        unassigned = try req.optionalBool("unassigned") ?? false
        if let text = req.queryText("executor") {
            guard let id = UUID(uuidString: text) else { throw APIError.invalid("executor", code: "invalid_value", "executor must be a user id") }
            executor = id
        }
        self.mine = mine && executor == nil && !unassigned
    }
}

extension Request {
    func appealID() throws -> UUID {
        guard let id = parameters.get("id", as: UUID.self) else { throw ServiceError.notFound }
        return id
    }

    func optionalInt(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = queryText(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.invalid(name, code: "invalid_value", "\(name) must be a whole number \(range.lowerBound)–\(range.upperBound)")
        }
        return n
    }

    /// `true` or `false` (nothing else: `maybe`, `null` or `1` are refused, naming the parameter).
    func optionalBool(_ name: String) throws -> Bool? {
        guard let text = queryText(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIError.invalid(name, code: "invalid_value", "\(name) must be true or false")
        }
    }
}

/// `GET /api/v1/appeals/{id}/documents/{name}?lang=kk|ru[&format=pdf]`: a printable document, one language each.
struct DocumentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(BearerAuthMiddleware()).get("appeals", ":id", "documents", ":name", use: document)
    }

    @Sendable
    func document(req: Request) async throws -> Response {
        let actor = try req.actor
        let view = try await req.application.appealService.view(try req.appealID(), actor: actor)
        guard let name = req.parameters.get("name"), let doc = AppealDocument(rawValue: name), doc.isAvailable(for: view.appeal) else {
            throw APIError(.notFound, code: "not_found", detail: "no such document for this appeal")
        }
        let langText = req.queryText("lang") ?? "kk"
        guard let lang = Language(rawValue: langText), lang != .en else {
            throw APIError.invalid("lang", code: "invalid_language", "lang must be kk or ru")
        }
        guard doc.languages(for: view.appeal).contains(lang) else {
            throw APIError(.notFound, code: "language_not_produced", detail: "this document is produced in "
                           + doc.languages(for: view.appeal).map(\.rawValue).joined(separator: " and "), field: "lang")
        }
        let body = try await req.application.appealService.body(of: actor)
        return try await DocumentResponse.make(req, document: doc, appeal: view.appeal, body: body, lang: lang)
    }
}
