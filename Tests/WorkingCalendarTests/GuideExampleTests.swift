import Testing
import WorkingCalendar

@Suite("R18: the guide's worked examples")
struct GuideExampleTests {
    @Test("R18: 1 year from 25 Jan 2023 ends on 24 Jan 2024")
    func years() throws {
        let r = try kz.term(TermRequest(start: d("2023-01-25"), unit: .years, amount: 1))
        #expect(r.end == d("2024-01-24"))
        #expect(r.explanation.rolledOver.isEmpty)
    }

    @Test("R18: 1 month from 25 Dec 2023 ends on 24 Jan 2024")
    func months() throws {
        #expect(try kz.term(TermRequest(start: d("2023-12-25"), unit: .months, amount: 1)).end == d("2024-01-24"))
    }

    @Test("R18: 15 working days from 25 Jan 2024 end on 14 Feb 2024")
    func workingDays() throws {
        let r = try kz.term(TermRequest(start: d("2024-01-25"), unit: .workingDays, amount: 15))
        #expect(r.end == d("2024-02-14"))
        #expect(r.explanation.dayOne == d("2024-01-25"))
        #expect(r.explanation.dayOneRule == .eventDay)
        // The guide: 27, 28 Jan and 3, 4, 10, 11 Feb were days off.
        #expect(r.explanation.skipped.map(\.date) ==
                ["2024-01-27", "2024-01-28", "2024-02-03", "2024-02-04", "2024-02-10", "2024-02-11"].map(d))
        #expect(r.explanation.workingDaysCounted == 15)
        #expect(r.explanation.calendarVersion == kz.version)
        #expect(r.explanation.warnings.isEmpty)
    }

    @Test("R18: the explanation reads in Kazakh, Russian and English")
    func explanationText() throws {
        let r = try kz.term(TermRequest(start: d("2024-01-25"), unit: .workingDays, amount: 15))
        let kk = r.explanation.lines(.kk, unit: .workingDays, amount: 15).joined(separator: "\n")
        let ru = r.explanation.lines(.ru, unit: .workingDays, amount: 15).joined(separator: "\n")
        let en = r.explanation.lines(.en, unit: .workingDays, amount: 15).joined(separator: "\n")
        #expect(kk.contains("14.02.2024") && kk.contains("сенбі") && kk.contains("Күнтізбе нұсқасы"))
        #expect(ru.contains("Последний день срока: 14.02.2024 (среда)"))
        #expect(en.contains("skipped 27.01.2024: weekend (Saturday)"))
    }
}
