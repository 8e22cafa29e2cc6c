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

@Suite("Pages: administering bodies, competence areas and users")
struct AdminOrganisationPagesTests {
    static func admin(_ app: Application) async throws -> (PagesTests.Browser, AdministrativeBody) {
        let body = AdministrativeBody(code: "ADM", nameKk: "Әкімшілік", nameRu: "Администрация")
        try await FluentOrganisationStore(database: app.db).add(body)
        try await PagesTests.person(app, body: body.id, login: "root", name: "Әкімші Бас", position: "", roles: [.admin, .installationAdmin])
        let b = PagesTests.Browser()
        try await b.signIn(app, "root")
        return (b, body)
    }

    @Test("A body is created from the form with its code, names, hours and higher body; a bad form names each problem and stores nothing")
    func createBody() async throws {
        try await withZhauapApp { app in
            let (b, _) = try await Self.admin(app)
            let (_, list, _) = try await b.get(app, "/admin/bodies?lang=ru")
            let csrf = PagesTests.csrf(list)
            let (bad, badPage, _) = try await b.post(app, "/admin/bodies", form: [
                "_csrf": csrf, "code": "adm", "nameKk": "", "nameRu": "Акимат", "timeZone": "Mars/Olympus", "hours": "18:00-09:00",
                "correctionDays": "0", "higher": "NOPE"])
            #expect(bad == .unprocessableEntity)
            for problem in ["Код: латинские заглавные", "на казахском и русском", "Вышестоящий орган не найден", "Неизвестный часовой пояс",
                            "Рабочее время в виде", "от 1 до 60"] {
                #expect(badPage.contains(problem), "\(problem)")
            }
            #expect(badPage.contains(#"value="Акимат""#), "what was typed is kept")
            let store = FluentOrganisationStore(database: app.db)
            #expect(try await store.bodies().count == 1)

            let (ok, _, headers) = try await b.post(app, "/admin/bodies", form: [
                "_csrf": csrf, "code": "ALM-AK", "nameKk": "Алматы қаласының әкімдігі", "nameRu": "Акимат города Алматы",
                "address": "Алматы, Республика алаңы, 4", "higher": "ADM", "hours": "09:00-18:00", "correctionDays": "7"])
            #expect(ok == .seeOther && headers.first(name: .location) == "/admin/bodies/ALM-AK")
            let created = try #require(try await store.body(code: "ALM-AK"))
            #expect(created.nameKk == "Алматы қаласының әкімдігі" && created.workingHours == WorkingHours(start: 540, end: 1080))
            #expect(created.correctionDays == 7 && created.timeZone == "Asia/Almaty")
            let adm = try await store.body(code: "ADM")
            #expect(created.higherBodyID == adm?.id)

            let (dup, dupPage, _) = try await b.post(app, "/admin/bodies", form: ["_csrf": csrf, "code": "ALM-AK", "nameKk": "x", "nameRu": "y"])
            #expect(dup == .unprocessableEntity && dupPage.contains("Орган с таким кодом уже есть"))
            let (forged, _, _) = try await b.post(app, "/admin/bodies", form: ["_csrf": "forged", "code": "X-1", "nameKk": "x", "nameRu": "y"])
            #expect(forged == .forbidden)
            #expect(try await store.bodies().count == 2)
        }
    }

