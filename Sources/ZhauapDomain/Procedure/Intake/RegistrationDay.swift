import Foundation
import WorkingCalendar

/// APPC 64(3), R1: an appeal is registered on the day it arrives; one that arrives after working hours
/// or on a non-working day is registered on the next working day.
public enum RegistrationDay {
    /// The civil date and minute of the day of `instant` in the body's time zone.
    public static func local(_ instant: Date, timeZone: String) -> (date: CivilDate, minute: Int) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 5 * 3600)!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CivilDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CivilDate(dayNumber: 0)
        return (date, (c.hour ?? 0) * 60 + (c.minute ?? 0))
    }

    public static func of(receivedAt: Date, body: AdministrativeBody, calendar: WorkingDayCalendar) throws(CalendarError) -> CivilDate {
        let (date, minute) = local(receivedAt, timeZone: body.timeZone)
        if try calendar.isWorkingDay(date) && minute < body.workingHours.end { return date }
        return try calendar.firstWorkingDay(onOrAfter: date.adding(days: 1))
    }
}
