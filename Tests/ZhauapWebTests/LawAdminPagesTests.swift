import Fluent
import Foundation
import NIOFoundationEssentialsCompat
import Testing
import Vapor
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: the registry of normative acts")
struct LawAdminPagesTests {
    /// An installation administrator (`root`), a body's administrator (`badmin`) and an executor (`exec`), signed in.
    static func people(_ app: Application) async throws -> (root: PagesTests.Browser, bodyAdmin: PagesTests.Browser, executor: PagesTests.Browser) {
        let body = AdministrativeBody(code: "ADM", nameKk: "Әкімшілік", nameRu: "Администрация")
        try await FluentOrganisationStore(database: app.db).add(body)
        try await PagesTests.person(app, body: body.id, login: "root", name: "Әкімші Бас", position: "", roles: [.admin, .installationAdmin])
        try await PagesTests.person(app, body: body.id, login: "badmin", name: "Орган әкімшісі", position: "", roles: [.admin])
        try await PagesTests.person(app, body: body.id, login: "exec", name: "Орындаушы", position: "", roles: [.executor])
        let browsers = (PagesTests.Browser(), PagesTests.Browser(), PagesTests.Browser())
        try await browsers.0.signIn(app, "root")
        try await browsers.1.signIn(app, "badmin")
        try await browsers.2.signIn(app, "exec")
        return browsers
    }

    typealias People = (root: PagesTests.Browser, bodyAdmin: PagesTests.Browser, executor: PagesTests.Browser)

    /// Runs `body` on a fresh application with the three people signed in.
    static func withPeople(_ database: DatabaseLocation = .sqliteMemory, _ body: (Application, People) async throws -> Void) async throws {
        try await withZhauapApp(database: database) { app in try await body(app, try await people(app)) }
    }

