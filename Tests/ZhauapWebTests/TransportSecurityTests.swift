import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// Served over TLS (`PUBLIC_URL=https://…`, at a proxy or here), the session cookie is `Secure` and HSTS is
/// sent; over plain HTTP neither (a Secure cookie would never come back).
@Suite("Cookies and transport security follow PUBLIC_URL")
struct TransportSecurityTests {
    @Test("PUBLIC_URL: https makes the session cookie Secure and sends HSTS; http and none do not; a bad address is named")
    func secureCookies() async throws {
        #expect(try AppConfig.load(from: ["PUBLIC_URL": "https://otinish.example.kz"]).get().servedOverTLS)
        #expect(try !AppConfig.load(from: ["PUBLIC_URL": "http://10.0.0.5:8080"]).get().servedOverTLS)
        #expect(try !AppConfig.load(from: [:]).get().servedOverTLS)
        guard case .failure(let e) = AppConfig.load(from: ["PUBLIC_URL": "otinish.example.kz"]) else { Issue.record("accepted"); return }
        #expect(e.problems.first?.hasPrefix("PUBLIC_URL:") == true)
        for (url, secure) in [("https://otinish.example.kz", true), (nil, false)] {
            let app = try await Application.make(.testing)
            do {
                try configure(app, config: AppConfig(database: .sqliteMemory, host: "127.0.0.1", port: 0, logLevel: "warning", publicURL: url))
                try await prepareDatabase(app)
                try await app.testing().test(.GET, "login") { res async throws in
                    let cookie = res.headers[.setCookie].joined(separator: "\n")
                    #expect(cookie.contains("zhauap_csrf=") && cookie.contains("Secure") == secure, "\(url ?? "none"): \(cookie)")
                    #expect(!cookie.contains("zhauap_session="))  // nobody signed in: no session
                    #expect((res.headers.first(name: "Strict-Transport-Security") != nil) == secure)
                    #expect(res.headers.first(name: .cacheControl) == "no-store")
                }
            } catch { Issue.record(error) }
            try await app.asyncShutdown()
        }
    }
}
