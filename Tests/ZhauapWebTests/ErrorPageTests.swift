import Foundation
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: errors a browser sees")
struct ErrorPageTests {
    static func get(_ app: Application, _ path: String, accept: String, cookie: String? = nil) async throws -> (HTTPStatus, String, String?) {
        var h = HTTPHeaders()
        h.add(name: .accept, value: accept)
        if let cookie { h.add(name: .cookie, value: cookie) }
        var out: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
        try await app.testing().test(.GET, path, headers: h) { res async throws in
            out = (res.status, res.body.string, res.headers.contentType?.description)
        }
        return out
    }

    @Test("A browser asking for a missing page gets a 404 page in its language; the API keeps problem+json")
    func notFound() async throws {
        try await withZhauapApp { app in
            let html = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
            let (s1, kk, t1) = try await Self.get(app, "/no/such/page", accept: html)
            #expect(s1 == .notFound && t1?.hasPrefix("text/html") == true)
            #expect(kk.contains("Бет табылмады") && kk.contains(#"<html lang="kk">"#))
            let (_, ru, _) = try await Self.get(app, "/no/such/page", accept: html, cookie: "zhauap_lang=ru")
            #expect(ru.contains("Страница не найдена"))
            let (s2, api, t2) = try await Self.get(app, "/api/v1/nothing", accept: html)
            #expect(s2 == .notFound && t2?.hasPrefix("application/problem+json") == true && api.contains(#""code":"not_found""#))
            let (s3, plain, t3) = try await Self.get(app, "/no/such/page", accept: "application/json")
            #expect(s3 == .notFound && t3?.hasPrefix("application/problem+json") == true && plain.contains("not_found"))
        }
    }

    @Test("A form with a stale CSRF token and a page the role may not open get pages that say so")
    func forbidden() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "worker", name: "Жұмыскер", position: "", roles: [.executor])
            let b = PagesTests.Browser()
            try await b.signIn(app, "worker")
            var h = b.headers
            h.add(name: .accept, value: "text/html")
            var page = ""
            try await app.testing().test(.GET, "/head?lang=ru", headers: h) { res async throws in
                #expect(res.status == .forbidden)
                page = res.body.string
            }
            #expect(page.contains("Нет доступа"))
            h.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "/appeals", headers: h, body: ByteBuffer(string: "_csrf=stale&channel=paper")) { res async throws in
                #expect(res.status == .forbidden && res.body.string.contains("Форманың мерзімі өтті"), "\(res.body.string)")
            }
        }
    }
}
