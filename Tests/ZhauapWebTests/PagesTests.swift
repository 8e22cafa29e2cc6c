import Fluent
import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: languages, sign-in, desk, tracking")
struct PagesTests {
    @Test("Every string key exists in Kazakh, Russian and English, and every key a template uses exists")
    func stringsComplete() throws {
        let strings = try Strings.load()
        #expect(strings.missing.isEmpty, "\(strings.missing)")
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ZhauapWeb/Resources/Views")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".leaf") }
        #expect(files.count >= 4)
        let regex = try NSRegularExpression(pattern: #"\bt\.([a-z_]+)"#)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                for lang in Language.allCases { #expect(strings[lang][key] != nil, "\(file): \(key) missing in \(lang)") }
            }
        }
    }

    /// Cookies as a browser keeps them between requests.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]
        var headers: HTTPHeaders {
            var h = HTTPHeaders()
            h.add(name: .accept, value: "text/html,application/xhtml+xml")  // as a browser asks for pages
            if !cookies.isEmpty { h.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.joined(separator: "; ")) }
            return h
        }

        func remember(_ res: TestingHTTPResponse) {
            for value in res.headers[.setCookie] {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            }
        }

        func get(_ app: Application, _ path: String) async throws -> (HTTPStatus, String, HTTPHeaders) {
            var out: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
            try await app.testing().test(.GET, path, headers: headers) { res async throws in
                remember(res)
                out = (res.status, res.body.string, res.headers)
            }
            return out
        }

        /// Signs in through the page, as a person would.
        func signIn(_ app: Application, _ login: String, password: String = PagesTests.password) async throws {
            let (_, page, _) = try await get(app, "/login")
            let (status, _, _) = try await post(app, "/login", form: ["_csrf": PagesTests.csrf(page), "login": login, "password": password])
            #expect(status == .seeOther, "sign-in as \(login)")
        }

        func post(_ app: Application, _ path: String, form: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
            var h = headers
            h.contentType = .urlEncodedForm
            let body = form.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            var out: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
            try await app.testing().test(.POST, path, headers: h, body: ByteBuffer(string: body)) { res async throws in
                remember(res)
                out = (res.status, res.body.string, res.headers)
            }
            return out
        }
    }

    static let password = "a long enough secret"

    /// A user with the standard test password.
    @discardableResult
    static func person(_ app: Application, body: UUID, login: String, name: String, position: String, roles: Set<Role>) async throws -> UUID {
        try await FluentOrganisationStore(database: app.db).addUser(bodyID: body, login: login, passwordHash: try Bcrypt.hash(password, cost: 4),
                                                                    name: name, position: position, roles: roles)
    }

    /// Takes a step as a browser does: opens its page (`/steps/{action}`), fills the form (confirming a
    /// step that cannot be undone) and posts it. Returns the status and the page (or the redirect).
    @discardableResult
    static func step(_ b: Browser, _ app: Application, _ path: String, _ action: String, _ fields: [String: String],
                     confirm: Bool = true) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await b.get(app, path + "/steps/" + action)
        var form = fields
        form["_csrf"] = csrf(page)
        if let r = page.range(of: #"name="_once" value=""#) { form["_once"] = String(page[r.upperBound...].prefix { $0 != "\"" }) }
        if confirm { form["confirm"] = "yes" }
        return try await b.post(app, path + "/steps/" + action, form: form)
    }

    static func csrf(_ html: String) -> String {
        guard let r = html.range(of: #"name="_csrf" value=""#) else { return "" }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test("The sign-in page is in Kazakh by default; switching languages changes every label and is remembered")
    func languages() async throws {
        try await withZhauapApp { app in
            let b = Browser()
            let (s, kk, _) = try await b.get(app, "/login")
            #expect(s == .ok && kk.contains(#"<html lang="kk">"#) && kk.contains("Жүйеге кіру") && kk.contains("Құпиясөз"))
            let (_, ru, _) = try await b.get(app, "/login?lang=ru")
            #expect(ru.contains("Вход в систему") && ru.contains("Пароль") && !ru.contains("Құпиясөз"))
            #expect(b.cookies["zhauap_lang"] == "ru")
            let (_, again, _) = try await b.get(app, "/track")
            #expect(again.contains("Отслеживание обращения"))
            let strings = try Strings.load()
            for key in ["login_title", "login_login", "login_password", "login_submit", "nav_track"] {
                #expect(ru.contains(strings[.ru][key]!) && kk.contains(strings[.kk][key]!), "\(key)")
            }
        }
    }

    @Test("Sign-in through the page: CSRF checked, wrong password refused, the desk shows the worklist, sign-out")
    func signIn() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "PG", nameKk: "Пәрмен әкімдігі", nameRu: "Акимат Пэ")
            try await store.add(body)
            try await PagesTests.person(app, body: body.id, login: "asel", name: "Әсел <script>alert(1)</script>", position: "бас маман", roles: [.executor])
            let b = Browser()
            let (_, page, _) = try await b.get(app, "/login")
            let token = Self.csrf(page)
            #expect(!token.isEmpty)
            #expect(try await b.post(app, "/login", form: ["login": "asel", "password": "a long enough secret"]).0 == .forbidden)
            let (bad, badPage, _) = try await b.post(app, "/login", form: ["_csrf": token, "login": "asel", "password": "nope"])
            #expect(bad == .unauthorized && badPage.contains("Логин немесе құпиясөз қате."))
            let (ok, _, headers) = try await b.post(app, "/login", form: ["_csrf": token, "login": "asel", "password": "a long enough secret"])
            #expect(ok == .seeOther && headers.first(name: .location) == "/desk")
            let (ds, desk, _) = try await b.get(app, "/desk")
            #expect(ds == .ok && desk.contains("Пәрмен әкімдігі") && desk.contains("Жолданым жоқ."))
            #expect(!desk.contains("<script>alert(1)</script>") && desk.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(try await b.post(app, "/logout", form: [:]).0 == .forbidden)
            let (out, _, loc) = try await b.post(app, "/logout", form: ["_csrf": Self.csrf(desk)])
            #expect(out == .seeOther && loc.first(name: .location) == "/login")
            let (after, _, where_) = try await b.get(app, "/desk")
            #expect(after == .seeOther && where_.first(name: .location) == "/login")
        }
    }

    @Test("Public tracking page: state and due date only, the same status the staff see")
    func tracking() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let received = ISO8601DateFormatter().date(from: "2024-01-25T10:00:00+06:00")!
            let a = try await app.appealService.register(
                Procedure.Draft(channel: .paper, receivedAt: received, applicant: Applicant(surname: "Нұрланов", givenName: "Ержан")),
                actor: w.registrar, idempotencyKey: nil).appeal
            let b = Browser()
            let (_, form, _) = try await b.get(app, "/track")
            #expect(form.contains(#"<form method="post" action="/track">"#), "the number and code are posted, not put in the address")
            let (s, html, _) = try await b.post(app, "/track", form: ["_csrf": Self.csrf(form), "number": a.registration.number.lowercased(),
                                                                      "code": " " + a.registration.trackingCode.lowercased()])
            #expect(s == .ok && html.contains("Тіркелді") && html.contains("14.02.2024") && html.contains("25.01.2024"), "the code in any letter case")
            #expect(!html.contains("Нұрланов") && !html.contains(a.registration.trackingCode))
            let (_, ru, _) = try await b.get(app, "/track?lang=ru")
            let (nf, miss, _) = try await b.post(app, "/track", form: ["_csrf": Self.csrf(ru), "number": a.registration.number, "code": "WRONG"])
            #expect(nf == .notFound && miss.contains("Обращение с таким номером и кодом не найдено."))
            #expect(try await b.post(app, "/track", form: ["number": a.registration.number, "code": "WRONG"]).0 == .forbidden)
        }
    }
}

