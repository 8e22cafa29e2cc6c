import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// Sign-in throttling: attempts counted one by one even when they arrive together, the guesser slowed with
/// growing delays while the owner elsewhere is not, and addresses believed from trusted proxies only.
@Suite("Sign-in throttling")
struct SignInThrottleTests {
    static let right = "the right password"

    static func person(_ app: Application, login: String = "admin") async throws {
        let store = FluentOrganisationStore(database: app.db)
        let body = AdministrativeBody(code: "THR", nameKk: "Т", nameRu: "Т")
        try await store.add(body)
        try await store.addUser(bodyID: body.id, login: login, passwordHash: try Bcrypt.hash(right, cost: 4),
                                name: "Ерлан", position: "маман", roles: [.admin])
    }

    static func login(_ app: Application, _ password: String, from address: String? = nil, running: Bool = false,
                      as user: String = "admin") async throws -> (HTTPStatus, HTTPHeaders) {
        var out: (HTTPStatus, HTTPHeaders) = (.internalServerError, [:])
        var h = HTTPHeaders()
        h.contentType = .json
        if let address { h.add(name: .xForwardedFor, value: address) }
        let tester = running ? try app.testing(method: .running(port: 0)) : try app.testing()
        try await tester.test(.POST, "api/v1/auth/login", headers: h,
                              body: ByteBuffer(string: #"{"login":"\#(user)","password":"\#(password)"}"#)) { res async throws in
            out = (res.status, res.headers)
        }
        return out
    }

    @Test("Sign-in: 40 wrong passwords sent at once — no more than 5 are checked, the rest wait (429 with Retry-After)")
    func concurrent() async throws {
        for database in TestDatabases.all {
            try await withZhauapApp(database: database) { app in
                try await Self.person(app)
                let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, HTTPHeaders).self) { group in
                    for _ in 0..<40 { group.addTask { try await Self.login(app, "wrong") } }
                    var all: [(HTTPStatus, HTTPHeaders)] = []
                    for try await s in group { all.append(s) }
                    return all
                }
                let checked = statuses.filter { $0.0 == .unauthorized }.count
                let waited = statuses.filter { $0.0 == .tooManyRequests }
                #expect(checked == 5, "\(database): \(checked) checked")
                #expect(waited.count == 35 && waited.allSatisfy { Int($0.1.first(name: .retryAfter) ?? "") ?? 0 >= 1 }, "\(database)")
            }
        }
    }

    @Test("Sign-in: delays grow 1 s, 2 s, 4 s after the fifth failure, and the right password works once the wait is over")
    func growingDelays() async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            try await Self.person(app)
            for _ in 0..<5 { #expect(try await Self.login(app, "wrong").0 == .unauthorized) }
            let (s, h) = try await Self.login(app, Self.right)
            #expect(s == .tooManyRequests && h.first(name: .retryAfter) == "1")
            clock.set(clock.now.addingTimeInterval(1))
            #expect(try await Self.login(app, "wrong").0 == .unauthorized)  // the sixth failure: now 2 s
            #expect(try await Self.login(app, Self.right).1.first(name: .retryAfter) == "2")
            clock.set(clock.now.addingTimeInterval(2))
            #expect(try await Self.login(app, "wrong").0 == .unauthorized)  // the seventh: now 4 s
            #expect(try await Self.login(app, Self.right).1.first(name: .retryAfter) == "4")
            clock.set(clock.now.addingTimeInterval(4))
            #expect(try await Self.login(app, Self.right).0 == .ok)
            // A success forgets the failures: five more are free again.
            for _ in 0..<5 { #expect(try await Self.login(app, "wrong").0 == .unauthorized) }
        }
    }

    @Test("Sign-in: a guesser at one address cannot lock the owner out at another; guessing from many addresses delays at most 30 s")
    func ownerNotLockedOut() async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            app.trustedProxies = try TrustedProxies.parse("127.0.0.1, ::1").get()
            try await Self.person(app)
            for _ in 0..<30 { _ = try await Self.login(app, "wrong", from: "203.0.113.9", running: true) }
            #expect(try await Self.login(app, "wrong", from: "203.0.113.9", running: true).0 == .tooManyRequests)
            #expect(try await Self.login(app, Self.right, from: "198.51.100.7", running: true).0 == .ok)
            // 25 addresses, one wrong password each: the login as a whole now waits, but briefly.
            for i in 0..<25 { _ = try await Self.login(app, "wrong", from: "192.0.2.\(i + 1)", running: true) }
            let (s, h) = try await Self.login(app, Self.right, from: "198.51.100.7", running: true)
            #expect(s == .tooManyRequests)
            let wait = try #require(Int(h.first(name: .retryAfter) ?? ""))
            #expect((1...30).contains(wait))
            clock.set(clock.now.addingTimeInterval(31))
            #expect(try await Self.login(app, Self.right, from: "198.51.100.7", running: true).0 == .ok)
        }
    }

    @Test("Sign-in: X-Forwarded-For from a peer that is not a trusted proxy is ignored — a guesser cannot pick fresh addresses")
    func untrustedForwardedFor() async throws {
        try await withZhauapApp { app in
            try await Self.person(app)
            var statuses: [HTTPStatus] = []
            for i in 0..<8 { statuses.append(try await Self.login(app, "wrong", from: "192.0.2.\(i + 1)", running: true).0) }
            #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized } && statuses.dropFirst(5).allSatisfy { $0 == .tooManyRequests })
        }
    }

    @Test("Sign-in: one proxy address shared by many people is only a coarse flood guard (100 failures), not a lockout")
    func sharedAddress() async throws {
        try await withZhauapApp { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "THR", nameKk: "Т", nameRu: "Т")
            try await store.add(body)
            for i in 0..<12 {
                try await store.addUser(bodyID: body.id, login: "user\(i)", passwordHash: try Bcrypt.hash(Self.right, cost: 4),
                                        name: "Қызметкер", position: "маман", roles: [.executor])
            }
            // Eleven people behind one address mistype their passwords five times each: 55 failures from it.
            for i in 0..<11 { for _ in 0..<5 { #expect(try await Self.login(app, "wrong", as: "user\(i)").0 == .unauthorized) } }
            #expect(try await Self.login(app, Self.right, as: "user11").0 == .ok)
        }
    }

    @Test("Trusted proxies: addresses and prefixes parse; the client is the nearest untrusted hop; garbage is not believed")
    func clientAddress() throws {
        let p = try TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, fd00::/8").get()
        #expect(p.trusts("10.20.30.40") && p.trusts("127.0.0.1") && p.trusts("fd12::1"))
        #expect(!p.trusts("11.0.0.1") && !p.trusts("128.0.0.1") && !p.trusts("fe80::1") && !p.trusts("not an address"))
        #expect(p.client(peer: "203.0.113.5", forwardedFor: ["198.51.100.1"]) == "203.0.113.5")          // untrusted peer
        #expect(p.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"]) == "198.51.100.1")
        #expect(p.client(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 198.51.100.1, 10.0.0.9"]) == "198.51.100.1") // spoofed left part ignored
        #expect(p.client(peer: "10.0.0.2", forwardedFor: ["x\r\ny, 198.51.100.1"]) == "198.51.100.1")
        #expect(p.client(peer: "10.0.0.2", forwardedFor: ["bogus"]) == "10.0.0.2")
        #expect(p.client(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
        #expect(p.client(peer: nil, forwardedFor: ["198.51.100.1"]) == "?")
        if case .success = TrustedProxies.parse("10.0.0.0/33") { Issue.record("a /33 prefix accepted") }
        if case .success = TrustedProxies.parse("proxy.local") { Issue.record("a host name accepted") }
        guard case .failure(let e) = AppConfig.load(from: ["TRUSTED_PROXIES": "10.0.0.1, nonsense"]) else { Issue.record("accepted"); return }
        #expect(e.problems == [#"TRUSTED_PROXIES: "nonsense" is not an IP address or prefix (10.0.0.0/8)"#])
    }
}

