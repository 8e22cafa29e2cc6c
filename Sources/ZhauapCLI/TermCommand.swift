import Foundation
import Vapor
import WorkingCalendar
import ZhauapStorage
import ZhauapWeb

/// `zhauap term`: computes a due date on the calendar in force, or many from JSON lines (`--batch`).
struct TermCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "event day, YYYY-MM-DD")
        var from: String?
        @Option(name: "working-days", help: "term in working days")
        var workingDays: String?
        @Option(name: "calendar-days", help: "term in calendar days")
        var calendarDays: String?
        @Option(name: "months", help: "term in months")
        var months: String?
        @Option(name: "years", help: "term in years")
        var years: String?
        @Option(name: "convention", help: "event-day (default: the event day is day 1) or next-day")
        var convention: String?
        @Option(name: "lang", help: "language of the explanation: kk (default), ru or en")
        var lang: String?
        @Flag(name: "explain", help: "print how the date was reached")
        var explain: Bool
        @Flag(name: "batch", help: "read JSON lines from stdin, write one JSON line per input")
        var batch: Bool
    }

    var help: String { "Compute a term's last day on Kazakhstan's working-day calendar" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = try context.requireApplication()
        let calendar = try await computingCalendar(app)
        if signature.batch {
            BatchTerms.stream(calendar: calendar)
            return
        }
        let request = try Self.request(from: signature)
        let language = try Language.parse(signature.lang)
        let result: TermResult
        do { result = try calendar.term(request) } catch { throw CLIError("\(error)") }
        context.console.print(result.end.description)
        if signature.explain {
            for line in result.explanation.lines(language, unit: request.unit, amount: request.amount) {
                context.console.print(line)
            }
        }
    }

    static func request(from s: Signature) throws -> TermRequest {
        guard let fromText = s.from else { throw CLIError("--from YYYY-MM-DD is required") }
        let start: CivilDate
        do { start = try CivilDate(iso: fromText) } catch { throw CLIError("--from: \(error)") }
        let given: [(TermUnit, String)] = [(.workingDays, s.workingDays), (.calendarDays, s.calendarDays),
                                           (.months, s.months), (.years, s.years)].compactMap { u, v in v.map { (u, $0) } }
        guard given.count == 1, let (unit, amountText) = given.first else {
            throw CLIError("give exactly one of --working-days, --calendar-days, --months, --years")
        }
        guard let amount = Int(amountText), (1...TermRequest.maximumAmount).contains(amount) else {
            throw CLIError("the amount must be a whole number from 1 to \(TermRequest.maximumAmount), got \"\(amountText)\"")
        }
        var convention = CountingConvention.eventDay
        if let c = s.convention {
            guard let parsed = CountingConvention(flexible: c) else { throw CLIError("--convention must be event-day or next-day") }
            convention = parsed
        }
        return TermRequest(start: start, unit: unit, amount: amount, convention: convention)
    }
}

extension Language {
    static func parse(_ text: String?) throws -> Language {
        guard let text else { return .kk }
        guard let l = Language(rawValue: text) else { throw CLIError("--lang must be kk, ru or en") }
        return l
    }
}

/// The calendar for a command that only computes: with no SQLite database where the configuration points,
/// the shipped calendar — said on standard error — and no database is created as a side effect; otherwise
/// the calendar in force (the shipped data with every import).
func computingCalendar(_ app: Application) async throws -> WorkingDayCalendar {
    if case .sqliteFile(let path) = app.databaseLocation, !FileManager.default.fileExists(atPath: path) {
        let calendar: WorkingDayCalendar
        do { calendar = try WorkingDayCalendar.kazakhstan() } catch { throw CLIError("\(error)") }
        ZhauapCLI.standardError("zhauap: no database at \(path): the shipped calendar \(calendar.version) is used (imported changes are not)")
        return calendar
    }
    try await prepareDatabase(app)
    return try await app.calendarProvider.current()
}