@Suite("Pages: an appeal from registration to answer through the forms")
struct AppealPagesTests {
    @Test("R1, R5, R9: register from the form, see the suggestion and terms, assign, confirm, answer; payloads stay inert")
    func wholePath() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "WEB", nameKk: "Веб әкімдігі", nameRu: "Веб-акимат")
            try await store.add(body)
            let me = try await PagesTests.person(app, body: body.id, login: "all", name: "Бәрін істейтін", position: "басшы", roles: [.head, .registrar, .executor])
            let b = PagesTests.Browser()
            try await b.signIn(app, "all")
            let (fs, form, _) = try await b.get(app, "/appeals/new")
            #expect(fs == .ok && form.contains("Жолданымды тіркеу"))
            let essence = "Ақпарат беруіңізді сұраймын <script>alert(1)</script><img src=x onerror=alert(2)>"
            let (rs, _, loc) = try await b.post(app, "/appeals", form: ["_csrf": PagesTests.csrf(form), "channel": "paper",
                                                                         "surname": "Нұрланов", "givenName": "Ержан", "iin": "061211600012",
                                                                         "essence": essence, "signaturePresent": "on"])
            #expect(rs == .seeOther)
            let path = try #require(loc.first(name: .location)?.split(separator: "?").first.map(String.init))
            let (ps, page, _) = try await b.get(app, path)
            #expect(ps == .ok && page.contains("WEB-") && page.contains("Нұрланов Ержан") && page.contains("061211600012"))
            #expect(!page.contains("<script>alert(1)") && !page.contains("<img src=x") && page.contains("&lt;script&gt;"))
            #expect(page.contains("Сұрау салу") && page.contains("Ақпарат беруіңізді"))  // suggested kind and the words as typed
            #expect(page.contains("Мерзім қалай есептелді") && page.contains("Мерзімнің соңғы күні"))
            #expect(try await PagesTests.step(b, app, path, "assign", ["executorId": me.uuidString]).0 == .seeOther)
            #expect(try await PagesTests.step(b, app, path, "confirm_kind", ["kind": "request"]).0 == .seeOther)
            let (bad, badPage, _) = try await PagesTests.step(b, app, path, "answer", ["textKk": "", "character": "explained"])
            #expect(bad == .unprocessableEntity && badPage.contains("Міндетті жолды толтырыңыз.") && badPage.contains(#"action="\#(path)/steps/answer""#),
                    "a refused form stays on its own address, with the reason")
            let (unconfirmed, unconfirmedPage, _) = try await PagesTests.step(b, app, path, "answer", ["textKk": "Түсіндіреміз…", "character": "explained"],
                                                                              confirm: false)
            #expect(unconfirmed == .unprocessableEntity && unconfirmedPage.contains("Әрекетті растаңыз.") && unconfirmedPage.contains("Түсіндіреміз…"),
                    "a step that cannot be undone asks to confirm, and keeps the typed text")
            let (ok, _, okHeaders) = try await PagesTests.step(b, app, path, "answer", ["textKk": "Түсіндіреміз…", "character": "explained"])
            #expect(ok == .seeOther && okHeaders.first(name: .location) == path + "?done=answer")
            let (_, said, _) = try await b.get(app, path + "?done=answer")
            #expect(said.contains("Жауап жазылды") && said.contains("Түсіндіреміз…"), "a success message; the answer is shown")
            #expect(try await b.post(app, path + "/steps/answer", form: ["textKk": "x", "character": "explained"]).0 == .forbidden)
            let (_, done, _) = try await b.get(app, path + "?lang=ru")
            #expect(done.contains("Дан ответ") && done.contains("Вид подтверждён"))
            let (cs, coupon, _) = try await b.get(app, path + "/documents/coupon?lang=ru")
            #expect(cs == .ok && coupon.contains("Талон о приёме обращения"))
            let (_, desk, _) = try await b.get(app, "/desk")
            #expect(!desk.contains(path), "the desk lists the appeals still being handled")
            let (_, answered, _) = try await b.get(app, "/desk?state=answered&scope=all")
            #expect(answered.contains(path) && answered.contains(#"<option value="answered" selected>"#))
        }
    }

    @Test("R6: forwarding part of an appeal to another body from the form")
    func forwardPart() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let a = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "екі талап"),
                                                         actor: w.registrar, idempotencyKey: nil).appeal
            try await PagesTests.person(app, body: w.bodyA.id, login: "boss", name: "Бастық", position: "басшы", roles: [.head])
            let b = PagesTests.Browser()
            try await b.signIn(app, "boss")
            let (_, page, _) = try await b.get(app, "/appeals/\(a.id)/steps/forward")
            #expect(page.contains("Қарағанды облысының әкімдігі"))
            let (s, _, _) = try await PagesTests.step(b, app, "/appeals/\(a.id)", "forward", [
                "targetBodyId": w.bodyB.id.uuidString, "demandsText": "салық\nжол"])
            #expect(s == .seeOther)
            let view = try await app.appealService.view(a.id, actor: w.head)
            #expect(view.appeal.forwardings.first?.demands == ["салық", "жол"])
            #expect(view.appeal.forwardings.first?.targetName == "Қарағанды облысының әкімдігі")
            #expect(view.appeal.state == .registered)
        }
    }

    @Test("Another body's appeal page is not found; without a session the pages send you to sign in")
    func isolation() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let a = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar,
                                                         idempotencyKey: nil).appeal
            let anonymous = PagesTests.Browser()
            let (s, _, h) = try await anonymous.get(app, "/appeals/\(a.id)")
            #expect(s == .seeOther && h.first(name: .location) == "/login")
            try await PagesTests.person(app, body: w.bodyB.id, login: "other", name: "Басқа", position: "", roles: [.head])
            let b = PagesTests.Browser()
            try await b.signIn(app, "other")
            #expect(try await b.get(app, "/appeals/\(a.id)").0 == .notFound)
        }
    }
}

