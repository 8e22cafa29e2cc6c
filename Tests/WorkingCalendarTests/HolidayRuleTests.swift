import Testing
import WorkingCalendar

/// Each rule of the calendar across the years, checked against the official calendars cited in the data.
@Suite("R16: Kazakhstan's working-day calendar")
struct HolidayRuleTests {
    func off(_ text: String) throws -> DayReason? {
        let day = try kz.day(d(text))
        #expect(!day.isWorking, "\(text) should be a day off")
        return day.reason
    }

    func working(_ text: String) throws {
        #expect(try kz.isWorkingDay(d(text)), "\(text) should be a working day")
    }

    @Test("R16: Nauryz on a weekend makes 24 and 25 March 2026 days off")
    func nauryz2026() throws {
        #expect(try off("2026-03-21")?.code == "holiday")  // a holiday on a Saturday is named as the holiday
        guard case .holiday(let h)? = try off("2026-03-23") else { Issue.record("23 Mar 2026 is Nauryz"); return }
        #expect(h.id == "nauryz-23")
        guard case .substitute(let from, _)? = try off("2026-03-24") else { Issue.record("24 Mar is a substitute"); return }
        #expect(from == d("2026-03-21"))
        guard case .substitute(let from2, _)? = try off("2026-03-25") else { Issue.record("25 Mar is a substitute"); return }
        #expect(from2 == d("2026-03-22"))
        try working("2026-03-26")
        #expect(try kz.reason(for: d("2026-03-25"))?.text(.ru).contains("22.03.2026 (воскресенье)") == true)
    }

    @Test("R16: Nauryz 2015 (Sat 21, Sun 22) gives 24 and 25 March; Nauryz 2009 was one day")
    func nauryzOtherYears() throws {
        _ = try off("2015-03-24"); _ = try off("2015-03-25"); try working("2015-03-26")
        try working("2009-03-20")  // Fri 20 Mar 2009
        _ = try off("2009-03-23")  // Sun 22 Mar 2009 → Mon 23 substitute
        #expect(try kz.reason(for: d("2009-03-23"))?.code == "substitute")
        try working("2009-03-24")
    }

    @Test("R16: Kurban Ait 2024 was confirmed for Sun 16 June; Mon 17 June stayed working, no substitute")
    func kurbanAit2024() throws {
        guard case .holiday(let h)? = try kz.reason(for: d("2024-06-16")) else { Issue.record("16 Jun 2024"); return }
        #expect(h.id == "kurban-ait" && h.kind == .religious && !h.provisional)
        #expect(h.announced == d("2024-06-17"))
        try working("2024-06-17")
        #expect(try kz.reason(for: d("2024-06-17")) == nil)
    }

    @Test("R16: Kurban Ait on a weekday is a day off (27 May 2026, 6 June 2025, 28 June 2023)")
    func kurbanAitWeekdays() throws {
        for text in ["2026-05-27", "2025-06-06", "2023-06-28"] {
            #expect(try off(text)?.code == "religious")
        }
        try working("2026-05-28")
    }

    @Test("R16: Orthodox Christmas on a Sunday gets no substitute (7 Jan 2018, 7 Jan 2024)")
    func christmas() throws {
        #expect(try kz.reason(for: d("2024-01-07"))?.code == "religious")
        try working("2024-01-08")
        try working("2018-01-08")
        #expect(try off("2025-01-07")?.code == "religious")
        try working("2005-01-07")  // a day off only from 2006
    }

    @Test("R16: the 2022 changes — Republic Day from 2022, 1 and 17 Dec only until 2021")
    func changes2022() throws {
        try working("2021-10-25")
        #expect(try off("2022-10-25")?.code == "holiday")
        #expect(try off("2021-12-01")?.code == "holiday")
        try working("2022-12-01")
        #expect(try off("2020-12-17")?.code == "holiday")
        // 16 Dec 2023 (Sat) → Mon 18 Dec; 17 Dec 2023 (Sun) is no longer a holiday, so Tue 19 Dec works.
        #expect(try off("2023-12-18")?.code == "substitute")
        try working("2023-12-19")
        // Before 2022, 16 and 17 Dec 2017 (Sat, Sun) gave Mon 18 and Tue 19 Dec.
        _ = try off("2017-12-18"); _ = try off("2017-12-19")
    }