    @Test("R24: competence areas with kk/ru marker words are added, replaced and removed; settings are changed")
    func areasAndSettings() async throws {
        try await withZhauapApp { app in
            let (b, body) = try await Self.admin(app)
            let (_, page, _) = try await b.get(app, "/admin/bodies/ADM")
            let csrf = PagesTests.csrf(page)
            let (s1, p1, _) = try await b.post(app, "/admin/bodies/ADM/areas", form: [
                "_csrf": csrf, "area": "land", "nameKk": "Жер қатынастары", "nameRu": "Земельные отношения", "markers": "жер учаскесі, земельный участок\nакт на землю"])
            #expect(s1 == .ok && p1.contains("жер учаскесі, земельный участок, акт на землю"))
            let (s2, _, _) = try await b.post(app, "/admin/bodies/ADM/areas", form: [
                "_csrf": csrf, "area": "land", "nameKk": "Жер", "nameRu": "Земля", "markers": "жер"])
            #expect(s2 == .ok)
            let store = FluentOrganisationStore(database: app.db)
            #expect(try await store.body(body.id)?.competenceAreas == [CompetenceArea(code: "land", nameKk: "Жер", nameRu: "Земля", markers: ["жер"])])
            let (bad, badPage, _) = try await b.post(app, "/admin/bodies/ADM/areas", form: ["_csrf": csrf, "area": "roads", "nameKk": "Жол", "nameRu": "Дороги", "markers": " , "])
            #expect(bad == .unprocessableEntity && badPage.contains("Кемінде бір белгі сөз"))
            let (s3, _, _) = try await b.post(app, "/admin/bodies/ADM/areas/land/delete", form: ["_csrf": csrf])
            #expect(s3 == .ok)
            #expect(try await store.body(body.id)?.competenceAreas.isEmpty == true)
            #expect(try await b.post(app, "/admin/bodies/ADM/areas/land/delete", form: ["_csrf": csrf]).0 == .notFound)

            let (s4, p4, _) = try await b.post(app, "/admin/bodies/ADM", form: [
                "_csrf": csrf, "nameKk": "Әкімшілік бөлімі", "nameRu": "Отдел администрации", "hours": "08:30-17:30", "correctionDays": "10",
                "timeZone": "Asia/Qostanay"])
            #expect(s4 == .ok && p4.contains("Сақталды."))
            let changed = try #require(try await store.body(body.id))
            #expect(changed.code == "ADM" && changed.nameKk == "Әкімшілік бөлімі" && changed.workingHours.text == "08:30–17:30")
            #expect(changed.correctionDays == 10 && changed.timeZone == "Asia/Qostanay")
            #expect(try await b.get(app, "/admin/bodies/NOPE").0 == .notFound)
        }
    }

    @Test("Users: added with roles (a generated password shown once and working), changed, deactivated (their session ends), reset")
    func users() async throws {
        try await withZhauapApp { app in
            let (b, body) = try await Self.admin(app)
            let (_, page, _) = try await b.get(app, "/admin/bodies/ADM")
            let csrf = PagesTests.csrf(page)
            let (s1, p1, _) = try await b.post(app, "/admin/bodies/ADM/users", form: [
                "_csrf": csrf, "login": "aigerim", "name": "Сейітова Айгерім Болатқызы", "position": "бас маман", "executor": "on", "registrar": "on"])
            #expect(s1 == .created && p1.contains("Пайдаланушы қосылды"))
            let password = try #require(p1.range(of: #"id="shown-password">"#).map { String(p1[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(password.count == 16)
            let store = FluentOrganisationStore(database: app.db)
            let account = try #require(try await store.accounts(bodyID: body.id).first { $0.login == "aigerim" })
            #expect(account.actor.roles == [.executor, .registrar] && account.active && account.actor.position == "бас маман")

            let user = PagesTests.Browser()
            try await user.signIn(app, "aigerim", password: password)
            #expect(try await user.get(app, "/desk").0 == .ok)
            #expect(try await user.get(app, "/admin/bodies").0 == .forbidden, "an executor is no administrator")

            let (dup, dupPage, _) = try await b.post(app, "/admin/bodies/ADM/users", form: ["_csrf": csrf, "login": "aigerim", "name": "x", "head": "on"])
            #expect(dup == .unprocessableEntity && dupPage.contains("Бұл логин бос емес"))
            let (bad, badPage, _) = try await b.post(app, "/admin/bodies/ADM/users", form: ["_csrf": csrf, "login": "two words", "name": " ", "password": "short"])
            #expect(bad == .unprocessableEntity)
            for k in ["admin_err_login", "admin_err_name", "admin_err_roles", "admin_err_password"] {
                #expect(badPage.contains(try Strings.load()[.kk][k]!), "\(k)")
            }

            let id = account.actor.userID
            let (s2, _, _) = try await b.post(app, "/admin/users/\(id)", form: ["_csrf": csrf, "name": "Сейітова Айгерім", "position": "басшы", "head": "on", "active": "on"])
            #expect(s2 == .ok)
            #expect(try await store.account(id)?.actor.roles == [.head])
            let (s3, _, _) = try await b.post(app, "/admin/users/\(id)", form: ["_csrf": csrf, "name": "Сейітова Айгерім", "head": "on"])
            let stillActive = try await store.account(id)?.active
            #expect(s3 == .ok && stillActive == false)
            #expect(try await user.get(app, "/desk").0 == .seeOther, "a deactivated user's session ends at once")

            let (s4, p4, _) = try await b.post(app, "/admin/users/\(id)/password", form: ["_csrf": csrf])
            #expect(s4 == .ok && p4.contains("shown-password"))
            let hash = try #require(try await store.passwordHash(of: id))
            #expect(try Bcrypt.verify(password, created: hash) == false, "the old password no longer works")
        }
    }