@Suite("Pages: the register of the day and changing the password")
struct AccountPagesTests {
    @Test("R1: today's register lists the day's appeals in number order, with the receiving employee")
    func journal() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            for surname in ["Әлиев", "Бекова"] {
                _ = try await app.appealService.register(Procedure.Draft(channel: .oral, receivedAt: app.now, applicant: Applicant(surname: surname)),
                                                         actor: w.registrar, idempotencyKey: nil)
            }
            try await PagesTests.person(app, body: w.bodyA.id, login: "reg2", name: "Тіркеуші", position: "", roles: [.registrar])
            let b = PagesTests.Browser()
            try await b.signIn(app, "reg2")
            let (s, page, _) = try await b.get(app, "/journal")
            #expect(s == .ok && page.contains("Тіркеу журналы") && page.contains(#"type="date" id="day""#))
            let first = try #require(page.range(of: "Әлиев")), second = try #require(page.range(of: "Бекова"))
            #expect(first.lowerBound < second.lowerBound && page.contains("Әлия Серікқызы") && page.contains("Ауызша (хаттама)"))
        }
    }

    @Test("Changing the password checks the current one, the length and the repetition, and ends old API tokens")
    func password() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "PW", nameKk: "П", nameRu: "П")
            try await store.add(body)
            let id = try await store.addUser(bodyID: body.id, login: "nurlan", passwordHash: try Bcrypt.hash("old password 123", cost: 4),
                                             name: "Нұрлан", position: "", roles: [.executor])
            try await store.addToken("old-token", userID: id, expiresAt: app.now.addingTimeInterval(3600))
            let b = PagesTests.Browser()
            try await b.signIn(app, "nurlan", password: "old password 123")
            let (_, form, _) = try await b.get(app, "/password")
            let token = PagesTests.csrf(form)
            #expect(try await b.post(app, "/password", form: ["_csrf": token, "current": "nope", "new": "new password 456", "repeat": "new password 456"]).0 == .unauthorized)
            #expect(try await b.post(app, "/password", form: ["_csrf": token, "current": "old password 123", "new": "short", "repeat": "short"]).0 == .unprocessableEntity)
            let (ok, page, _) = try await b.post(app, "/password", form: ["_csrf": token, "current": "old password 123", "new": "new password 456", "repeat": "new password 456"])
            #expect(ok == .ok && page.contains("Құпиясөз өзгертілді."))
            #expect(try await store.actor(token: "old-token", now: app.now) == nil)
            let hash = try #require(try await store.passwordHash(of: id))
            #expect(try Bcrypt.verify("new password 456", created: hash))
        }
    }
}

