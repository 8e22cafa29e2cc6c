import Vapor
import WorkingCalendar

/// A day's reason in the API: a stable code and the text in each language.
struct ReasonDTO: Content {
    var code: String
    var text: LocalizedText

    init(_ reason: DayReason) {
        code = reason.code
        text = LocalizedText(reason.text)
    }
}

struct ExplainedDayDTO: Content {
    var date: CivilDate
    var reason: ReasonDTO?
}

struct WarningDTO: Content {
    var code: String
    var text: LocalizedText
}

/// `GET /api/v1/terms`: the due date and how it was reached.
struct TermResponse: Content {
    struct Explanation: Content {
        var dayOne: CivilDate
        var dayOneRule: String
        var startReason: ReasonDTO?
        var nominalEnd: CivilDate
        var skipped: [ExplainedDayDTO]
        var rolledOver: [ExplainedDayDTO]
        var clampedToMonthEnd: Bool
        var workingDaysCounted: Int
        var warnings: [WarningDTO]
        /// The trail as lines a person reads, per language.
        var lines: [String: [String]]
    }

    var start: CivilDate
    var unit: TermUnit
    var amount: Int
    var convention: CountingConvention
    var end: CivilDate
    var calendarVersion: String
    var explanation: Explanation

    init(_ r: TermResult) {
        let e = r.explanation
        start = r.request.start
        unit = r.request.unit
        amount = r.request.amount
        convention = r.request.convention
        end = r.end
        calendarVersion = e.calendarVersion
        explanation = Explanation(
            dayOne: e.dayOne, dayOneRule: e.dayOneRule.rawValue, startReason: e.startReason.map(ReasonDTO.init),
            nominalEnd: e.nominalEnd,
            skipped: e.skipped.map { ExplainedDayDTO(date: $0.date, reason: $0.reason.map(ReasonDTO.init)) },
            rolledOver: e.rolledOver.map { ExplainedDayDTO(date: $0.date, reason: $0.reason.map(ReasonDTO.init)) },
            clampedToMonthEnd: e.clampedToMonthEnd, workingDaysCounted: e.workingDaysCounted,
            warnings: e.warnings.map { WarningDTO(code: $0.code, text: LocalizedText($0.text)) },
            lines: Dictionary(uniqueKeysWithValues: Language.allCases.map {
                ($0.rawValue, e.lines($0, unit: r.request.unit, amount: r.request.amount))
            }))
    }
}

/// `GET /api/v1/calendar`: every day in a range.
struct CalendarResponse: Content {
    struct Day: Content {
        var date: CivilDate
        var weekday: Int
        var working: Bool
        var reason: ReasonDTO?
        var projected: Bool
        var provisional: Bool
    }

    var calendarVersion: String
    var from: CivilDate
    var to: CivilDate
    var workingDays: Int
    var days: [Day]
}
