/// Kazakhstan's working-day calendar, compiled from `CalendarData` into per-day tables so that every
/// question is answered in O(1): whether a day is working, why not, how many working days lie between
/// two dates, and which day is the n-th working day from a date.
///
/// Years the data covers are exact; years after it (up to `projectionYears`) are projected from the
/// statutory rules alone and every answer touching them says so.
public struct WorkingDayCalendar: Sendable {
    /// How many years after the data's last year are projected from the statutory rules.
    public static let projectionYears = 5

    /// Names the data edition(s) this calendar was compiled from; every term result carries it.
    public let version: String
    public let data: CalendarData
    /// Years with data (exact).
    public let dataYears: ClosedRange<Int>
    /// Every year the calendar answers for (data years plus projected years).
    public let years: ClosedRange<Int>

    let firstDayNumber: Int
    let working: [Bool]
    let reasons: [DayReason?]
    let provisional: [Bool]
    /// `cumulative[i]`: working days with index < i (count = days + 1).
    let cumulative: [Int32]
    /// Each working day's date, in order: the n-th working day is read, not computed.
    let workingDates: [CivilDate]
    /// Day index of the first day of each month of `years` (12 per year): a date's index without division.
    let monthStart: [Int32]

    /// Compiles validated data. Throws `invalidData` listing every problem.
    public init(data: CalendarData) throws(CalendarError) {
        let problems = data.problems()
        guard problems.isEmpty else { throw .invalidData(problems) }
        let yearKeys = (data.years ?? [:]).keys.compactMap(Int.init)
        guard let lo = data.coverage?.fromYear ?? yearKeys.min(), let hi = data.coverage?.toYear ?? yearKeys.max() else {
            throw .invalidData(["coverage: the data names no years"])
        }
        self.data = data
        self.version = data.version
        self.dataYears = lo...hi
        self.years = lo...(hi + Self.projectionYears)
        var builder = Builder(data: data, years: years)
        builder.build()
        self.firstDayNumber = builder.firstDayNumber
        self.working = builder.working
        self.reasons = builder.reasons
        self.provisional = builder.provisional
        var cumulative = [Int32](repeating: 0, count: builder.working.count + 1)
        var workingIndex: [Int32] = []
        workingIndex.reserveCapacity(builder.working.count)
        for (i, w) in builder.working.enumerated() {
            cumulative[i + 1] = cumulative[i] + (w ? 1 : 0)
            if w { workingIndex.append(Int32(i)) }
        }
        self.cumulative = cumulative
        let first = builder.firstDayNumber
        self.workingDates = workingIndex.map { CivilDate(dayNumber: first + Int($0)) }
        self.monthStart = years.flatMap { y in
            (1...12).map { m in Int32(CivilDate(year: y, month: m, day: 1)!.dayNumber - first) }
        }
    }

    public var firstDay: CivilDate { CivilDate(dayNumber: firstDayNumber) }
    public var lastDay: CivilDate { CivilDate(dayNumber: firstDayNumber + working.count - 1) }

    @inline(__always)
    func index(_ date: CivilDate) throws(CalendarError) -> Int {
        let m = (date.year - years.lowerBound) * 12 + date.month - 1
        guard m >= 0, m < monthStart.count else { throw .outOfRange(date, supported: years) }
        return Int(monthStart[m]) + date.day - 1
    }

    @inline(__always)
    func date(at index: Int) -> CivilDate { CivilDate(dayNumber: firstDayNumber + index) }

    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        working[try index(date)]
    }

    /// The reason a day is off (or a weekend day is working); `nil` for an ordinary working day.
    public func reason(for date: CivilDate) throws(CalendarError) -> DayReason? {
        reasons[try index(date)]
    }

    public func day(_ date: CivilDate) throws(CalendarError) -> DayInfo {
        let i = try index(date)
        return DayInfo(date: date, isWorking: working[i], reason: reasons[i],
                       projected: date.year > dataYears.upperBound, provisional: provisional[i])
    }

    /// Every day from `from` through `to`, inclusive.
    public func days(from: CivilDate, to: CivilDate) throws(CalendarError) -> [DayInfo] {
        let a = try index(from), b = try index(to)
        guard a <= b else { return [] }
        var out: [DayInfo] = []
        out.reserveCapacity(b - a + 1)
        for i in a...b {
            let d = date(at: i)
            out.append(DayInfo(date: d, isWorking: working[i], reason: reasons[i],
                               projected: d.year > dataYears.upperBound, provisional: provisional[i]))
        }
        return out
    }

    /// Working days from `from` through `to`, both included (0 when `to` is before `from`).
    public func workingDays(from: CivilDate, through to: CivilDate) throws(CalendarError) -> Int {
        let a = try index(from), b = try index(to)
        guard a <= b else { return 0 }
        return Int(cumulative[b + 1] - cumulative[a])
    }

    /// The first working day on or after `date`.
    public func firstWorkingDay(onOrAfter date: CivilDate) throws(CalendarError) -> CivilDate {
        try nthWorkingDay(1, onOrAfter: date)
    }

    /// The `n`-th working day (n ≥ 1) counting from `date`, where `date` itself counts as the first
    /// if it is a working day. O(1): two table look-ups.
    @inline(__always)
    public func nthWorkingDay(_ n: Int, onOrAfter date: CivilDate) throws(CalendarError) -> CivilDate {
        guard n >= 1 else { throw .invalidAmount(n) }
        let k = Int(cumulative[try index(date)]) + n - 1
        guard k < workingDates.count else { throw .outOfRange(lastDay.adding(days: 1), supported: years) }
        return workingDates[k]
    }
}