@Suite("Pages: the head's view")
struct HeadPageTests {
    @Test("R47: the head sees overdue and at-risk terms, counts, the on-time rate, a weekly SVG chart and waiting recusals")
    func head() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let s = app.appealService
            let old = try await s.register(Procedure.Draft(channel: .paper, receivedAt: Date(timeIntervalSince1970: 1_706_155_200)),
                                           actor: w.registrar, idempotencyKey: nil).appeal  // 2024: overdue now
            let fresh = try await s.register(Procedure.Draft(channel: .portal, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal
            _ = try await s.perform(.assign(executorID: w.executor.userID), on: fresh.id, actor: w.head)
            _ = try await s.perform(.requestRecusal(source: .selfRecusal, reason: "туысым"), on: fresh.id, actor: w.executor)
            try await PagesTests.person(app, body: w.bodyA.id, login: "chief", name: "Бастық", position: "", roles: [.head])
            let b = PagesTests.Browser()
            try await b.signIn(app, "chief")
            let (st, page, _) = try await b.get(app, "/head")
            #expect(st == .ok && page.contains("Органның жай-күйі"))
            let overdue = try #require(page.range(of: "Мерзімі өткендер")), risk = try #require(page.range(of: "3 жұмыс күні ішінде мерзімі өтетіндер"))
            let between = page[overdue.upperBound..<risk.lowerBound]
            #expect(between.contains(old.registration.number) && !between.contains(fresh.registration.number))
            #expect(page.contains("<svg") && page.contains("<rect") && page.contains("<title>"))
            let recusals = try #require(page.range(of: "Шешімді күтетін қарсылықтар"))
            #expect(page[recusals.upperBound...].contains(fresh.registration.number))
            #expect(page.contains("Арман Қасымов"))  // open appeals by executor
            let executor = PagesTests.Browser()
            try await PagesTests.person(app, body: w.bodyA.id, login: "worker", name: "Жұмыскер", position: "", roles: [.executor])
            try await executor.signIn(app, "worker")
            #expect(try await executor.get(app, "/head").0 == .forbidden)
        }
    }
}

