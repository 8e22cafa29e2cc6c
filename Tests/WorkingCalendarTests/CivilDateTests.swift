import Testing
import WorkingCalendar

@Suite("Civil dates")
struct CivilDateTests {
    @Test("Parses and prints ISO dates", arguments: ["2024-01-25", "2000-02-29", "1970-01-01", "2027-12-31"])
    func roundTrip(text: String) throws {
        #expect(try CivilDate(iso: text).description == text)
    }

    @Test("Rejects malformed and impossible dates",
          arguments: ["2024-02-30", "2023-02-29", "2024-1-05", "2024-13-01", "2024-00-10", "abc", "", "2024-01-0x", "20240125", "2024-01-25T00:00"])
    func rejects(text: String) {
        #expect(throws: CalendarError.invalidDate(text)) { try CivilDate(iso: text) }
    }

    @Test("Day numbers round-trip and weekdays are right")
    func dayNumbers() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("1970-01-01").weekday == .thursday)
        #expect(d("2024-01-25").weekday == .thursday)
        #expect(d("2000-01-01").weekday == .saturday)
        #expect(d("1969-12-31").weekday == .wednesday)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
        #expect(d("2023-02-28").adding(days: 1) == d("2023-03-01"))
        #expect(d("2023-12-31").adding(days: 1) == d("2024-01-01"))
    }

    @Test("Leap years follow the Gregorian rule")
    func leap() {
        #expect(CivilDate.isLeap(2024) && CivilDate.isLeap(2000) && !CivilDate.isLeap(1900) && !CivilDate.isLeap(2023))
        #expect(d("2024-03-05").dotted == "05.03.2024")
    }
}

@Suite("Dates in words")
struct CivilDateWordsTests {
    @Test("Documents write dates with month names: Kazakh nominative after the year, Russian genitive",
          arguments: [("2024-01-25", "2024 жылғы 25 қаңтар", "25 января 2024 г."), ("2024-03-22", "2024 жылғы 22 наурыз", "22 марта 2024 г."),
                      ("2026-12-16", "2026 жылғы 16 желтоқсан", "16 декабря 2026 г."), ("2025-05-01", "2025 жылғы 1 мамыр", "1 мая 2025 г.")])
    func words(iso: String, kk: String, ru: String) throws {
        let d = try #require(CivilDate(iso))
        #expect(d.inWords(.kk) == kk && d.inWords(.ru) == ru)
    }

    @Test("\"Until\" takes the dative in Kazakh and \"до\" with the genitive in Russian")
    func until() throws {
        let d = try #require(CivilDate("2024-02-14"))
        #expect(d.untilInWords(.kk) == "2024 жылғы 14 ақпанға дейін" && d.untilInWords(.ru) == "до 14 февраля 2024 г.")
        #expect(try #require(CivilDate("2024-04-01")).untilInWords(.kk) == "2024 жылғы 1 сәуірге дейін")
    }
}