/// Browser sessions exist only for people who signed in, and end.
@Suite("Web sessions are created only when needed and expire")
struct SessionLifetimeTests {
    static func rows(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM web_sessions").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("400 anonymous visits to /login and /track store no session; a sign-in stores one; signing out removes it")
    func anonymousStoresNothing() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            _ = w
            for i in 0..<200 {
                let b = PagesTests.Browser()
                _ = try await b.get(app, i % 2 == 0 ? "/login" : "/track")
                _ = try await b.get(app, "/track?code=NOPE\(i)")
            }
            #expect(try await Self.rows(app) == 0)
            let b = PagesTests.Browser()
            try await PagesTests.person(app, body: w.bodyA.id, login: "sana", name: "Сана", position: "маман", roles: [.registrar])
            try await b.signIn(app, "sana")
            #expect(try await Self.rows(app) == 1)
            let (_, desk, _) = try await b.get(app, "/desk")
            #expect(try await Self.rows(app) == 1)
            let (s, _, _) = try await b.post(app, "/logout", form: ["_csrf": PagesTests.csrf(desk)])
            #expect(s == .seeOther)
            #expect(try await Self.rows(app) == 0)
        }
    }

    @Test("A session ends after 12 hours: the page asks to sign in again, and the expired row is swept at the next sign-in")
    func expiry() async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "sana", name: "Сана", position: "маман", roles: [.registrar])
            let b = PagesTests.Browser()
            try await b.signIn(app, "sana")
            clock.set(clock.now.addingTimeInterval(12 * 3600 - 60))
            #expect(try await b.get(app, "/desk").0 == .ok)
            clock.set(clock.now.addingTimeInterval(120))
            let (s, _, h) = try await b.get(app, "/desk")
            #expect(s == .seeOther && h.first(name: .location) == "/login")
            #expect(try await Self.rows(app) == 1)
            try await PagesTests.Browser().signIn(app, "sana")
            #expect(try await Self.rows(app) == 1)  // the expired one swept, the new one stored
        }
    }

    @Test("The anonymous sign-in form is CSRF-checked against the browser's own cookie: a form from another site is refused")
    func anonymousCSRF() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            try await PagesTests.person(app, body: w.bodyA.id, login: "sana", name: "Сана", position: "маман", roles: [.registrar])
            let b = PagesTests.Browser()
            let (_, page, h) = try await b.get(app, "/login")
            #expect(h[.setCookie].contains { $0.hasPrefix("zhauap_csrf=") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") })
            let token = PagesTests.csrf(page)
            // Another site's form: it may copy a token it saw elsewhere, but this browser's cookie does not match it.
            let stranger = PagesTests.Browser()
            #expect(try await stranger.post(app, "/login", form: ["_csrf": token, "login": "sana", "password": PagesTests.password]).0 == .forbidden)
            #expect(try await b.post(app, "/login", form: ["_csrf": token, "login": "sana", "password": PagesTests.password]).0 == .seeOther)
        }
    }
}
