import Fluent
import Foundation
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// An administrator manages their own body only; the installation's matters (new bodies, the calendar)
/// and every body are the installation administrator's, a role only the command line gives.
@Suite("Admin pages: own body, other body, the installation", .serialized)
struct AdminIsolationTests {
    struct Setup {
        var bodyA: AdministrativeBody, bodyB: AdministrativeBody
        var userA: UUID, adminA: UUID, installer: UUID
    }

    static func setup(_ app: Application) async throws -> Setup {
        let store = FluentOrganisationStore(database: app.db)
        let a = AdministrativeBody(code: "AAA", nameKk: "А органы", nameRu: "Орган А"), b = AdministrativeBody(code: "BBB", nameKk: "Б органы", nameRu: "Орган Б")
        try await store.add(a)
        try await store.add(b)
        let userA = try await PagesTests.person(app, body: a.id, login: "clerk-a", name: "Тіркеуші А", position: "", roles: [.registrar, .head])
        let adminA = try await PagesTests.person(app, body: a.id, login: "admin-a", name: "Әкімші А", position: "", roles: [.admin])
        try await PagesTests.person(app, body: b.id, login: "admin-b", name: "Әкімші Б", position: "", roles: [.admin])
        let installer = try await PagesTests.person(app, body: a.id, login: "root", name: "Жүйе әкімшісі", position: "", roles: [.installationAdmin])
        return Setup(bodyA: a, bodyB: b, userA: userA, adminA: adminA, installer: installer)
    }

    /// Every admin page and form of body A, as one browser sees them: status per route.
    static func probe(_ app: Application, _ b: PagesTests.Browser, _ s: Setup) async throws -> [String: HTTPStatus] {
        let (_, own, _) = try await b.get(app, "/desk")
        let csrf = PagesTests.csrf(own)
        var out: [String: HTTPStatus] = [:]
        out["GET body"] = try await b.get(app, "/admin/bodies/AAA").0
        out["POST body"] = try await b.post(app, "/admin/bodies/AAA", form: ["_csrf": csrf, "nameKk": "Ұрланған", "nameRu": "Украдено", "hours": "09:00-18:30",
                                                                          "timeZone": "Asia/Almaty", "correctionDays": "5"]).0
        out["POST area"] = try await b.post(app, "/admin/bodies/AAA/areas", form: ["_csrf": csrf, "area": "roads", "nameKk": "Жолдар", "nameRu": "Дороги",
                                                                                "markers": "жол, дорога"]).0
        out["POST user"] = try await b.post(app, "/admin/bodies/AAA/users", form: ["_csrf": csrf, "login": "planted", "name": "Енгізілген Адам",
                                                                                "admin": "on"]).0
        out["POST nomenclature"] = try await b.post(app, "/admin/bodies/AAA/nomenclature", form: ["_csrf": csrf, "year": "2026", "unitCode": "99",
                                                                                          "retentionKk": "1 жыл", "retentionRu": "1 год"]).0
        out["GET user"] = try await b.get(app, "/admin/users/\(s.userA)").0
        out["POST user roles"] = try await b.post(app, "/admin/users/\(s.userA)", form: ["_csrf": csrf, "name": "Тіркеуші А", "admin": "on", "active": "on"]).0
        out["POST password"] = try await b.post(app, "/admin/users/\(s.userA)/password", form: ["_csrf": csrf]).0
        return out
    }

    @Test("An administrator of body B reaches nothing of body A: every page and form is not found, nothing changes")
    func otherBody() async throws {
        try await withZhauapApp { app in
            let s = try await Self.setup(app)
            let b = PagesTests.Browser()
            try await b.signIn(app, "admin-b")
            let seen = try await Self.probe(app, b, s)
            #expect(seen.values.allSatisfy { $0 == .notFound }, "\(seen)")
            let store = FluentOrganisationStore(database: app.db)
            #expect(try await store.body(code: "AAA")?.nameKk == "А органы")
            #expect(try await store.loginTaken("planted") == false)
            #expect(try await app.appealService.nomenclature(bodyID: s.bodyA.id, year: 2026) == nil)
            #expect(try await store.actor(s.userA)?.roles == [.registrar, .head])
            // The password was not reset: the user still signs in with the old one.
            let user = PagesTests.Browser()
            try await user.signIn(app, "clerk-a")
            // Installation matters are refused; the list of bodies leads to the own body.
            let (_, desk, _) = try await b.get(app, "/desk")
            #expect(try await b.post(app, "/admin/bodies", form: ["_csrf": PagesTests.csrf(desk), "code": "NEW", "nameKk": "Жаңа", "nameRu": "Новый"]).0 == .forbidden)
            #expect(try await b.get(app, "/admin/bodies").2.first(name: .location) == "/admin/bodies/BBB")
        }
    }

    @Test("An administrator of body A manages body A; cannot take over the installation administrator's account")
    func ownBody() async throws {
        try await withZhauapApp { app in
            let s = try await Self.setup(app)
            let b = PagesTests.Browser()
            try await b.signIn(app, "admin-a")
            let seen = try await Self.probe(app, b, s)
            #expect(seen["GET body"] == .ok && seen["GET user"] == .ok && seen["POST password"] == .ok, "\(seen)")
            #expect(seen["POST body"] == .ok && seen["POST user"] == .created && seen["POST user roles"] == .ok)
            #expect(try await b.get(app, "/admin/users/\(s.installer)").0 == .notFound, "the installation administrator is out of a body admin's reach")
        }
    }

    @Test("The installation administrator reaches every body, keeps the role when edited in the pages, and the pages never grant it")
    func installation() async throws {
        try await withZhauapApp { app in
            let s = try await Self.setup(app)
            let b = PagesTests.Browser()
            try await b.signIn(app, "root")
            let seen = try await Self.probe(app, b, s)
            #expect(seen.values.allSatisfy { $0.code < 400 }, "\(seen.mapValues(\.code))")
            let (_, page, _) = try await b.get(app, "/admin/users/\(s.installer)")
            #expect(page.contains("Жүйе әкімшісі (барлық органдар, күнтізбе)") || page.contains("installation"), "shown as such")
            #expect(!page.contains(#"name="installation_admin""#) && !page.contains(#"name="installationAdmin""#), "the pages never grant it")
            #expect(try await b.post(app, "/admin/users/\(s.installer)", form: ["_csrf": PagesTests.csrf(page), "name": "Жүйе әкімшісі",
                                                                              "admin": "on", "active": "on"]).0 == .ok)
            #expect(try await FluentOrganisationStore(database: app.db).actor(s.installer)?.roles.contains(.installationAdmin) == true)
            let (_, bodies, _) = try await b.get(app, "/admin/bodies")
            #expect(bodies.contains("AAA") && bodies.contains("BBB"))
        }
    }
}
