import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
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
            try await store.addUser(bodyID: body.id, login: "asel", passwordHash: try Bcrypt.hash("a long enough secret", cost: 4),
                                    name: "Әсел <script>alert(1)</script>", position: "бас маман", roles: [.executor])
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
            let (s, html, _) = try await b.get(app, "/track?number=\(a.registration.number)&code=\(a.registration.trackingCode.lowercased())")
            #expect(s == .ok && html.contains("Тіркелді") && html.contains("14.02.2024") && html.contains("25.01.2024"))
            #expect(!html.contains("Нұрланов"))
            let (nf, miss, _) = try await b.get(app, "/track?number=\(a.registration.number)&code=WRONG&lang=ru")
            #expect(nf == .notFound && miss.contains("Обращение с таким номером и кодом не найдено."))
        }
    }
}
