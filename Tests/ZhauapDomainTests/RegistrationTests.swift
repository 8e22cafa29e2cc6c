import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

@Suite("R1, R19, R14, R6: registration")
struct RegistrationTests {
    @Test("R1: the registration number is the body's code, the year and the sequence of at least five digits: 1, 9,999, 99,999, 100,000")
    func numberFormat() {
        #expect(RegistrationNumber.format(body: "AKM", year: 2024, sequence: 1) == "AKM-2024-00001")
        #expect(RegistrationNumber.format(body: "AKM", year: 2024, sequence: 9_999) == "AKM-2024-09999")
        #expect(RegistrationNumber.format(body: "AKM", year: 2024, sequence: 99_999) == "AKM-2024-99999")
        #expect(RegistrationNumber.format(body: "AKM", year: 2024, sequence: 100_000) == "AKM-2024-100000")
        #expect(RegistrationNumber.format(body: "AKM", year: 2024, sequence: 0) == "AKM-2024-00000")
        for n in [1, 7, 42, 512, 4_096, 65_536, 123_456] {
            #expect(RegistrationNumber.format(body: "MIN-EDU", year: 2027, sequence: n) == "MIN-EDU-2027-" + String(format: "%05d", n))
        }
    }

    @Test("R3: a tab in a name is a space, not a refused control character; a line break is refused")
    func tabInName() {
        var a = Applicant(surname: "Сапаров\tЕрлан", givenName: "Ерлан")
        #expect(a.clean() == nil)
        var b = Applicant(surname: "Сапаров\nЕрлан", givenName: "Ерлан")
        #expect(b.clean() == "applicant.surname")
    }

    @Test("R1: an appeal with nothing but its channel is registered; missing data is recorded, not refused")
    func onlyChannel() throws {
        let (a, events) = try F.register(Procedure.Draft(channel: .oral, receivedAt: F.almaty("2024-01-25T10:00:00")))
        #expect(a.state == .registered)
        #expect(a.registration.number == "ALM-2024-00007")
        #expect(a.registration.receivedByName == "Әлия Серікқызы" && a.registration.receivedByPosition == "тіркеуші")
        #expect(events.map(\.type) == ["registered"])
        #expect(events.first?.details["documents"] == "coupon:kk,coupon:ru")  // R46: the coupon in both languages
        let missing = try #require(events.first?.details["missing"])
        for item in ["applicant_name", "postal_address", "essence", "signature"] { #expect(missing.contains(item)) }
    }

    @Test("R1: an invalid IIN is flagged on the trail, never a reason to refuse")
    func invalidIIN() throws {
        let (a, events) = try F.register(Procedure.Draft(channel: .paper, receivedAt: F.almaty("2024-01-25T10:00:00"),
                                                         applicant: Applicant(surname: "A", givenName: "B", iin: "061211600013")))
        #expect(a.state == .registered)
        #expect(events.first?.details["identification_flags"]?.contains("bad_check_digit") == true)
    }

    @Test("R1: registration day — during hours the same day; after hours or on a day off the next working day",
          arguments: [("2024-01-25T10:00:00", "2024-01-25"), ("2024-01-25T18:29:00", "2024-01-25"),
                      ("2024-01-25T18:30:00", "2024-01-26"), ("2024-01-25T23:59:00", "2024-01-26"),
                      ("2024-01-27T11:00:00", "2024-01-29"), ("2026-03-20T19:00:00", "2026-03-26"),
                      ("2024-01-26T02:00:00", "2024-01-26")])
    func registrationDay(local: String, expected: String) throws {
        let (a, _) = try F.register(Procedure.Draft(channel: .paper, receivedAt: F.almaty(local)))
        #expect(a.registration.registeredOn == F.d(expected))
    }

    @Test("R19: an eOtinish appeal keeps the portal's timestamp and external number")
    func eotinish() throws {
        let portal = F.almaty("2024-01-27T09:15:00")
        let (a, events) = try F.register(Procedure.Draft(channel: .eotinish, receivedAt: portal, externalNumber: "ЖТ-2024-00012345"))
        #expect(a.registration.receivedAt == portal)
        #expect(a.registration.externalNumber == "ЖТ-2024-00012345")
        #expect(a.registration.registeredOn == F.d("2024-01-29"))
        #expect(events.first?.details["external_number"] == "ЖТ-2024-00012345")
    }

    @Test("R14: the consideration term is 15 working days from registration (25 Jan 2024 → 14 Feb 2024)")
    func considerationTerm() throws {
        let a = try F.registered()
        let t = try #require(a.term(.consideration))
        #expect(t.due == F.d("2024-02-14") && t.ruleID == "appc-76-consideration" && t.basis.contains("76"))
    }

    @Test("R6: forwarding is due within 3 working days of arrival")
    func forwardingTerm() throws {
        #expect(try F.registered().term(.forwarding)?.due == F.d("2024-01-29"))
    }

    @Test("R5: a Kazakh application about a land plot is suggested as an application in the land area, with the words")
    func suggestion() throws {
        let s = try #require(try F.registered().suggestion)
        #expect(s.kind == .application)
        #expect(s.kindMarkers.contains("беруіңізді сұраймын"))
        #expect(s.area == "land" && s.areaMarkers.count == 1 && s.areaMarkers[0].lowercased().hasPrefix("жер учаске"), "the marker as typed: \(s.areaMarkers)")
        let complaint = KindSuggester.suggest("Әкімдіктің заңсыз шешіміне шағым беремін", areas: [])
        #expect(complaint.kind == .complaint && complaint.kindMarkers.contains("шағым"))
        #expect(KindSuggester.suggest("Прошу разъяснить порядок", areas: []).kind == .request)
    }

    @Test("R1: only a registrar or a head registers")
    func whoRegisters() {
        #expect(throws: ProcedureError.forbidden(action: "register")) {
            try Procedure.register(Procedure.Draft(channel: .paper, receivedAt: Date()), id: UUID(), sequence: 1, recordedAt: Date(),
                                   trackingCode: "X", context: F.context(F.executor, today: "2024-01-25"))
        }
    }
}
