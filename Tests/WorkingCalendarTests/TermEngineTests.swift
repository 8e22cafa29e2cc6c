import Testing
import WorkingCalendar

@Suite("R14–R18: the term engine")
struct TermEngineTests {
    func end(_ start: String, _ unit: TermUnit, _ n: Int, _ c: CountingConvention = .eventDay) throws -> CivilDate {
        try kz.term(TermRequest(start: d(start), unit: unit, amount: n, convention: c)).end
    }

    @Test("A term of 9,999 years (beyond any date) is refused as out of the calendar's range, never a crash")
    func beyondEveryDate() {
        for (unit, n) in [(TermUnit.years, 9999), (.months, 9999 * 12), (.years, 10_000)] {
            #expect(throws: CalendarError.self) { try kz.term(TermRequest(start: d("2000-01-01"), unit: unit, amount: n)) }
            #expect(throws: CalendarError.self) { try kz.term(TermRequest(start: d("2024-01-25"), unit: unit, amount: n, convention: .nextDay)) }
        }
    }

    @Test("R14: 15 working days across the new year (20 Dec 2023 → 11 Jan 2024, over 1–2 and 7 Jan)")
    func yearCrossing() throws {
        let r = try kz.term(TermRequest(start: d("2023-12-20"), unit: .workingDays, amount: 15))
        #expect(r.end == d("2024-01-11"))
        #expect(r.explanation.skipped.map(\.date).contains(d("2024-01-07")))
    }

    @Test("R6: 3 working days from Fri 20 Mar 2026 pass over Nauryz and its substitutes")
    func forwardingOverNauryz() throws {
        let r = try kz.term(TermRequest(start: d("2026-03-20"), unit: .workingDays, amount: 3))
        #expect(r.end == d("2026-03-27"))
        #expect(r.explanation.skipped.map(\.date) == (21...25).map { d("2026-03-\($0)") })
    }

    @Test("R18: an event on a day off — the first working day after it is day 1")
    func eventOnDayOff() throws {
        let r = try kz.term(TermRequest(start: d("2024-01-27"), unit: .workingDays, amount: 1))
        #expect(r.end == d("2024-01-29"))
        #expect(r.explanation.dayOneRule == .firstWorkingDayAfterNonWorkingEvent)
        #expect(r.explanation.startReason == .weekend(.saturday))
        #expect(try end("2024-05-04", .workingDays, 1) == d("2024-05-04"))  // a decreed working Saturday is day 1
    }

    @Test("R18: the next-day convention starts counting the day after the event")
    func nextDay() throws {
        #expect(try end("2024-01-25", .workingDays, 15, .nextDay) == d("2024-02-15"))
        #expect(try end("2023-12-25", .months, 1, .nextDay) == d("2024-01-25"))
        #expect(try end("2023-01-25", .years, 1, .nextDay) == d("2024-01-25"))
        #expect(try end("2024-01-25", .calendarDays, 10, .nextDay) == d("2024-02-05"))  // Sun 4 Feb → Mon 5 Feb
        #expect(try kz.term(TermRequest(start: d("2024-01-26"), unit: .workingDays, amount: 1, convention: .nextDay))
            .explanation.dayOneRule == .firstWorkingDayAfterEvent)
    }

    @Test("R17: 15 calendar days (information request) rolls over Nauryz 2026 to Thu 26 Mar")
    func calendarDaysRollForward() throws {
        let r = try kz.term(TermRequest(start: d("2026-03-07"), unit: .calendarDays, amount: 15))
        #expect(r.explanation.nominalEnd == d("2026-03-21"))
        #expect(r.end == d("2026-03-26"))
        #expect(r.explanation.rolledOver.map(\.date) == (21...25).map { d("2026-03-\($0)") })
        #expect(try end("2024-01-25", .calendarDays, 15) == d("2024-02-08"))
    }

    @Test("R18: month terms at month ends and in leap years")
    func monthEnds() throws {
        #expect(try end("2024-01-29", .months, 1) == d("2024-02-28"))
        let r = try kz.term(TermRequest(start: d("2024-01-31"), unit: .months, amount: 1))
        #expect(r.end == d("2024-02-29") && r.explanation.clampedToMonthEnd)
        #expect(try end("2023-01-30", .months, 1) == d("2023-02-28"))
        #expect(try end("2024-02-29", .years, 1) == d("2025-02-28"))
        #expect(try end("2024-02-29", .years, 4) == d("2028-02-28"))
        #expect(try end("2023-03-01", .months, 2) == d("2023-05-02"))  // 30 Apr is Sun, 1 May holiday → Tue 2 May
        #expect(try end("2023-11-15", .months, 2) == d("2024-01-15"))  // Sun 14 Jan 2024 → Mon 15 Jan
        #expect(try end("2024-01-01", .years, 1) == d("2024-12-31"))
        // 1–2 Jan 2025 holidays, Fri 3 Jan decreed off, Sat 4 Jan off, Sun 5 Jan a decreed working day.
        #expect(try end("2024-01-02", .years, 1) == d("2025-01-05"))
    }

    @Test("R15: an extension of 2 months from registration")
    func twoMonths() throws {
        #expect(try end("2024-03-01", .months, 2) == d("2024-04-30"))
    }

    @Test("Bad input is refused with a reason")
    func badInput() throws {
        #expect(throws: CalendarError.invalidAmount(0)) { try kz.term(TermRequest(start: d("2024-01-25"), unit: .workingDays, amount: 0)) }
        #expect(throws: CalendarError.invalidAmount(-3)) { try kz.term(TermRequest(start: d("2024-01-25"), unit: .months, amount: -3)) }
        #expect(throws: CalendarError.invalidAmount(10_001)) { try kz.addWorkingDays(10_001, to: d("2024-01-25")) }
        #expect(throws: CalendarError.self) { try kz.term(TermRequest(start: d("1999-06-01"), unit: .workingDays, amount: 5)) }
        #expect(throws: CalendarError.self) { try kz.term(TermRequest(start: d("2030-06-01"), unit: .years, amount: 50)) }
        #expect(CountingConvention(flexible: "next_day") == .nextDay)
        #expect(CountingConvention(flexible: "tomorrow") == nil)
    }
}

@Suite("Terms named in words")
struct TermUnitNameTests {
    @Test("R18: amounts take the grammatical form of their number in Russian, stay singular in Kazakh",
          arguments: [(1, "1 рабочий день", "1 жұмыс күні"), (3, "3 рабочих дня", "3 жұмыс күні"), (5, "5 рабочих дней", "5 жұмыс күні"),
                      (11, "11 рабочих дней", "11 жұмыс күні"), (15, "15 рабочих дней", "15 жұмыс күні"), (21, "21 рабочий день", "21 жұмыс күні"),
                      (22, "22 рабочих дня", "22 жұмыс күні"), (112, "112 рабочих дней", "112 жұмыс күні")])
    func workingDays(n: Int, ru: String, kk: String) {
        #expect(TermUnit.workingDays.amountText(n, .ru) == ru)
        #expect(TermUnit.workingDays.amountText(n, .kk) == kk)
    }

    @Test("Months, years and calendar days in each language")
    func otherUnits() {
        #expect(TermUnit.months.amountText(2, .ru) == "2 месяца")
        #expect(TermUnit.years.amountText(5, .ru) == "5 лет")
        #expect(TermUnit.calendarDays.amountText(1, .en) == "1 calendar day")
        #expect(TermUnit.calendarDays.amountText(15, .en) == "15 calendar days")
        #expect(TermUnit.months.amountText(1, .kk) == "1 ай")
    }
}
