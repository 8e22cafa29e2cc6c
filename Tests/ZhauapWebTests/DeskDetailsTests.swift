import Foundation
import Testing
import Vapor
import VaporTesting
import WorkingCalendar
@testable import ZhauapWeb
import ZhauapDomain
import ZhauapService
import ZhauapTestSupport

/// What a day of real use showed on the pages: special-law terms chosen at registration, error pages that
/// keep the signed-in header, and names of bodies in each document's own language.
@Suite("Pages: special-law terms, error pages, names in each language")
struct DeskDetailsTests {
    @Test("R17: an information request chosen on the registration form gets 15 calendar days, explained by its law")
    func specialRuleAtRegistration() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "reg", name: "Тіркеуші", position: "", roles: [.registrar])
            let b = PagesTests.Browser()
            try await b.signIn(app, "reg")
            let (_, form, _) = try await b.get(app, "/appeals/new")
            #expect(form.contains(#"<option value="information_request" >"#), "the special rules are offered")
            let (_, _, loc) = try await b.post(app, "/appeals", form: ["_csrf": PagesTests.csrf(form), "channel": "paper", "specialRule": "information_request",
                                                                        "essence": "Бюджет туралы ақпарат беруіңізді сұраймын"])
            let path = try #require(loc.first(name: .location)?.split(separator: "?").first.map(String.init))
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            let a = try await app.appealService.view(id, actor: w.head).appeal
            let term = try #require(a.term(.consideration))
            #expect(a.specialRule == "information_request" && term.unit == .calendarDays && term.amount == 15)
            let (_, card, _) = try await b.get(app, path)
            #expect(card.contains("15 күнтізбелік күн") && card.contains(term.due.dotted))
            let (bad, badPage, _) = try await b.post(app, "/appeals", form: ["_csrf": PagesTests.csrf(form), "channel": "paper", "specialRule": "nonsense",
                                                                           "essence": "Сақталатын мәтін"])
            #expect(bad.code >= 400 && bad.code < 500 && badPage.contains("Сақталатын мәтін"), "a refused registration keeps what was typed")
        }
    }

    @Test("An error page keeps the signed-in header: the person's name and signing out")
    func errorPageKeepsHeader() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "boss", name: "Бастық Бақыт", position: "басшы", roles: [.head])
            let b = PagesTests.Browser()
            try await b.signIn(app, "boss")
            let (status, page, _) = try await b.get(app, "/appeals/\(UUID())")
            #expect(status == .notFound)
            #expect(page.contains(#"action="/logout""#) && page.contains("/desk"), "signed in, the header stays")
        }
    }

    @Test("R6, R46: forwarded to a body of this installation, the Russian notice and tracking name it in Russian, the Kazakh ones in Kazakh")
    func bodyNamesPerLanguage() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let reply = try #require(try await api.register(app, w).1)
            let (s, _) = try await api.act(app, w, reply.appeal.id, as: "head", #"{"action":"forward","targetBodyId":"\#(w.bodyB.id)"}"#)
            #expect(s == .ok)
            let (_, ru) = try await api.get(app, "api/v1/appeals/\(reply.appeal.id)/documents/forwarding_notice?lang=ru", headers: w.auth("head"))
            let (_, kk) = try await api.get(app, "api/v1/appeals/\(reply.appeal.id)/documents/forwarding_notice?lang=kk", headers: w.auth("head"))
            let ruText = String(decoding: ru, as: UTF8.self), kkText = String(decoding: kk, as: UTF8.self)
            #expect(ruText.contains(w.bodyB.nameRu) && !ruText.contains(w.bodyB.nameKk))
            #expect(kkText.contains(w.bodyB.nameKk) && !kkText.contains(w.bodyB.nameRu))
            let b = PagesTests.Browser()
            let (_, form, _) = try await b.get(app, "/track?lang=ru")
            let (_, tracked, _) = try await b.post(app, "/track", form: ["_csrf": PagesTests.csrf(form), "number": reply.coupon.number,
                                                                       "code": reply.coupon.trackingCode])
            #expect(tracked.contains(w.bodyB.nameRu), "tracking says where it went")
        }
    }
}