    @Test("R16: Constitution Day — 30 Aug until 2025, none in 2026, 15 Mar from 2027")
    func constitutionDay() throws {
        #expect(try off("2025-09-01")?.code == "substitute")  // 30 Aug 2025 was a Saturday
        try working("2026-08-31")
        #expect(try off("2027-03-15")?.code == "holiday")
        #expect(try off("2024-08-30")?.code == "holiday")
    }

    @Test("R16: decreed working weekends and transfers", arguments: [
        ("2025-01-05", "2025-01-03"), ("2024-05-04", "2024-05-08"), ("2023-07-01", "2023-07-07"),
        ("2022-03-05", "2022-03-07"), ("2022-10-22", "2022-10-24"), ("2021-07-03", "2021-07-05"),
        ("2013-12-28", "2014-01-03"), ("2014-05-11", "2014-05-08"), ("2018-12-29", "2018-12-31"),
        ("2006-01-14", "2006-01-11"), ("2000-05-06", "2000-05-08"),
    ])
    func transfers(workingDay: String, dayOff: String) throws {
        guard case .decreedWorkingDay(let restDay, let act)? = try kz.reason(for: d(workingDay)) else {
            Issue.record("\(workingDay) should be a decreed working day"); return
        }
        try working(workingDay)
        #expect(restDay == d(dayOff))
        #expect(act.ref?.isEmpty == false)
        guard case .decreedDayOff(let work, _)? = try off(dayOff) else { Issue.record("\(dayOff) decreed off"); return }
        #expect(work == d(workingDay))
    }

    @Test("R16: a decree can cancel a substitute — Mon 11 May 2020 was a working day, Fri 8 May off")
    func cancelledSubstitute() throws {
        try working("2020-05-11")
        #expect(try off("2020-05-08")?.code == "decreed_day_off")
        #expect(try kz.reason(for: d("2020-05-09"))?.code == "holiday")
    }

    @Test("R16: every transfer in the data is honoured, for every year", arguments: 2000...2027)
    func everyTransfer(year: Int) throws {
        for t in kz.data.years?[String(year)]?.transfers ?? [] {
            if let off = t.dayOff { #expect(try !kz.isWorkingDay(off), "\(off)") }
            if let work = t.workingDay { #expect(try kz.isWorkingDay(work), "\(work)") }
        }
        // A year has between 240 and 260 working days in Kazakhstan.
        let n = try kz.workingDays(from: d("\(year)-01-01"), through: d("\(year)-12-31"))
        #expect((240...260).contains(n), "\(year): \(n) working days")
    }

    // Totals computed independently from the `holidays` package's Kazakhstan calendar (PyPI, 0.109).
    @Test("R16: yearly totals of working days match the independent cross-check", arguments: [
        (2000, 255), (2005, 250), (2010, 247), (2014, 245), (2019, 246), (2020, 246), (2021, 245), (2022, 246),
        (2023, 246), (2024, 249), (2025, 246), (2026, 247), (2027, 247),
    ])
    func yearlyTotals(year: Int, expected: Int) throws {
        #expect(try kz.workingDays(from: d("\(year)-01-01"), through: d("\(year)-12-31")) == expected)
    }

    @Test("R16: years after the data are projected from the statutory rules and say so")
    func projected() throws {
        let day = try kz.day(d("2029-03-22"))
        #expect(!day.isWorking && day.projected)
        let r = try kz.term(TermRequest(start: d("2027-12-20"), unit: .workingDays, amount: 15))
        #expect(r.explanation.warnings.contains(.projectedYear(2028)))
        #expect(throws: CalendarError.self) { try kz.day(d("1999-12-31")) }
        #expect(throws: CalendarError.self) { try kz.day(d("2040-01-01")) }
    }
}
