import Fluent
import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: an executor asks for an extension, the head decides")
struct ExtensionPagesTests {
    @Test("R15: the request waits on the head's page; the head extends it from the appeal page; the API refuses a second decision")
    func requestAndDecide() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "EXT", nameKk: "Ұзарту бөлімі", nameRu: "Отдел продления")
            try await store.add(body)
            try await PagesTests.person(app, body: body.id, login: "reg", name: "Тіркеуші Әлия", position: "", roles: [.registrar])
            let exec = try await PagesTests.person(app, body: body.id, login: "exec", name: "Орындаушы Арман", position: "", roles: [.executor])
            try await PagesTests.person(app, body: body.id, login: "boss", name: "Басшы Бақыт", position: "", roles: [.head])
            let (registrar, executor, head) = (PagesTests.Browser(), PagesTests.Browser(), PagesTests.Browser())
            try await registrar.signIn(app, "reg")
            try await executor.signIn(app, "exec")
            try await head.signIn(app, "boss")

            let (_, form, _) = try await registrar.get(app, "/appeals/new")
            let (_, _, loc) = try await registrar.post(app, "/appeals", form: ["_csrf": PagesTests.csrf(form), "channel": "email",
                                                                                "essence": "Жер учаскесі туралы ақпарат сұраймын"])
            let path = try #require(loc.first(name: .location)?.split(separator: "?").first.map(String.init))
            let (_, headView, _) = try await head.get(app, path)
            #expect(headView.contains(#"data-action="assign""#))
            #expect(try await PagesTests.step(head, app, path, "assign", ["executorId": exec.uuidString]).0 == .seeOther)
            let (_, execView, _) = try await executor.get(app, path)
            #expect(execView.contains(#"data-action="request_extension""#) && !execView.contains(#"data-action="extend""#), "an executor asks; only a head extends")
            let (_, askForm, _) = try await executor.get(app, path + "/steps/request_extension")
            let dueText = try #require(askForm.range(of: #"name="until" value=""#).map { String(askForm[$0.upperBound...].prefix(10)) })
            let asked = try #require(CivilDate(dueText))
            #expect(try await PagesTests.step(executor, app, path, "request_extension",
                                              ["until": asked.description, "reason": "Басқа органнан мәлімет күтілуде",
                                               "reasonRu": "Ожидаются сведения от другого органа"]).0 == .seeOther)
            let (_, waiting, _) = try await executor.get(app, path)
            #expect(waiting.contains("Ұзарту туралы сұрау басшының шешімін күтуде") && !waiting.contains(#"data-action="request_extension""#))

            let (_, headPage, _) = try await head.get(app, "/head")
            #expect(headPage.contains("Шешімді күтетін ұзарту сұраулары") && headPage.contains(asked.dotted))
            let (_, decide, _) = try await head.get(app, path + "/steps/decide_extension")
            #expect(decide.contains(#"value="decide_extension""#) && decide.contains("Басқа органнан мәлімет күтілуде"))
            #expect(decide.contains(#"name="until" value="\#(asked.description)""#), "the date asked for is offered")
            #expect(try await PagesTests.step(head, app, path, "decide_extension", ["accept": "true", "until": asked.description, "note": ""]).0 == .seeOther)
            let (_, after, _) = try await head.get(app, path + "?lang=ru")
            #expect(after.contains("Принято решение о продлении") && after.contains("Срок продлён") && after.contains(asked.dotted))
            let (_, headAfter, _) = try await head.get(app, "/head")
            #expect(!headAfter.contains(asked.dotted + "</li>"), "nothing waits any more")
            // R46: the extension notice, in Russian, by post — recorded from the page; its term is met.
            let (_, withNotice, _) = try await executor.get(app, path + "/steps/record_sending")
            #expect(withNotice.contains(#"<option value="extension_notice" >"#))
            let sentOn = try #require(withNotice.range(of: #"id="sentOn" name="sentOn" value=""#).map { String(withNotice[$0.upperBound...].prefix(10)) })
            #expect(try await PagesTests.step(executor, app, path, "record_sending", ["document": "extension_notice", "language": "ru", "channel": "post",
                                                                                   "sentOn": sentOn, "reference": "RR123456789KZ"]).0 == .seeOther)
            let (_, sentPage, _) = try await executor.get(app, path + "?lang=ru")
            #expect(sentPage.contains("Уведомление о продлении срока · Русский · Почтой · \(CivilDate(sentOn)!.dotted) · RR123456789KZ"))
            #expect(sentPage.contains("Документ отправлен"))
            let (_, notice, _) = try await executor.get(app, path + "/documents/extension_notice?lang=ru")
            #expect(notice.contains("Ожидаются сведения от другого органа") && notice.contains("продлён до") && !notice.contains("Басқа органнан"),
                    "the Russian notice carries the reason typed in Russian")
            let again = try await PagesTests.step(head, app, path, "decide_extension", ["accept": "true"])
            #expect(again.0 == .conflict || again.0 == .unprocessableEntity)
        }
    }
}
