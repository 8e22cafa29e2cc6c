import Foundation
/// The unit a term is counted in (GUIDE R16).
public enum TermUnit: String, Sendable, Codable, CaseIterable {
    case workingDays = "working_days"
    case calendarDays = "calendar_days"
    case months
    case years
}

/// How counting starts.
public enum CountingConvention: String, Sendable, Codable, CaseIterable {
    /// The guide's rule (R18): the event day is day 1; a month or year term ends on the day before the
    /// same-numbered day. The default.
    case eventDay = "event-day"
    /// The Civil Code's rule: counting starts the day after the event; a month or year term ends on the
    /// same-numbered day.
    case nextDay = "next-day"

    /// Accepts `event-day`, `event_day`, `next-day`, `next_day`.
    public init?(flexible text: String) {
        self.init(rawValue: text.replacingOccurrences(of: "_", with: "-"))
    }
}

/// A term to compute: an amount of a unit counted from an event day.
public struct TermRequest: Sendable, Hashable, Codable {
    public var start: CivilDate
    public var unit: TermUnit
    public var amount: Int
    public var convention: CountingConvention

    public init(start: CivilDate, unit: TermUnit, amount: Int, convention: CountingConvention = .eventDay) {
        self.start = start
        self.unit = unit
        self.amount = amount
        self.convention = convention
    }

    /// The largest amount accepted in any unit.
    public static let maximumAmount = 10_000
}

/// A computed term: its last day and how it was reached.
public struct TermResult: Sendable, Hashable {
    public var request: TermRequest
    /// The last day of the term (the due date).
    public var end: CivilDate
    public var explanation: TermExplanation
}

/// Everything a supervisor or a court asks about a due date.
public struct TermExplanation: Sendable, Hashable {
    public enum DayOneRule: String, Sendable, Hashable {
        /// The event day is a working day and counts as day 1.
        case eventDay = "event_day"
        /// The event day is not a working day: the first working day after it is day 1.
        case firstWorkingDayAfterNonWorkingEvent = "first_working_day_after_non_working_event"
        /// Counting starts on the day after the event.
        case dayAfterEvent = "day_after_event"
        /// The next-day convention, and the day after the event was not working.
        case firstWorkingDayAfterEvent = "first_working_day_after_event"
    }

    public struct Day: Sendable, Hashable {
        public var date: CivilDate
        public var reason: DayReason?
    }

    public var start: CivilDate
    /// The day counted as day 1, and why.
    public var dayOne: CivilDate
    public var dayOneRule: DayOneRule
    /// Why the event day itself is not working, when that moved day 1.
    public var startReason: DayReason?
    /// Where counting alone lands, before any roll-forward.
    public var nominalEnd: CivilDate
    /// Non-working days between day 1 and the nominal end that a working-day count passed over.
    public var skipped: [Day]
    /// Non-working days from the nominal end onward: the term ends on the next working day after them.
    public var rolledOver: [Day]
    /// For months and years: the target month had no same-numbered day, so its last day was used.
    public var clampedToMonthEnd: Bool
    public var end: CivilDate
    /// Working days from day 1 through the end, both included.
    public var workingDaysCounted: Int
    public var calendarVersion: String
    public var warnings: [TermWarning]
}

/// Something that makes a due date less than certain.
public enum TermWarning: Sendable, Hashable {
    /// The term runs into a year for which no decree or religious dates are recorded yet.
    case projectedYear(Int)
    /// The term runs over a day or year whose data is provisional.
    case provisionalData(CivilDate)

    public var code: String {
        switch self {
        case .projectedYear: "projected_year"
        case .provisionalData: "provisional_data"
        }
    }

    public func text(_ lang: Language) -> String {
        switch self {
        case .projectedYear(let y):
            [.kk: "\(y) жылға ауыстыру туралы акт пен діни мерекелердің күндері әлі енгізілмеген: мерзім заңдағы мерекелер бойынша ғана есептелді",
             .ru: "за \(y) год ещё не внесены акт о переносе выходных и даты религиозных праздников: срок рассчитан только по праздникам закона",
             .en: "no transfer act or religious dates are recorded for \(y) yet: the term is computed from the statutory holidays only"][lang]!
        case .provisionalData(let d):
            [.kk: "\(d.dotted) күнгі деректер алдын ала (расталмаған)", .ru: "данные на \(d.dotted) предварительные (не подтверждены)",
             .en: "the data for \(d.dotted) is provisional (not yet confirmed)"][lang]!
        }
    }
}
