import Fluent
import Foundation
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The finder's page as an executor uses it, in Kazakh and in Russian (R24–R29), and the desk's search of norms.
@Suite("Pages: finding the law")
struct LawPagesTests {
    typealias Browser = PagesTests.Browser

    @Test("R24–R28: the executor opens the finder, applies the code's norm, answers a precondition with a fact; the head of another body sees nothing")
    func finderPage() async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            let org = FluentOrganisationStore(database: app.db)
            let a = AdministrativeBody(code: "AKM", nameKk: "Ақмола облысының әкімдігі", nameRu: "Акимат Акмолинской области")
            let b = AdministrativeBody(code: "KRG", nameKk: "Қарағанды облысының әкімдігі", nameRu: "Акимат Карагандинской области")
            try await org.add(a)
            try await org.add(b)
            let registrar = try await PagesTests.person(app, body: a.id, login: "reg", name: "Әлия", position: "тіркеуші", roles: [.registrar])
            let executor = try await PagesTests.person(app, body: a.id, login: "exe", name: "Арман", position: "маман", roles: [.executor])
            let head = try await PagesTests.person(app, body: a.id, login: "head", name: "Бақыт", position: "басшы", roles: [.head])
            _ = try await PagesTests.person(app, body: b.id, login: "bhead", name: "Сергей", position: "басшы", roles: [.head, .executor])
            let service = app.appealService
            let appeal = try await service.register(
                Procedure.Draft(channel: .paper, receivedAt: clock.now, applicant: Applicant(surname: "Нұрланов"),
                                essence: "Маған ЖТҮҚ үшін жер учаскесін бөліп беруіңізді сұраймын, кезекте тұрмын", signaturePresent: true),
                actor: Actor(userID: registrar, bodyID: a.id, name: "Әлия", position: "тіркеуші", roles: [.registrar]), idempotencyKey: nil).appeal
            let exec = Actor(userID: executor, bodyID: a.id, name: "Арман", position: "маман", roles: [.executor])
            _ = try await service.perform(.assign(executorID: executor), on: appeal.id, actor: Actor(userID: head, bodyID: a.id, name: "Бақыт", position: "басшы", roles: [.head]))
            _ = try await service.perform(AppealCommand(RecordFact(statement: "2016 жылдан бері кезекте тұр", status: .established, bearing: .favours, evidence: [1])),
                                          on: appeal.id, actor: exec)
            let path = "/appeals/\(appeal.id)"
            let browser = Browser()
            try await browser.signIn(app, "exe")
            var (status, page, _) = try await browser.get(app, path)
            #expect(page.contains("\(path)/law"), "the appeal page links the finder")
            (status, page, _) = try await browser.get(app, path + "/law")
            #expect(status == .ok && page.contains("Құқық нормасын табу") && page.contains("id=\"candidate-land-code-50\""))
            #expect(page.contains("id=\"conflicts\"") && page.contains("заң күші жоғары акт басым"), "R25 shown with the hierarchy's verdict")
            #expect(page.contains("[U] тексерілмеген"), "statuses shown")
            // Apply the norm through its form (CSRF and the one-time key from the page).
            let once = String(page[page.range(of: #"name="_once" value=""#)!.upperBound...].prefix { $0 != "\"" })
            var (s, _, h) = try await browser.post(app, path + "/law/steps/apply_norm",
                                                   form: ["_csrf": PagesTests.csrf(page), "_once": once + "-a", "norm": "land-code-50",
                                                          "purposes[]": "decides", "reason": "ЖТҮҚ үшін жер беру"])
            #expect(s == .seeOther && h.first(name: .location) == path + "/law?done=apply_norm")
            (_, page, _) = try await browser.get(app, path + "/law?done=apply_norm")
            #expect(page.contains("Норма іске қолданылды.") && page.contains("id=\"applied-1\""))
            // A refused answer ("met" with nothing to rest on) says why, in Kazakh, and stores nothing.
            (s, page, _) = try await browser.post(app, path + "/law/steps/check_precondition",
                                                  form: ["_csrf": PagesTests.csrf(page), "_once": once + "-c1", "norm": "land-code-50", "precondition": "1", "answer": "met"])
            #expect(s == .unprocessableEntity && page.contains("id=\"law-error\""))
            (s, _, _) = try await browser.post(app, path + "/law/steps/check_precondition",
                                               form: ["_csrf": PagesTests.csrf(page), "_once": once + "-c2", "norm": "land-code-50", "precondition": "1",
                                                      "answer": "met", "facts[]": "1", "note": "кезек анықтамасы"])
            #expect(s == .seeOther)
            let stored = try await service.view(appeal.id, actor: exec).appeal
            #expect(stored.law.applied("land-code-50")?.check(1)?.facts == [1])
            // In Russian.
            (_, page, _) = try await browser.get(app, path + "/law?lang=ru")
            #expect(page.contains("Поиск нормы права") && page.contains("выполнена") && page.contains("Проверочный лист предпосылок"))
            // The desk's search finds the norm too, in its own section (typed without Kazakh letters).
            (_, page, _) = try await browser.get(app, "/desk?q=" + "жер учаскеси".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.contains("id=\"norm-results\"") && page.contains("id=\"norm-land-code-50\""))
            // Another body's head: not found.
            let other = Browser()
            try await other.signIn(app, "bhead")
            (status, _, _) = try await other.get(app, path + "/law")
            #expect(status == .notFound)
        }
    }
}
