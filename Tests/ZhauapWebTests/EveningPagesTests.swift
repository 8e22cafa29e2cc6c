import Foundation
import Testing
import Vapor
import VaporTesting
import WorkingCalendar
@testable import ZhauapWeb
import ZhauapDomain
import ZhauapService
import ZhauapTestSupport

/// APPC 64(3), R6, R14: the whole path through the pages after working hours and on a day off — every
/// date is on or after the registration day, the journal shows the evening's appeals, a sending can be
/// recorded, and an appeal whose competence was confirmed is never overdue while its answer term runs.
@Suite("Pages after working hours and on a day off")
struct EveningPagesTests {
    /// Registers from the form at the clock's moment and returns the appeal's path.
    func register(_ b: PagesTests.Browser, _ app: Application, essence: String) async throws -> String {
        let (_, form, _) = try await b.get(app, "/appeals/new")
        let once = try #require(form.range(of: #"name="_once" value=""#).map { String(form[$0.upperBound...].prefix { $0 != "\"" }) })
        let fields = ["_csrf": PagesTests.csrf(form), "_once": once, "channel": "email", "applicantKind": "individual", "surname": "Сейітова",
                      "givenName": "Мәдина", "postalAddress": "Алматы қ., Сәтбаев к-сі 5", "essence": essence, "signaturePresent": "on"]
        let (status, _, headers) = try await b.post(app, "/appeals", form: fields)
        #expect(status == .seeOther)
        // A double click posts the same one-time key again: the same appeal, not a second one.
        let (_, _, again) = try await b.post(app, "/appeals", form: fields)
        let path = try #require(headers.first(name: .location)?.split(separator: "?").first.map(String.init))
        #expect(again.first(name: .location)?.hasPrefix(path) == true, "a double click registers once")
        return path
    }

    @Test("APPC 64(3): at 23:50 on Monday and on Sunday the path runs on the registration day — steps, terms, the journal, a sending",
          arguments: ["2026-12-07T23:50:00+05:00", "2026-12-06T14:00:00+05:00"])
    func eveningPath(moment: String) async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: moment)!)
        try await withZhauapApp(clock: clock) { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "all", name: "Бәрін істейтін", position: "басшы", roles: [.head, .registrar, .executor])
            let b = PagesTests.Browser()
            try await b.signIn(app, "all")
            let path = try await register(b, app, essence: "Ауладағы жарықты жөндеуді сұраймын")
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            let registered = try await app.appealService.view(id, actor: w.head).appeal
            // Monday 7 Dec after hours and Sunday 6 Dec: registered on Tuesday 8 Dec (Monday's day is over; Sunday is off).
            let day = CivilDate(moment.hasPrefix("2026-12-07") ? "2026-12-08" : "2026-12-07")!
            #expect(registered.registration.registeredOn == day)
            let (_, journal, _) = try await b.get(app, "/journal")
            #expect(journal.contains(registered.registration.number), "the journal shows the day the evening's appeals are registered on")
            #expect(journal.contains(day.dotted))
            #expect(try await PagesTests.step(b, app, path, "check_competence", ["competence": "whole"]).0 == .seeOther)
            #expect(try await PagesTests.step(b, app, path, "assign", ["executorId": w.executor.userID.uuidString]).0 == .seeOther)
            let (_, sendForm, _) = try await b.get(app, path + "/steps/record_sending")
            #expect(sendForm.contains(#"value="\#(day.description)" min="\#(day.description)" max="\#(day.description)""#),
                    "a sending tonight is dated from registration; the field allows it")
            #expect(try await PagesTests.step(b, app, path, "record_sending", ["document": "coupon", "language": "kk", "channel": "email",
                                                                             "sentOn": day.description]).0 == .seeOther)
            let (_, checklist, _) = try await b.get(app, path + "/steps/record_completeness")
            #expect(checklist.contains(#"value="identification_number" checked"#) && !checklist.contains(#"value="essence" checked"#),
                    "the checklist comes pre-filled with what registration knows is missing")
            #expect(try await PagesTests.step(b, app, path, "record_completeness", ["missing[]": "postal_address"]).0 == .seeOther)
            #expect(try await PagesTests.step(b, app, path, "return_for_correction", ["deficiency": "Мекенжай толық емес", "remedy": "Пәтер нөмірін көрсетіңіз",
                                                                                    "consequence": "Жолданым қайтарылады", "workingDays": "3"]).0 == .seeOther)
            let trail = try await app.appealService.view(id, actor: w.head).trail
            #expect(trail.allSatisfy { $0.legalDate >= day }, "no step is dated before registration")
            let after = try await app.appealService.view(id, actor: w.head).appeal
            #expect(after.correction.map { $0.requestedOn == day } == true)
            #expect(after.terms.allSatisfy { $0.start >= day })
        }
    }

    @Test("R6: an appeal whose competence was confirmed is not overdue on the desk after the forwarding term while its answer term runs")
    func confirmedCompetenceNeverOverdue() async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: "2026-12-08T10:00:00+05:00")!)
        try await withZhauapApp(clock: clock) { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "all", name: "Бәрін істейтін", position: "басшы", roles: [.head, .registrar, .executor])
            let b = PagesTests.Browser()
            try await b.signIn(app, "all")
            let kept = try await register(b, app, essence: "Жарық жоқ, жөндеуді сұраймын")
            #expect(try await PagesTests.step(b, app, kept, "check_competence", ["competence": "whole"]).0 == .seeOther)
            let unchecked = try await register(b, app, essence: "Көше жолын жөндеуді сұраймын")
            // A week later: the forwarding term (10 Dec) is over, the answer term (29 Dec) runs.
            clock.set(ISO8601DateFormatter().date(from: "2026-12-15T10:00:00+05:00")!)
            try await b.signIn(app, "all")  // a week later the session of the 8th has long ended
            let (_, desk, _) = try await b.get(app, "/desk?scope=all")
            func row(_ path: String) throws -> String {
                let start = try #require(desk.range(of: path))
                return String(desk[start.lowerBound...].prefix { $0 != "\n" || true }.prefix(1400))
            }
            let keptRow = try row(kept), uncheckedRow = try row(unchecked)
            #expect(keptRow.contains("29.12.2026") && !keptRow.prefix(while: { _ in true }).split(separator: "</tr>").first!.contains("term-overdue"))
            #expect(uncheckedRow.split(separator: "</tr>").first!.contains("term-overdue"), "the unchecked one is overdue: its forwarding term passed")
            #expect(uncheckedRow.split(separator: "</tr>").first!.contains("жіберу мерзімі: 10.12.2026"))
        }
    }
}
