import Fluent
import Foundation
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: a password change or reset ends the other sessions")
struct SessionEndTests {
    @Test("Signing in renews the session id; changing one's password keeps this browser signed in and signs out the others; an admin's reset signs out all")
    func sessionsEnd() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "SES", nameKk: "Сессия", nameRu: "Сессия")
            try await store.add(body)
            let userID = try await PagesTests.person(app, body: body.id, login: "dana", name: "Ахметова Дана", position: "", roles: [.executor])
            try await PagesTests.person(app, body: body.id, login: "root", name: "Әкімші", position: "", roles: [.admin])
            let (laptop, phone, admin) = (PagesTests.Browser(), PagesTests.Browser(), PagesTests.Browser())
            _ = try await laptop.get(app, "/login")
            #expect(laptop.cookies[WebSession.cookieName] == nil, "nobody signed in: no session")
            // Session fixation: an id planted in the browser beforehand is never the one signed in.
            let before = "planted-by-someone-else"
            laptop.cookies[WebSession.cookieName] = before
            try await laptop.signIn(app, "dana")
            #expect(laptop.cookies[WebSession.cookieName] != before, "signing in gives the session a new id")
            let stale = PagesTests.Browser()
            stale.cookies[WebSession.cookieName] = before
            #expect(try await stale.get(app, "/desk").0 == .seeOther, "the id from before sign-in signs nobody in")
            try await phone.signIn(app, "dana")
            try await admin.signIn(app, "root")
            #expect(try await phone.get(app, "/desk").0 == .ok)

            let (_, form, _) = try await laptop.get(app, "/password")
            let (s, _, _) = try await laptop.post(app, "/password", form: ["_csrf": PagesTests.csrf(form), "current": PagesTests.password,
                                                                             "new": "a new long secret", "repeat": "a new long secret"])
            #expect(s == .ok)
            #expect(try await laptop.get(app, "/desk").0 == .ok, "the browser that changed it stays signed in")
            #expect(try await phone.get(app, "/desk").0 == .seeOther, "the other session ends")
            try await phone.signIn(app, "dana", password: "a new long secret")
            #expect(try await phone.get(app, "/desk").0 == .ok)

            let (_, userPage, _) = try await admin.get(app, "/admin/users/\(userID)")
            #expect(try await admin.post(app, "/admin/users/\(userID)/password", form: ["_csrf": PagesTests.csrf(userPage)]).0 == .ok)
            #expect(try await laptop.get(app, "/desk").0 == .seeOther)
            #expect(try await phone.get(app, "/desk").0 == .seeOther)
            #expect(try await admin.get(app, "/desk").0 == .ok, "nobody else is signed out")
        }
    }
}
