/// What can go wrong with dates, calendars and terms. Each case names what was wrong.
public enum CalendarError: Error, Sendable, Equatable {
    /// Text that is not a real date in `YYYY-MM-DD` form.
    case invalidDate(String)
    /// The date lies outside the years the calendar can answer for.
    case outOfRange(CivilDate, supported: ClosedRange<Int>)
    /// A term amount that is zero, negative or too large.
    case invalidAmount(Int)
    /// Calendar data that failed validation; every problem is listed.
    case invalidData([String])
}

extension CalendarError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidDate(let text): "not a valid date (YYYY-MM-DD): \"\(text)\""
        case .outOfRange(let date, let years):
            "\(date) is outside the calendar's years \(years.lowerBound)–\(years.upperBound)"
        case .invalidAmount(let n): "the amount must be a whole number from 1 to 10000, got \(n)"
        case .invalidData(let problems): "invalid calendar data:\n- " + problems.joined(separator: "\n- ")
        }
    }
}