@Suite("Pages: administration")
struct AdminPagesTests {
    @Test("R16: the admin sees a year at a glance with each day off and its reason, and imports a new year's file")
    func calendar() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "ADM", nameKk: "Әкімшілік", nameRu: "Администрация")
            try await store.add(body)
            try await PagesTests.person(app, body: body.id, login: "root", name: "Әкімші", position: "", roles: [.admin, .installationAdmin])
            try await PagesTests.person(app, body: body.id, login: "exec", name: "Орындаушы", position: "", roles: [.executor])
            let b = PagesTests.Browser()
            try await b.signIn(app, "root")
            let (s, page, _) = try await b.get(app, "/admin/calendar?year=2026&lang=ru")
            #expect(s == .ok && page.contains("Календарь рабочих дней 2026") && page.contains("kz-2026.11.24"))
            #expect(page.contains("24.03.2026 — перенесённый выходной день: Наурыз мейрамы 21.03.2026"))
            #expect(page.contains("Рабочих дней: 247"))

            let boundary = "zhauap-test-boundary"
            func multipart(_ json: String) -> String {
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(PagesTests.csrf(page))\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2028.json\"\r\nContent-Type: application/json\r\n\r\n\(json)\r\n--\(boundary)--\r\n"
            }
            func upload(_ json: String) async throws -> (HTTPStatus, String) {
                var h = b.headers
                h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                var out: (HTTPStatus, String) = (.internalServerError, "")
                try await app.testing().test(.POST, "admin/calendar", headers: h, body: ByteBuffer(string: multipart(json))) { res async throws in
                    out = (res.status, res.body.string)
                }
                return out
            }
            let (bad, badPage) = try await upload(#"{"format":1,"version":"x","years":{"2028":{"status":"confirmed","transfers":[{"dayOff":"2028-03-18","act":{"issuer":"nobody"}}]}}}"#)
            #expect(bad == .unprocessableEntity && badPage.contains("unknown issuer"))
            let (ok, okPage) = try await upload(override2028)
            #expect(ok == .ok && okPage.contains("kz-2026.11.24+2028-order-1#1"))
            let exec = PagesTests.Browser()
            try await exec.signIn(app, "exec")
            #expect(try await exec.get(app, "/admin/calendar").0 == .forbidden)
        }
    }
}
