import Foundation
import Testing
import VaporTesting
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Health, home page and configuration")
struct HealthAndConfigTests {
    @Test("GET /health reports the database in use and that it answers")
    func health() async throws {
        struct Health: Decodable {
            struct DB: Decodable { var kind: String; var reachable: Bool; var location: String }
            var status: String
            var database: DB
            var calendarVersion: String?
        }
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "health") { res async throws in
                #expect(res.status == .ok)
                let h = try res.content.decode(Health.self)
                #expect(h.status == "ok" && h.database.kind == "sqlite" && h.database.reachable)
                #expect(h.calendarVersion == "kz-2026.11.24")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            }
        }
    }

    @Test("GET /health answers 503 when the database cannot be reached")
    func healthDown() async throws {
        let app = try await Application.make(.testing)
        try configure(app, config: AppConfig(database: .postgres(url: "postgres://nobody:x@127.0.0.1:9/none?connect_timeout=1"),
                                             host: "127.0.0.1", port: 0, logLevel: "critical"))
        do {
            try await app.testing().test(.GET, "health") { res async throws in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains("\"reachable\":false"))
                #expect(!res.body.string.contains("nobody:x"))
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("The home page speaks Kazakh first, then Russian")
    func home() async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "/") { res async throws in
                #expect(res.status == .ok)
                let html = res.body.string
                let kk = try #require(html.range(of: "азаматтардың жолданымдарымен"))
                let ru = try #require(html.range(of: "обращениями граждан"))
                #expect(kk.lowerBound < ru.lowerBound)
                #expect(html.contains("kz-2026.11.24"))
            }
        }
    }

    @Test("Configuration lists every invalid variable at once")
    func config() {
        let bad = AppConfig.load(from: ["DATABASE_URL": "mysql://x", "PORT": "99999", "LOG_LEVEL": "loud", "CHROMIUM_PATH": "/no/chromium"])
        guard case .failure(let e) = bad else { Issue.record("should fail"); return }
        #expect(e.problems.count == 4 && e.description.contains("CHROMIUM_PATH"))
        #expect(e.description.contains("DATABASE_URL") && e.description.contains("PORT") && e.description.contains("LOG_LEVEL"))
        let good = try? AppConfig.load(from: ["CHROMIUM_PATH": "off"]).get()
        #expect(good == AppConfig(database: .sqliteFile(path: "zhauap.sqlite"), host: "127.0.0.1", port: 8080, logLevel: "info"))
        let pg = try? AppConfig.load(from: ["DATABASE_URL": "postgres://a:b@db:5432/z", "PORT": "9000"]).get()
        #expect(pg?.database.kind == "postgres" && pg?.port == 9000)
    }
}