    @Test("An administrator cannot remove their own admin role or deactivate themselves; others cannot reach these pages")
    func selfLockout() async throws {
        try await withZhauapApp { app in
            let (b, body) = try await Self.admin(app)
            let store = FluentOrganisationStore(database: app.db)
            let me = try #require(try await store.accounts(bodyID: body.id).first)
            let (_, page, _) = try await b.get(app, "/admin/users/\(me.actor.userID)?lang=en")
            #expect(page.contains("You cannot remove your own administrator role"))
            let (s, p, _) = try await b.post(app, "/admin/users/\(me.actor.userID)", form: ["_csrf": PagesTests.csrf(page), "name": "Me", "head": "on", "active": "on"])
            #expect(s == .unprocessableEntity && p.contains("Not saved"))
            #expect(try await store.account(me.actor.userID)?.actor.roles == [.admin, .installationAdmin])
            #expect(try await b.get(app, "/admin/users/\(UUID())").0 == .notFound)

            try await PagesTests.person(app, body: body.id, login: "head", name: "Басшы", position: "", roles: [.head])
            let head = PagesTests.Browser()
            try await head.signIn(app, "head")
            #expect(try await head.get(app, "/admin/users/\(me.actor.userID)").0 == .forbidden)
            #expect(try await head.post(app, "/admin/bodies", form: ["_csrf": "x", "code": "X", "nameKk": "x", "nameRu": "y"]).0 == .forbidden)
        }
    }

    @Test("R12: the administrator sets the year's case nomenclature in the body's page; new cases take its unit code; a bad form stores nothing")
    func nomenclature() async throws {
        try await withZhauapApp { app in
            let (b, body) = try await Self.admin(app)
            let service = app.appealService
            let year = service.today(in: body).year
            let (_, page, _) = try await b.get(app, "/admin/bodies/ADM")
            #expect(page.contains("Істер номенклатурасы") && page.contains("<code>01</code>"), "the standard nomenclature is shown until one is set")
            let csrf = PagesTests.csrf(page)
            for (year, unit, kk, problem) in [("1999", "03", "5 жыл", "Год должен быть от 2000 до 2100"), ("2101", "03", "5 жыл", "Год должен быть"),
                                              (String(year), "03 12", "5 жыл", "Код подразделения: 1–10"), (String(year), "", "5 жыл", "Код подразделения"),
                                              (String(year), "ABCDEFGHIJK", "5 жыл", "Код подразделения"), (String(year), "03", "  ", "срок хранения")] {
                let (status, refused, _) = try await b.post(app, "/admin/bodies/ADM/nomenclature?lang=ru", form: [
                    "_csrf": csrf, "year": year, "unitCode": unit, "retentionKk": kk, "retentionRu": "5 лет"])
                #expect(status == .unprocessableEntity && refused.contains(problem), "\(year) \(unit) \(kk)")
            }
            #expect(try await service.nomenclature(bodyID: body.id, year: year) == nil, "nothing stored on a refusal")
            let (ok, saved, _) = try await b.post(app, "/admin/bodies/ADM/nomenclature", form: [
                "_csrf": csrf, "year": String(year), "unitCode": "ABCDEFGHIJ", "unitKk": " Жолданымдар бөлімі ", "unitRu": "",
                "retentionKk": "5 жыл (ЭК)", "retentionRu": "5 лет (ЭПК)"])
            #expect(ok == .ok && saved.contains("<code>ABCDEFGHIJ</code>"), "ten characters is the longest unit code")
            #expect(try await service.nomenclature(bodyID: body.id, year: year)
                    == CaseNomenclature(unitCode: "ABCDEFGHIJ", unitKk: "Жолданымдар бөлімі", retentionKk: "5 жыл (ЭК)", retentionRu: "5 лет (ЭПК)"))
            #expect(try await service.nomenclature(bodyID: body.id, year: year + 1) == nil, "another year is untouched")
            #expect(try await b.post(app, "/admin/bodies/ADM/nomenclature", form: ["_csrf": "forged", "year": String(year), "unitCode": "04",
                                                                                   "retentionKk": "1", "retentionRu": "1"]).0 == .forbidden)
        }
    }
}
