import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapText

/// The server-rendered pages (no JavaScript needed): sign-in, the desk, public tracking.
struct PagesController: RouteCollection {
    let throttle: SignInThrottle
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let web = routes.grouped(sessions)
        web.get("login", use: loginPage)
        web.post("login", use: login)
        web.post("logout", use: logout)
        web.get("desk", use: desk)
        web.get("track", use: trackForm)
        web.post("track", use: track)
        web.post("track", "objection", use: objection)
        web.post("track", "complaint", use: complaint)
    }

    struct LoginContent: Encodable { var error: String? }

    @Sendable
    func loginPage(req: Request) async throws -> Response {
        try await req.page("login", LoginContent(error: nil))
    }

    @Sendable
    func login(req: Request) async throws -> Response {
        do { try CSRF.verify(req) } catch { return try await req.page("login", LoginContent(error: "error_csrf"), status: .forbidden) }
        do {
            let actor = try await AuthController.verify(req, throttle: throttle)
            try await req.startSession(for: actor)
            return req.redirect(to: "/desk", redirectType: .normal)
        } catch let e as APIError {
            let key = e.status == .tooManyRequests ? "login_throttled" : "login_failed"
            return try await req.page("login", LoginContent(error: key), status: e.status)
        }
    }

    @Sendable
    func logout(req: Request) async throws -> Response {
        try CSRF.verify(req)
        try await req.endSession()
        return req.redirect(to: "/login", redirectType: .normal)
    }

    @Sendable
    func desk(req: Request) async throws -> Response {
        guard let actor = try await req.sessionActor() else { return req.redirect(to: "/login") }
        let body = try? await req.application.appealService.body(of: actor)
        let calendar = try await req.application.calendarProvider.current()
        let today = RegistrationDay.local(req.application.appealService.now(), timeZone: body?.timeZone ?? AdministrativeBody.defaultTimeZone).date
        let filter = DeskPage.Filter.read(scope: req.queryText("scope"), state: req.queryText("state"),
                                          kind: req.queryText("kind"), executor: req.queryText("executor"),
                                          sort: req.queryText("sort"), roles: actor.roles)
        let service = req.application.appealService
        // Without a state chosen, the appeals still being handled; sorted by the nearest due date.
        let state = filter.state == "any" ? nil : filter.state
        let worklist = try await service.worklistQuery(
            actor: actor, body: body, calendar: calendar, mine: filter.scope == "mine", dueWithinWorkingDays: nil, overdue: false, state: state,
            kind: filter.kind, openOnly: filter.state == nil, executorID: filter.executorID, unassigned: filter.scope == "unassigned",
            sort: filter.sort, limit: 200)
        // The search box: within the same filters; its hits replace the worklist (the words are never logged).
        let query = req.queryText("q") ?? ""
        let tooLong = query.count > SearchController.maxQueryLength
        let words = tooLong ? [] : SearchText.words(query)
        let hits: [SearchHit]? = tooLong || Clean.isBlank(query) ? nil
            : try await service.search(query, actor: actor, within: worklist, limit: 50, offset: 0)
        let norms = hits == nil ? [] : try await service.searchNorms(query, actor: actor, limit: 10)
        let rows = hits == nil && !tooLong ? try await service.worklist(worklist, actor: actor) : []
        let colleagues = try await service.colleagues(of: actor)
        // R22: the executor's own requests past their term; the head sees the body's on the head's page.
        let alerts = try await service.requestsNeedingAttention(actor: actor, mine: true)
        // APPC 73(3), R40: objections to a draft decision waiting for the executor's answer.
        let objections = try await service.objectionsAwaitingAnswer(actor: actor, mine: true)
        // APPC 91(4): the registrar (or the head) passes complaints on within three working days.
        let complaints = actor.roles.isDisjoint(with: [.registrar, .head]) ? [] : try await service.complaintsToPass(actor: actor)
        return try await req.page("desk") { lang, t in
            var page = DeskPage.make(rows: rows, filter: filter, bodyName: (lang == .ru ? body?.nameRu : body?.nameKk) ?? "", today: today,
                                     calendar: calendar, colleagues: colleagues, t: t)
            page.alerts = RequestAlertRow.rows(alerts, today: today, ru: lang == .ru, t: t)
            page.objections = ObjectionAlertRow.rows(objections)
            page.complaints = ComplaintAlertRow.rows(complaints, today: today)
            page.show(search: query, hits: hits, tooLong: tooLong, filter: filter, words: words, t: t)
            page.show(norms: norms, words: words, lang: lang, t: t)
            return page
        }
    }

    struct TrackContent: Encodable {
        var number: String
        var searched: Bool
        var found: Bool
        var state: String?
        var stateText: String?
        var registeredOn: String?
        var due: String?
        /// Where the appeal (or a part of it) was sent, and when.
        var forwardedTo: String?
        var forwardedToRu: String?
        var forwardedOn: String?
        var forwardedWhole: Bool = false
        /// APPC 73(3): the draft decision sent to the applicant while the hearing is pending, with the last day
        /// to object (nil while its delivery is not recorded) and whether an objection is still taken.
        var draft: DraftText?
        var objectionUntil: String?
        var objectionOpen: Bool = false
        /// After an objection: received, or the refusal's reason (with the text as typed).
        var objectionReceived: Bool = false
        var objectionError: String?
        var objectionText: String = ""
        /// APPC 91, 92: the act adopted (its number and day) or the deemed refusal (from that day), and the
        /// online complaint form while the applicant may complain; after a complaint: received, or why not.
        var actSigned: String?
        var deemedRefusal: String?
        var complaintOpen: Bool = false
        var complaintReceived: Bool = false
        var complaintError: String?
        var complaintText: String = ""
    }

    /// The tracked appeal's answer for the page: the state and due date, where it was forwarded, and the
    /// draft decision the applicant may object to — nothing else.
    static func content(_ a: Appeal, number: String, today: CivilDate, calendar: WorkingDayCalendar, rules: TermRules) -> (TrackContent, DraftDecision?) {
        var content = TrackContent(number: number, searched: true, found: true)
        content.state = a.state.rawValue
        content.registeredOn = a.registration.registeredOn.dotted
        content.due = a.term(.consideration)?.due.dotted
        if let f = a.forwardings.last {
            content.forwardedTo = f.targetName
            content.forwardedToRu = f.targetNameRu
            content.forwardedOn = f.forwardedOn.dotted
            content.forwardedWhole = f.demands == nil
        }
        if let s = a.signedAct { content.actSigned = "№ \(s.number) · \(s.signedOn.dotted)" }
        let refusedSince = a.deemedRefusal(on: today)
        content.deemedRefusal = refusedSince?.dotted
        content.complaintOpen = a.complaintAgainst == nil && a.kind == .application && (a.signedAct != nil || refusedSince != nil)
        // The draft in force, once it was sent to the addressee of a hearing still pending (R33).
        guard a.state.isOpen, let h = a.hearing, h.conduct == .pending, let draft = h.draft, let addressee = h.addressee,
              let receipt = a.draftReceipts(calendar: calendar, rules: rules).first(where: { $0.participant == addressee.number }),
              receipt.sentOn != nil else { return (content, nil) }
        content.objectionUntil = receipt.objectionUntil?.dotted
        content.objectionOpen = receipt.objectionUntil.map { today <= $0 } ?? true
        return (content, draft)
    }

    /// A tracking form as posted (CSRF-checked, throttled): its fields, the number as registered (upper case)
    /// and the code as typed.
    static func trackingForm(_ req: Request) async throws -> (FormFields, number: String, code: String) {
        try CSRF.verify(req)
        try await TrackingThrottle.check(req)
        let form = FormFields(req)
        return (form, (form.value("number") ?? "").trimmingCharacters(in: .whitespaces).uppercased(),
                (form.value("code") ?? "").trimmingCharacters(in: .whitespaces))
    }

    /// The tracked appeal with its draft decision, or nil: the number and code as typed, normalised as tracking does.
    func tracked(_ req: Request, number: String, code: String) async throws -> Appeal? {
        guard !number.isEmpty, !code.isEmpty, number.count <= 64, code.count <= 16 else { return nil }
        return try await req.application.appealService.track(number: number, code: code)
    }

    /// The tracking page for `a`, in the page's language (the draft in Kazakh or Russian, Kazakh by default).
    func trackPage(_ req: Request, _ a: Appeal, number: String, status: HTTPStatus = .ok,
                   adjust: @escaping (inout TrackContent, Language) -> Void = { _, _ in }) async throws -> Response {
        let service = req.application.appealService
        let body = try await service.bodies().first { $0.id == a.bodyID }
        let today = RegistrationDay.local(service.now(), timeZone: body?.timeZone ?? AdministrativeBody.defaultTimeZone).date
        let calendar = try await req.application.calendarProvider.current()
        let (content, draft) = Self.content(a, number: number, today: today, calendar: calendar, rules: req.application.termRules)
        return try await req.page("track", status: status) { lang, t in
            var c = content
            c.stateText = c.state.map { t["state_" + $0] ?? $0 }
            if lang == .ru, let ru = c.forwardedToRu { c.forwardedTo = ru }
            c.draft = draft.map { $0.text(lang == .ru ? .ru : .kk) ?? $0.kk }
            adjust(&c, lang)
            return c
        }
    }

    /// The same answer for a number and code that match nothing, whatever was asked (the throttle counts it).
    func notFound(_ req: Request, number: String) async throws -> Response {
        try await TrackingThrottle.missed(req)
        return try await req.page("track", status: .notFound) { _, _ in TrackContent(number: number, searched: true, found: false) }
    }

    /// Public tracking (APPC 64(2)): the form. The number and the code are posted, never put in the page's
    /// address (addresses end up in histories, logs and referrers).
    @Sendable
    func trackForm(req: Request) async throws -> Response {
        try await req.page("track", TrackContent(number: "", searched: false, found: false))
    }

    /// The state and due date only, the same status the staff see, and where a forwarded appeal went; while a
    /// hearing waits, the draft decision and the objection form (APPC 73(3)). The coupon's code is accepted
    /// in any letter case.
    @Sendable
    func track(req: Request) async throws -> Response {
        let (_, number, code) = try await Self.trackingForm(req)
        guard !number.isEmpty || !code.isEmpty else { return try await req.page("track", TrackContent(number: number, searched: false, found: false)) }
        guard let a = try await tracked(req, number: number, code: code) else { return try await notFound(req, number: number) }
        return try await trackPage(req, a, number: number)
    }

    /// `POST /track/objection` (APPC 73(3)): the applicant objects to the draft decision with the appeal's
    /// number and the coupon's code. Received: the page says so; after the window: refused with its last day;
    /// a number and code that match nothing: the tracking page's own not-found answer. The text is never logged.
    @Sendable
    func objection(req: Request) async throws -> Response {
        let (form, number, code) = try await Self.trackingForm(req)
        let text = form.values["text"] ?? ""
        guard let a = try await tracked(req, number: number, code: code) else { return try await notFound(req, number: number) }
        do {
            guard let after = try await req.application.appealService.submitObjection(number: number, code: code, text: text) else {
                return try await notFound(req, number: number)
            }
            return try await trackPage(req, after, number: number) { c, _ in c.objectionReceived = true }
        } catch let e as ProcedureError {
            return try await trackPage(req, a, number: number, status: ProblemMiddleware.procedureProblem(e).status) { c, lang in
                c.objectionError = e.text(lang)
                c.objectionText = text
            }
        }
    }

    /// `POST /track/complaint` (APPC 91(4), 92): the applicant complains online about the act or the deemed
    /// refusal with the appeal's number and the coupon's code. Received: the page says so; refused: why, the
    /// text kept; a number and code that match nothing: the tracking page's own not-found answer. The text is
    /// never logged.
    @Sendable
    func complaint(req: Request) async throws -> Response {
        let (form, number, code) = try await Self.trackingForm(req)
        let text = form.values["text"] ?? ""
        guard let a = try await tracked(req, number: number, code: code) else { return try await notFound(req, number: number) }
        do {
            guard let after = try await req.application.appealService.submitComplaint(number: number, code: code, text: text) else {
                return try await notFound(req, number: number)
            }
            return try await trackPage(req, after, number: number) { c, _ in c.complaintReceived = true; c.complaintOpen = false }
        } catch let e as ProcedureError {
            return try await trackPage(req, a, number: number, status: ProblemMiddleware.procedureProblem(e).status) { c, lang in
                c.complaintError = e.text(lang)
                c.complaintText = text
            }
        }
    }
}
