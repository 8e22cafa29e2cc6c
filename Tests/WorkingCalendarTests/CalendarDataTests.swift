import Foundation
import Testing
import WorkingCalendar

@Suite("Calendar data: validation and overrides")
struct CalendarDataTests {
    @Test("The shipped data is valid, covers 2000–2027 and cites every holiday")
    func shipped() throws {
        let data = try CalendarData.bundled()
        #expect(data.problems().isEmpty)
        #expect(data.coverage?.fromYear == 2000 && data.coverage?.toYear == 2027)
        #expect(data.holidays?.allSatisfy { !$0.basis.isEmpty && !$0.name.kk.isEmpty && !$0.name.ru.isEmpty } == true)
        #expect(data.years?["2027"]?.status == .provisional)
        #expect(data.years?["2027"]?.religiousDaysOff?.first?.provisional == true)
    }

    static let override2028 = """
    {"format": 1, "version": "2028-order-1",
     "years": {"2028": {"status": "confirmed",
        "religiousDaysOff": [{"holiday": "kurban-ait", "date": "2028-05-05", "source": "test"}],
        "transfers": [{"dayOff": "2028-03-20", "workingDay": "2028-03-18",
                       "act": {"issuer": "labour-minister", "ref": "G27TEST0001"}}]}}}
    """

    @Test("An override adds a year: its transfer and religious day apply and the version names it")
    func overrideAddsYear() throws {
        let o = try CalendarData.decode(Data(Self.override2028.utf8))
        let cal = try WorkingDayCalendar.kazakhstan(overrides: [o])
        #expect(cal.version == "kz-2026.11.24+2028-order-1")
        #expect(cal.dataYears == 2000...2028)
        #expect(try !cal.isWorkingDay(try CivilDate(iso: "2028-03-20")))
        #expect(try cal.isWorkingDay(try CivilDate(iso: "2028-03-18")))
        #expect(try cal.reason(for: try CivilDate(iso: "2028-05-05"))?.code == "religious")
        #expect(try !cal.day(try CivilDate(iso: "2028-05-05")).projected)
        #expect(try kz.isWorkingDay(try CivilDate(iso: "2028-03-20")))  // the shipped calendar alone: a plain Monday
        #expect(try !kz.isWorkingDay(try CivilDate(iso: "2028-03-18")))
    }

    @Test("An override corrects a year: Kurban Ait 2027 confirmed for Mon 17 May replaces the provisional date")
    func overrideCorrectsYear() throws {
        let json = """
        {"format": 1, "version": "2027-confirmed",
         "years": {"2027": {"status": "confirmed",
            "religiousDaysOff": [{"holiday": "kurban-ait", "date": "2027-05-17", "source": "test"}]}}}
        """
        let cal = try WorkingDayCalendar.kazakhstan(overrides: [try CalendarData.decode(Data(json.utf8))])
        let monday = try CivilDate(iso: "2027-05-17")
        #expect(try kz.isWorkingDay(monday))
        #expect(try kz.day(monday).provisional)  // the shipped 2027 is provisional as a whole
        #expect(try !cal.isWorkingDay(monday))
        #expect(try !cal.day(monday).provisional)
        #expect(try cal.reason(for: try CivilDate(iso: "2027-05-16")) == .weekend(.sunday))
        let r = try cal.term(TermRequest(start: try CivilDate(iso: "2027-05-14"), unit: .workingDays, amount: 2))
        #expect(r.end == (try CivilDate(iso: "2027-05-18")))
        #expect(r.explanation.warnings.isEmpty)
    }

    @Test("An invalid override lists every problem at once")
    func invalidOverride() throws {
        let bad = """
        {"format": 2, "version": "",
         "holidays": [{"id": "x", "kind": "statutory", "name": {"kk": "", "ru": "", "en": ""}, "month": 2, "day": 30, "basis": ""}],
         "years": {"2028": {"status": "confirmed",
            "religiousDaysOff": [{"holiday": "nope", "date": "2029-01-01"}],
            "transfers": [{"dayOff": "2028-01-08", "act": {"issuer": "nobody"}}, {"act": {"issuer": "government", "ref": "x"}}]}}}
        """
        let o = try CalendarData.decode(Data(bad.utf8))
        let problems = (try CalendarData.bundled()).merging(o).problems() + o.problems()
        let text = problems.joined(separator: "\n")
        for needle in ["format: expected 1", "version: must not be empty", "name needs Kazakh and Russian", "2/30",
                       "basis", "2029-01-01 is not in 2028", "unknown holiday id \"nope\"", "already a weekend day",
                       "unknown issuer \"nobody\"", "cite the act", "needs dayOff, workingDay or both"] {
            #expect(text.contains(needle), "missing: \(needle)")
        }
        #expect(throws: CalendarError.self) { try WorkingDayCalendar.kazakhstan(overrides: [o]) }
    }

    @Test("Malformed JSON and wrong types are refused with the path")
    func malformed() {
        #expect(throws: CalendarError.self) { try CalendarData.decode(Data("{".utf8)) }
        do {
            _ = try CalendarData.decode(Data(#"{"format":1,"version":"v","years":{"2028":{"status":"maybe"}}}"#.utf8))
            Issue.record("should fail")
        } catch let CalendarError.invalidData(p) {
            #expect(p.first?.contains("years.2028.status") == true)
        } catch { Issue.record("\(error)") }
    }
}
