import Foundation
import Vapor
import WorkingCalendar
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap calendar days|import|version`.
struct CalendarCommands: AsyncCommandGroup {
    var help: String { "Kazakhstan's working-day calendar: list days, import a year's data, show the version" }
    var commands: [String: any AnyAsyncCommand] {
        ["days": DaysCommand(), "import": ImportCommand(), "version": VersionCommand()]
    }
}

/// `zhauap calendar days --from … --to …`: CSV `date,working,reason`, one row per day.
struct DaysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "first day, YYYY-MM-DD")
        var from: String?
        @Option(name: "to", help: "last day, YYYY-MM-DD")
        var to: String?
        @Option(name: "lang", help: "language of the reasons: kk (default), ru or en")
        var lang: String?
    }

    var help: String { "Print every day from --from to --to as CSV: date,working,reason" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let fromText = signature.from, let toText = signature.to else { throw CLIError("--from and --to are required") }
        let from: CivilDate, to: CivilDate
        do { from = try CivilDate(iso: fromText); to = try CivilDate(iso: toText) } catch { throw CLIError("\(error)") }
        guard from <= to else { throw CLIError("--to must not be before --from") }
        let language = try Language.parse(signature.lang)
        let app = try context.requireApplication()
        let calendar = try await computingCalendar(app)
        let days: [DayInfo]
        do { days = try calendar.days(from: from, to: to) } catch { throw CLIError("\(error)") }
        var out = "date,working,reason\n"
        for day in days {
            out += "\(day.date),\(day.isWorking),\(Self.csvField(day.reason?.text(language) ?? ""))\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `zhauap calendar import FILE`: validate an override file (same format as the shipped data) and store
/// it; open terms are computed on it from then on.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "calendar data file (JSON, the format of Resources/kz-calendar.json)")
        var file: String
        @Option(name: "by", help: "who imports it (recorded with the import)")
        var by: String?
    }

    var help: String { "Validate and store a calendar override file (e.g. next year's decree)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let content = FileManager.default.contents(atPath: signature.file) else {
            throw CLIError("cannot read \(signature.file)")
        }
        let app = try context.requireApplication()
        try await prepareDatabase(app)
        let calendar: WorkingDayCalendar
        do {
            calendar = try await app.calendarProvider.importOverride(content, importedBy: signature.by, now: Date())
        } catch let e as CalendarError {
            throw CLIError("\(signature.file) was not imported: \(e)")
        }
        let changed = try await app.appealService.recomputeOpenTerms()
        context.console.print("imported \(signature.file)")
        context.console.print("open appeals whose due dates moved: \(changed)")
        context.console.print("calendar version: \(calendar.version)")
        context.console.print("years with data: \(calendar.dataYears.lowerBound)–\(calendar.dataYears.upperBound)")
    }
}

/// `zhauap calendar version`: the calendar in force and the years it covers.
struct VersionCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Show the calendar version in force" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = try context.requireApplication()
        let calendar = try await computingCalendar(app)
        context.console.print("calendar version: \(calendar.version)")
        context.console.print("years with data: \(calendar.dataYears.lowerBound)–\(calendar.dataYears.upperBound)")
        context.console.print("projected from statutory rules: \(calendar.dataYears.upperBound + 1)–\(calendar.years.upperBound)")
    }
}

extension CommandContext {
    func requireApplication() throws -> Application { application }
}
