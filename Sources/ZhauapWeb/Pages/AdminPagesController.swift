import NIOFoundationEssentialsCompat
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The administrators' calendar page: a year with every day off and its reason, the version in force, and
/// the import of a new year's file.
struct AdminPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(sessions).grouped("admin")
        admin.get("calendar", use: calendar)
        admin.on(.POST, "calendar", body: .collect(maxSize: "1mb"), use: importCalendar)
    }

    static func admin(_ req: Request) async throws -> Actor {
        let actor = try await AppealPagesController.signedIn(req)
        guard Permissions.administers(actor) else { throw Abort(.forbidden) }
        return actor
    }

    /// The admin may manage this body (their own, or any for an installation administrator); another body's
    /// pages are not found, as another body's appeals are.
    static func requireBody(_ actor: Actor, _ bodyID: UUID) throws {
        guard Permissions.mayAdminister(actor, bodyID: bodyID) else { throw Abort(.notFound) }
    }

    /// The installation's own matters (new bodies, the calendar): an installation administrator only.
    static func requireInstallation(_ actor: Actor) throws {
        guard Permissions.administersInstallation(actor) else { throw Abort(.forbidden) }
    }

    struct Day: Encodable {
        var day: Int; var working: Bool; var reason: String; var blank: Bool
        /// A weekend day worked by a decreed transfer.
        var worked: Bool = false
    }
    struct Month: Encodable { var name: String; var days: [Day] }
    struct CalendarContent: Encodable {
        var year: Int
        var previous: Int
        var next: Int
        var version: String
        var workingDays: Int
        var months: [Month]
        var offDays: [String]
        /// The weekday initials over each month.
        var weekdays: [String]
        var message: String?
        var error: String?
    }

    static let monthNames: [Language: [String]] = [
        .kk: ["Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде", "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"],
        .ru: ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    func render(_ req: Request, year requested: Int?, message: String?, error: String?, status: HTTPStatus) async throws -> Response {
        let cal = try await req.application.calendarProvider.current()
        let year = min(max(requested ?? RegistrationDay.local(req.application.appealService.now(), timeZone: AdministrativeBody.defaultTimeZone).date.year, cal.years.lowerBound), cal.years.upperBound)
        let days = try cal.days(from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!)
        return try await req.page("admin-calendar", status: status) { lang, t in
            let months = (1...12).map { m -> Month in
                let inMonth = days.filter { $0.date.month == m }
                let lead = (inMonth.first?.date.weekday.rawValue ?? 1) - 1
                return Month(name: Self.monthNames[lang]![m - 1],
                             days: Array(repeating: Day(day: 0, working: true, reason: "", blank: true), count: lead)
                                + inMonth.map { Day(day: $0.date.day, working: $0.isWorking, reason: $0.reason?.text(lang) ?? "", blank: false,
                                                  worked: $0.isWorking && $0.reason != nil) })
            }
            let off = days.filter { !$0.isWorking && $0.reason.map { if case .weekend = $0 { false } else { true } } ?? false }
                .map { "\($0.date.dotted) — \($0.reason!.text(lang))" }
            let worked = days.filter { $0.isWorking && $0.reason != nil }.map { "\($0.date.dotted) — \($0.reason!.text(lang))" }
            return CalendarContent(year: year, previous: year - 1, next: year + 1, version: cal.version,
                                   workingDays: days.filter(\.isWorking).count, months: months, offDays: off + worked,
                                   weekdays: (t["weekdays_short"] ?? "").split(separator: " ").map(String.init),
                                   message: message, error: error)
        }
    }

    @Sendable
    func calendar(req: Request) async throws -> Response {
        _ = try await Self.admin(req)
        return try await render(req, year: req.query[Int.self, at: "year"], message: nil, error: nil, status: .ok)
    }

    struct Upload: Content {
        var file: File
    }

    @Sendable
    func importCalendar(req: Request) async throws -> Response {
        let actor = try await Self.admin(req)
        try Self.requireInstallation(actor)
        try CSRF.verify(req)
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await render(req, year: nil, message: nil, error: "—", status: .badRequest)
        }
        do {
            let cal = try await req.application.calendarProvider.importOverride(Data(buffer: upload.file.data), importedBy: actor.name, now: req.application.appealService.now())
            let moved = try await req.application.appealService.recomputeOpenTerms()
            return try await render(req, year: nil, message: "\(cal.version) (\(moved))", error: nil, status: .ok)
        } catch let e as CalendarError {
            return try await render(req, year: nil, message: nil, error: e.description, status: .unprocessableEntity)
        }
    }
}
