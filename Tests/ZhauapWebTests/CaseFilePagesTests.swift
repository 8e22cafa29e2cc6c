import Fluent
import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The case file on the appeal page, as the registrar, the executor and the heads of two bodies use it (R10–R13, R20–R23).
@Suite("Pages: the case file, facts and requests to other bodies")
struct CaseFilePagesTests {
    typealias Browser = PagesTests.Browser

    /// Posts a multipart form as a browser does, with the page's CSRF token and one-time key.
    static func upload(_ b: Browser, _ app: Application, page: String, action: String, fields: [(String, String)],
                       file: (name: String, type: String, data: Data)) async throws -> (HTTPStatus, String, HTTPHeaders) {
        var form = fields + [("_csrf", PagesTests.csrf(page))]
        if let r = page.range(of: #"name="_once" value=""#) { form.append(("_once", String(page[r.upperBound...].prefix { $0 != "\"" }))) }
        var (headers, body) = TestFiles.multipart(form, file: file)
        for (k, v) in b.headers { headers.replaceOrAdd(name: k, value: v) }
        var out: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        try await app.testing().test(.POST, action, headers: headers, body: body) { res async throws in
            b.remember(res)
            out = (res.status, res.body.string, res.headers)
        }
        return out
    }

    @Test("R11, R13, R20, R22: the executor uploads, records a fact with its evidence and asks another body; a refused upload says why in Kazakh; the Russian page lists it all")
    func caseTab() async throws {
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
            let regActor = Actor(userID: registrar, bodyID: a.id, name: "Әлия", position: "тіркеуші", roles: [.registrar])
            let headActor = Actor(userID: head, bodyID: a.id, name: "Бақыт", position: "басшы", roles: [.head])
            let appeal = try await service.register(Procedure.Draft(channel: .paper, receivedAt: clock.now, applicant: Applicant(surname: "Нұрланов"),
                                                                    essence: "Жер учаскесін беруіңізді сұраймын", signaturePresent: true),
                                                    actor: regActor, idempotencyKey: nil).appeal
            _ = try await service.perform(.assign(executorID: executor), on: appeal.id, actor: headActor)
            let path = "/appeals/\(appeal.id)"

            let browser = Browser()
            try await browser.signIn(app, "exe")
            var (_, page, _) = try await browser.get(app, path)
            #expect(page.contains("Әкімшілік іс 01-1") && page.contains("Ішкі тізімдеме") && page.contains("№ \(appeal.registration.number) жолданым"))
            // Upload a 3-page plan: it takes sheets 2–4.
            let (s1, _, h1) = try await Self.upload(browser, app, page: page, action: path + "/case/documents",
                                                    fields: [("title", "Учаскенің жоспары"), ("kind", "evidence")],
                                                    file: ("plan.pdf", "application/pdf", TestFiles.pdf(pages: 3)))
            #expect(s1 == .seeOther && h1.first(name: .location)?.contains("done=add_document") == true)
            (_, page, _) = try await browser.get(app, path + "?done=add_document")
            #expect(page.contains("Құжат іске қосылды.") && page.contains("Учаскенің жоспары") && page.contains("<td>2–4</td>"))
            // A renamed executable is refused on the same page, in Kazakh, and nothing is stored.
            let (s2, refused, _) = try await Self.upload(browser, app, page: page, action: path + "/case/documents", fields: [("title", "Скан")],
                                                         file: ("scan.pdf", "application/pdf", TestFiles.executable))
            #expect(s2 == .unsupportedMediaType && refused.contains("Файл PDF, JPEG, PNG, DOCX немесе ODT емес"))
            #expect(!refused.contains(">Скан<"))
            // A fact resting on document 2.
            let (s3, _, _) = try await PagesTests.step(browser, app, path, "record_fact",
                                                       ["statement": "Учаске бос", "status": "established", "bearing": "favours", "evidence[]": "2"])
            #expect(s3 == .seeOther)
            // A request to body B of this installation.
            let (s4, _, _) = try await PagesTests.step(browser, app, path, "request_assistance",
                                                       ["targetBodyId": b.id.uuidString, "question": "Учаскенің кадастрлық деректері", "workingDays": "3"])
            #expect(s4 == .seeOther)
            (_, page, _) = try await browser.get(app, path)
            #expect(page.contains("Учаске бос") && page.contains("№ 2") && page.contains("Қарағанды облысының әкімдігі") && page.contains("11.06.2026"))
            // The registrar does not keep facts: the step is not offered and is refused if forced.
            let clerk = Browser()
            try await clerk.signIn(app, "reg")
            let (_, clerkPage, _) = try await clerk.get(app, path)
            #expect(!clerkPage.contains("/steps/record_fact") && clerkPage.contains("/case/documents\" enctype"))
            // Body B's head finds the request on the desk.
            let other = Browser()
            try await other.signIn(app, "bhead")
            let (_, desk, _) = try await other.get(app, "/desk?scope=unassigned")
            #expect(desk.contains("KRG-2026-00001"))
            // Past its term it shows on the executor's desk and the head's page.
            clock.set(pinnedMoment.addingTimeInterval(3 * 86400))
            try await browser.signIn(app, "exe")
            let (_, myDesk, _) = try await browser.get(app, "/desk")
            #expect(myDesk.contains("Басқа органдарға сұрау салулар") && myDesk.contains("Мерзімі өтті"))
            let boss = Browser()
            try await boss.signIn(app, "head")
            let (_, headPage, _) = try await boss.get(app, "/head")
            #expect(headPage.contains("\(appeal.registration.number)</a> — № 1"))
            // The same case in Russian.
            let (_, ru, _) = try await browser.get(app, path + "?lang=ru")
            #expect(ru.contains("Внутренняя опись") && ru.contains("Доказательство") && ru.contains("Срок истёк") && ru.contains("Запрос в другой орган"))
        }
    }
}
