import PropertyBased
import Testing
import WorkingCalendar

@Suite("Term engine properties")
struct PropertyTests {
    static let firstDay = d("2000-01-01").dayNumber
    static let lastDay = d("2030-12-31").dayNumber
    static let lastMonthStart = d("2029-12-31").dayNumber
    let dates = Gen.int(in: firstDay...lastDay).map { CivilDate(dayNumber: $0) }
    /// Starts that leave room for two years of months within the calendar's projected range.
    let monthStarts = Gen.int(in: firstDay...lastMonthStart).map { CivilDate(dayNumber: $0) }

    @Test("R14: the end of a working-day term is a working day, and counting back gives the amount")
    func workingDayTerms() async {
        await propertyCheck(count: 2000, input: dates, Gen.int(in: 1...400), Gen.bool) { start, n, next in
            let req = TermRequest(start: start, unit: .workingDays, amount: n, convention: next ? .nextDay : .eventDay)
            let r = try #require(try? kz.term(req))
            #expect(try kz.isWorkingDay(r.end))
            #expect(try kz.workingDays(from: r.explanation.dayOne, through: r.end) == n)
            #expect(r.explanation.workingDaysCounted == n)
            #expect(r.end >= start)
        }
    }

    @Test("R14: O(1) offsets agree with counting day by day")
    func agreesWithNaiveCount() async {
        await propertyCheck(count: 500, input: dates, Gen.int(in: 1...120)) { start, n in
            var day = start, counted = 0
            while true {
                if try kz.isWorkingDay(day) { counted += 1; if counted == n { break } }
                day = day.adding(days: 1)
            }
            #expect(try kz.addWorkingDays(n, to: start) == day)
        }
    }

    @Test("R16: month terms are monotone in the amount and in the start")
    func monthsMonotone() async {
        await propertyCheck(count: 1000, input: monthStarts, Gen.int(in: 1...24)) { start, n in
            let a = try #require(try? kz.term(TermRequest(start: start, unit: .months, amount: n)).end)
            let b = try #require(try? kz.term(TermRequest(start: start, unit: .months, amount: n + 1)).end)
            let c = try #require(try? kz.term(TermRequest(start: start.adding(days: 1), unit: .months, amount: n)).end)
            #expect(a <= b)
            #expect(a <= c)
            #expect(try kz.isWorkingDay(a))
        }
    }

    @Test("R16: calendar-day and year terms end on a working day no earlier than the nominal end")
    func calendarAndYears() async {
        await propertyCheck(count: 1000, input: monthStarts, Gen.int(in: 1...90), Gen.int(in: 1...2)) { start, n, y in
            for req in [TermRequest(start: start, unit: .calendarDays, amount: n), TermRequest(start: start, unit: .years, amount: y)] {
                let r = try #require(try? kz.term(req))
                #expect(try kz.isWorkingDay(r.end))
                #expect(r.end >= r.explanation.nominalEnd)
                #expect(r.explanation.rolledOver.allSatisfy { (try? kz.isWorkingDay($0.date)) == false })
            }
        }
    }
}
