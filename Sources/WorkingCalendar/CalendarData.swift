/// The calendar of Kazakhstan as cited data: the file shipped in `Resources/kz-calendar.json`, and the
/// override files an administrator imports (same format) when a new year's decree is published.
///
/// Law that can change lives here, never in code: statutory holidays with the years they apply,
/// religious days off, the weekend-coincidence rule, and decreed transfers per year.
public struct CalendarData: Sendable, Codable, Equatable {
    /// Format of the file; this code reads format 1.
    public var format: Int
    /// A label naming this edition of the data, e.g. `kz-2026.11.24` or `2028-order-123`.
    public var version: String
    public var country: String?
    /// The years the data claims to cover completely (every year has an entry in `years`).
    public var coverage: Coverage?
    /// ISO weekdays that are days off every week (6 = Saturday, 7 = Sunday).
    public var weekendDays: [Int]?
    public var weekendCoincidence: WeekendCoincidenceRule?
    /// Names of the bodies that issue transfer acts, by key (`government`, `labour-minister`).
    public var issuers: [String: LocalizedText]?
    public var sources: [String]?
    public var holidays: [HolidayRule]?
    /// Per year (`"2024"`): its status, religious days off with a set date, and decreed transfers.
    public var years: [String: YearEntry]?

    public struct Coverage: Sendable, Codable, Equatable {
        public var fromYear: Int
        public var toYear: Int
    }

    /// APPC/Law on holidays Art. 5: a holiday on a day off makes the next working day a day off.
    public struct WeekendCoincidenceRule: Sendable, Codable, Equatable {
        public var fromYear: Int
        public var toYear: Int?
        public var basis: String
    }

    public enum HolidayKind: String, Sendable, Codable {
        /// A holiday under the Law on holidays: a day off, with a substitute when it falls on a weekend.
        case statutory
        /// A religious day off (Labour Code Art. 84(5)): never produces a substitute.
        case religious
    }

    /// A holiday on a fixed day of the year (month and day), or a religious day whose date is set per
    /// year in `years[…].religiousDaysOff` (no month and day).
    public struct HolidayRule: Sendable, Codable, Equatable {
        public var id: String
        public var kind: HolidayKind
        public var name: LocalizedText
        public var month: Int?
        public var day: Int?
        public var fromYear: Int?
        public var toYear: Int?
        /// The legal source of the rule.
        public var basis: String
        /// V: seen in the law; S: secondary source; U: unverified.
        public var status: String?

        public func applies(in year: Int) -> Bool {
            (fromYear ?? Int.min) <= year && year <= (toYear ?? Int.max)
        }
    }

    public struct YearEntry: Sendable, Codable, Equatable {
        /// `confirmed` once the year's decree and religious dates are known; `provisional` until then.
        public var status: YearStatus
        public var religiousDaysOff: [DatedHoliday]?
        public var transfers: [Transfer]?
        public var note: String?
    }

    public enum YearStatus: String, Sendable, Codable {
        case confirmed, provisional
    }

    /// A religious day off on the date set for this year (e.g. the first day of Kurban Ait).
    public struct DatedHoliday: Sendable, Codable, Equatable {
        /// The `id` of a religious `HolidayRule`.
        public var holiday: String
        public var date: CivilDate
        public var provisional: Bool?
        /// A date announced earlier and later corrected (kept so explanations can say so).
        public var announced: CivilDate?
        public var source: String?
        public var note: String?
    }

    /// A decreed transfer: `dayOff` becomes a day off and/or `workingDay` becomes a working day.
    /// Either side may be absent (a substitute cancelled, a day off granted without a working day).
    public struct Transfer: Sendable, Codable, Equatable {
        public var dayOff: CivilDate?
        public var workingDay: CivilDate?
        public var act: LegalAct
        public var note: String?
    }

    /// The act that decreed a transfer: who issued it and its reference (e.g. an adilet document id).
    public struct LegalAct: Sendable, Codable, Equatable, Hashable {
        public var issuer: String
        public var ref: String?
        public var number: String?
        public var date: CivilDate?
        public var title: String?
    }
}