    static func value(_ html: String, _ name: String) -> String {
        guard let r = html.range(of: #"name="\#(name)" value=""#) else { return "" }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static let newNorm: [String: String] = [
        "id": "appc-76-9", "act": "appc", "article": "76", "paragraph": "9", "markersKk": "мерзім, ұзарту", "markersRu": "срок, продление",
        "role_procedure": "on", "source": "test fixture", "status": "U", "from": "2024-01-01",
        "textRu": "Первая редакция", "p0_kk": "Шарт", "p0_ru": "Условие", "p0_en": "Condition", "p0_source": "test fixture", "p0_status": "U",
        "consequenceKk": "Салдар", "consequenceRu": "Последствие", "consequenceEn": "Consequence", "consequenceSource": "test fixture",
        "consequenceStatus": "U", "action": "save",
    ]

    @Test("R29: the registry's page lists the acts by level of legal force with their norms' citations, roles and statuses, the revision and the export",
          arguments: TestDatabases.all)
    func overview(database: DatabaseLocation) async throws {
        try await Self.withPeople(database) { app, people in
            let (root, bodyAdmin, executor) = people
            let (s, page, _) = try await root.get(app, "/admin/law?lang=ru")
            #expect(s == .ok && page.contains("Реестр нормативных правовых актов") && page.contains(#"<code id="law-revision">bundled</code>"#))
            #expect(page.contains("ст. 76 п. 1") && page.contains("устанавливает срок") && page.contains(#"href="/admin/law/export""#))
            let constitution = try #require(page.range(of: #"id="level-1""#))
            let code = try #require(page.range(of: #"id="level-6""#))
            #expect(constitution.lowerBound < code.lowerBound, "higher force first")
            #expect(page.contains(#"href="/admin/law">Нормативные акты</a>"#), "linked from the admin navigation")
            let (vs, viewed, _) = try await bodyAdmin.get(app, "/admin/law")
            #expect(vs == .ok && !viewed.contains(#"action="/admin/law""#), "a body's administrator looks, with no import form")
            #expect(try await executor.get(app, "/admin/law").0 == .forbidden)
            let (es, file, eh) = try await root.get(app, "/admin/law/export")
            #expect(es == .ok && eh.first(name: "X-Registry-Revision") == "bundled")
            #expect(try LawRegistry.decode(Data(file.utf8)) == (try LawRegistry.bundled()))
        }
    }

    @Test("R27, R29: a norm is created from its form, amended from a date (two versions, the old one closed the day before) and repealed",
          arguments: TestDatabases.all)
    func createAmendRepeal(database: DatabaseLocation) async throws {
        try await Self.withPeople(database) { app, people in
            let root = people.root
            let (_, form, _) = try await root.get(app, "/admin/law/norms/new?act=appc")
            #expect(Self.value(form, "revision") == "bundled")
            var fields = Self.newNorm
            fields["_csrf"] = PagesTests.csrf(form)
            fields["revision"] = "bundled"
            // A bad form names every problem, keeps what was typed and stores nothing.
            let bad = fields.merging(["id": "Bad Id", "from": "01.01.2024", "role_term": "on"]) { $1 }
            let (bs, badPage, _) = try await root.post(app, "/admin/law/norms/new?lang=en", form: bad)
            #expect(bs == .unprocessableEntity)
            for problem in ["A date must be YYYY-MM-DD", "Id: lower-case Latin letters", "A norm that sets a term says which"] {
                #expect(badPage.contains(problem), "\(problem)")
            }
            #expect(badPage.contains(#"value="Bad Id""#) && badPage.contains("Первая редакция"), "what was typed is kept")
            #expect(try await FluentLawStore(database: app.db).revision() == nil)

            let (s, _, h) = try await root.post(app, "/admin/law/norms/new", form: fields)
            #expect(s == .seeOther && h.first(name: .location) == "/admin/law/norms/appc-76-9?saved=1")
            var norm = try #require(try await app.lawLibrary.current().registry.norm("appc-76-9"))
            #expect(norm.versions.count == 1 && norm.versions[0].from == CivilDate("2024-01-01") && norm.roles == [.procedure])
            #expect(norm.markersRu == ["срок", "продление"] && norm.versions[0].preconditions.count == 1)

            let (_, edit, _) = try await root.get(app, "/admin/law/norms/appc-76-9?lang=en")
            #expect(edit.contains("Art. 76(9)") && Self.value(edit, "revision") == "1")
            let amend = fields.merging(["_csrf": PagesTests.csrf(edit), "revision": "1", "textRu": "Вторая редакция", "action": "amend",
                                        "amendFrom": "2025-03-01"]) { $1 }
            // A form made on an older revision is refused: someone saved in between.
            let stale = amend.merging(["revision": "bundled"]) { $1 }
            let (ss, stalePage, _) = try await root.post(app, "/admin/law/norms/appc-76-9?lang=en", form: stale)
            #expect(ss == .conflict && stalePage.contains("Someone else saved the registry meanwhile"))

            let (as_, _, _) = try await root.post(app, "/admin/law/norms/appc-76-9", form: amend)
            #expect(as_ == .seeOther)
            norm = try #require(try await app.lawLibrary.current().registry.norm("appc-76-9"))
            #expect(norm.versions.count == 2)
            #expect(norm.versions[0].to == CivilDate("2025-02-28") && norm.versions[0].textRu == "Первая редакция", "the old wording is kept, closed the day before")
            #expect(norm.versions[1].from == CivilDate("2025-03-01") && norm.versions[1].to == nil && norm.versions[1].textRu == "Вторая редакция")

            // As the page shows it now: the newest wording is in force from the amendment's day.
            let (_, amended, _) = try await root.get(app, "/admin/law/norms/appc-76-9")
            #expect(Self.value(amended, "revision") == "2" && amended.contains(#"name="from" value="2025-03-01""#))
            let repeal = amend.merging(["revision": "2", "from": "2025-03-01", "action": "repeal", "repealFrom": "2026-01-01"]) { $1 }
            let (rs, _, _) = try await root.post(app, "/admin/law/norms/appc-76-9", form: repeal)
            #expect(rs == .seeOther)
            norm = try #require(try await app.lawLibrary.current().registry.norm("appc-76-9"))
            #expect(norm.versions.count == 3 && norm.versions[1].to == CivilDate("2025-12-31") && norm.versions[2].repealed)
            #expect(norm.repealedOn == CivilDate("2026-01-01") && norm.version(on: CivilDate("2026-06-09")!) == nil)
            let (_, list, _) = try await root.get(app, "/admin/law?lang=en")
            #expect(list.contains("repealed from 01.01.2026") && list.contains("Әкімші Бас"), "the list shows the repeal and who saved")
            #expect(try await FluentLawStore(database: app.db).revisions(limit: 10).map(\.revision) == [3, 2, 1])
        }
    }

    @Test("R29: a body's administrator and an executor may not edit the registry (403); nothing is stored")
    func onlyTheInstallationAdministratorEdits() async throws {
        try await Self.withPeople { app, people in
            let (bodyAdmin, executor) = (people.bodyAdmin, people.executor)
            let (vs, view, _) = try await bodyAdmin.get(app, "/admin/law/norms/appc-76-1")
            #expect(vs == .ok && !view.contains(#"name="action" value="save""#), "viewed, without the buttons")
            for (browser, page) in [(bodyAdmin, view), (executor, view)] {
                var fields = Self.newNorm
                fields["_csrf"] = PagesTests.csrf(page)
                fields["revision"] = "bundled"
                for path in ["/admin/law/norms/new", "/admin/law/acts/appc", "/admin/law"] {
                    #expect(try await browser.post(app, path, form: fields).0 == .forbidden, "\(path)")
                }
            }
            #expect(try await executor.get(app, "/admin/law/acts/appc").0 == .forbidden)
            #expect(try await FluentLawStore(database: app.db).revision() == nil)
        }
    }

    @Test("R29: an act is edited from its form (periods as rows); the import refuses a bad file listing every problem in the reader's language")
    func actAndImport() async throws {
        try await Self.withPeople { app, people in
            let root = people.root
            let (_, page, _) = try await root.get(app, "/admin/law/acts/appc")
            let appc = try #require(try LawRegistry.bundled().act("appc"))
            #expect(page.contains(#"name="v0_from" value="\#(appc.versions[0].from)""#))
            var fields = LawFields(act: appc).values
            let next = appc.versions.count
            fields["v\(next)_from"] = "2020-01-01"
            fields["_csrf"] = PagesTests.csrf(page)
            fields["revision"] = "bundled"
            let (bs, bad, _) = try await root.post(app, "/admin/law/acts/appc?lang=ru", form: fields)
            #expect(bs == .unprocessableEntity && bad.contains("acts[") && bad.contains("Периоды должны идти по порядку"), "\(bs)")
            fields["v\(next)_from"] = ""
            fields["titleEn"] = "Administrative Procedural and Process Code (edited)"
            let (s, _, _) = try await root.post(app, "/admin/law/acts/appc", form: fields)
            #expect(s == .seeOther)
            #expect(try await app.lawLibrary.current().registry.act("appc")?.titleEn == "Administrative Procedural and Process Code (edited)")

            let (is_, imported, _) = try await root.post(app, "/admin/law?lang=kk", form: [
                "_csrf": fields["_csrf"]!, "revision": "1", "json": #"{"format": 2, "version": "", "source": "x", "hierarchy": [], "acts": [{"id": "a", "level": "nowhere", "titleKk": "А", "titleRu": "А", "titleEn": "A", "versions": [], "source": "x", "status": "U"}], "norms": []}"#])
            #expect(is_ == .unprocessableEntity)
            for line in ["format: Файл пішімінің нұсқасы 1 болуы тиіс.", "acts[0].level: Мұндай заңдық күш деңгейі иерархияда жоқ.", "hierarchy: Толтырылмаған."] {
                #expect(imported.contains(line), "\(line)")
            }
            #expect(try await FluentLawStore(database: app.db).revision() == 1)
        }
    }
}
