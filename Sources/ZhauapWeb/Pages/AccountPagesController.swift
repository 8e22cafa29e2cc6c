import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The registrar's register of the day (журнал) and changing one's password.
struct AccountPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let web = routes.grouped(sessions)
        web.get("journal", use: journal)
        web.get("password", use: passwordForm)
        web.post("password", use: changePassword)
    }

    struct JournalRow: Encodable {
        var id: UUID
        var number: String
        /// The registration day (APPC 64(3)) and, apart, the moment of receipt.
        var registeredOn: String
        var time: String
        var channel: String
        var applicant: String
        var receivedBy: String
    }

    struct JournalContent: Encodable {
        var day: String
        /// The day as the date picker takes it, and the days before and after.
        var dayISO: String
        var previous: String
        var following: String
        /// The registration day of an appeal arriving now (after hours: the next working day).
        var current: String
        var isCurrent: Bool
        var rows: [JournalRow]
        /// Appeals registered that day in all; the page shows at most `journalPage` of them.
        var total: Int
        /// The next page's address, when there are more.
        var next: String?
    }

    static let journalPage = 100

    @Sendable
    func journal(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        let body = try? await req.application.appealService.body(of: actor)
        let tz = body?.timeZone ?? AdministrativeBody.defaultTimeZone
        let now = req.application.appealService.now()
        // The register of the day an appeal arriving now is registered on: after working hours and on a day
        // off, the next working day (APPC 64(3)) — where the evening's appeals are.
        let calendar = try await req.application.calendarProvider.current()
        let current = body.flatMap { try? RegistrationDay.of(receivedAt: now, body: $0, calendar: calendar) }
            ?? RegistrationDay.local(now, timeZone: tz).date
        let day = (req.queryText("day")).flatMap { CivilDate($0) } ?? current
        // One page of the day in number order (an index range), and the day's count.
        let after = max(0, req.query[Int.self, at: "after"] ?? 0)
        let (appeals, total) = try await req.application.appealService.journal(actor: actor, day: day, after: after, limit: Self.journalPage)
        let next = appeals.count == Self.journalPage ? appeals.last.map { "/journal?day=\(day)&after=\($0.registration.sequence)" } : nil
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy HH:mm"
        f.timeZone = TimeZone(identifier: tz)
        return try await req.page("journal") { _, t in
            JournalContent(day: day.dotted, dayISO: day.description, previous: day.adding(days: -1).description,
                           following: day.adding(days: 1).description, current: current.description, isCurrent: day == current,
                           rows: appeals.map { a in
                let name = a.applicant.displayName ?? ""
                return JournalRow(id: a.id, number: a.registration.number, registeredOn: a.registration.registeredOn.dotted,
                                  time: f.string(from: a.registration.receivedAt),
                                  channel: t["channel_" + a.registration.channel.rawValue] ?? a.registration.channel.rawValue,
                                  applicant: name.isEmpty ? (t["appeal_missing"] ?? "—") : name, receivedBy: a.registration.receivedByName)
            }, total: total, next: next)
        }
    }

    struct PasswordContent: Encodable { var message: String?; var error: String? }

    @Sendable
    func passwordForm(req: Request) async throws -> Response {
        _ = try await AppealPagesController.signedIn(req)
        return try await req.page("password", PasswordContent(message: nil, error: nil))
    }

    struct PasswordForm: Content {
        var current: String
        var new: String
        var repeat_: String

        enum CodingKeys: String, CodingKey {
            case current, new
            case repeat_ = "repeat"
        }
    }

    @Sendable
    func changePassword(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        try CSRF.verify(req)
        let form = try req.content.decode(PasswordForm.self)
        let store = FluentOrganisationStore(database: req.db)
        guard let hash = try await store.passwordHash(of: actor.userID),
              try await req.password.async.verify(form.current, created: hash) else {
            return try await req.page("password", PasswordContent(message: nil, error: "password_wrong"), status: .unauthorized)
        }
        guard PasswordRule.accepts(form.new), form.new == form.repeat_ else {
            return try await req.page("password", PasswordContent(message: nil, error: "password_weak"), status: .unprocessableEntity)
        }
        // Other sessions and tokens of this user end; this browser stays signed in.
        let epoch = try await store.setPasswordHash(try await req.password.async.hash(form.new), for: actor.userID)
        try await req.moveSession(toEpoch: epoch)
        return try await req.page("password", PasswordContent(message: "password_changed", error: nil))
    }
}

/// `GET /head`: the body at a glance, for heads (R47).
struct HeadPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(sessions).get("head", use: head)
    }

    @Sendable
    func head(req: Request) async throws -> Response {
        let actor = try await AppealPagesController.signedIn(req)
        guard actor.roles.contains(.head) else { throw Abort(.forbidden) }
        let service = req.application.appealService
        let body = try await service.body(of: actor)
        let today = service.today(in: body)
        let atRisk = try await service.worklist(actor: actor, body: body, mine: false, dueWithinWorkingDays: 3, overdue: false, state: nil, kind: nil, limit: 100)
        let overdue = try await service.worklist(actor: actor, body: body, mine: false, dueWithinWorkingDays: nil, overdue: true, state: nil, kind: nil, limit: 100)
        let stats = try await service.statistics(actor: actor, since: HeadPage.firstWeek(today: today))
        let executors = try await service.colleagues(of: actor)
        let alerts = try await service.requestsNeedingAttention(actor: actor, mine: false)
        let objections = try await service.objectionsAwaitingAnswer(actor: actor, mine: false)
        let complaints = try await service.complaintsToPass(actor: actor)
        return try await req.page("head") { lang, t in
            var page = HeadPage.make(stats: stats, atRisk: atRisk, overdue: overdue, executors: executors, today: today, t: t)
            page.alerts = RequestAlertRow.rows(alerts, today: today, ru: lang == .ru, t: t)
            page.objections = ObjectionAlertRow.rows(objections)
            page.complaints = ComplaintAlertRow.rows(complaints, today: today)
            return page
        }
    }
}
