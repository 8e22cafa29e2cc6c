import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// `GET /metrics`: requests by route pattern and status, registrations, steps, terms due and overdue per body,
/// PDF and database timings — and never a path, a code or personal data in a label.
@Suite("Operations: Prometheus metrics")
struct MetricsTests {
    @Test("/metrics counts requests by route pattern, registrations and steps, and terms due per body, with no personal data")
    func metrics() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let id = try #require(try await api.register(app, w).1).appeal.id
            #expect(try await api.act(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#).0 == .ok)
            let h = w.auth("head")
            try await app.testing().test(.GET, "api/v1/appeals/\(id)", headers: h) { res async throws in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "api/v1/track?number=NOPE&code=SECRETCODE") { _ async throws in }
            var text = ""
            try await app.testing().test(.GET, "metrics") { res async throws in
                #expect(res.status == .ok && res.headers.contentType?.subType == "plain")
                text = res.body.string
            }
            #expect(text.contains(#"zhauap_http_requests_total{method="GET",route="/api/v1/appeals/:id",status="200"} 1"#), "\(text.prefix(3000))")
            #expect(text.contains(#"zhauap_http_request_duration_seconds_bucket{method="POST",route="/api/v1/appeals""#))
            #expect(text.contains(#"zhauap_registrations_total{channel="paper"} 1"#))
            #expect(text.contains(#"zhauap_steps_total{action="assign"} 1"#))
            #expect(text.contains(#"zhauap_terms_due_today{body="\#(w.bodyA.code)"}"#) && text.contains(#"zhauap_terms_overdue{body="\#(w.bodyB.code)"} 0"#))
            #expect(text.contains("zhauap_db_transaction_seconds_count{operation=\"register\"} 1"))
            for secret in [id.uuidString, "NOPE", "SECRETCODE", "061211600012", "Нұрланов"] { #expect(!text.contains(secret), "\(secret) in /metrics") }
        }
    }

    @Test("/metrics: from another machine only with METRICS_TOKEN, and a short token is refused at start-up")
    func protected() async throws {
        try await withZhauapApp { app in
            // A real connection from this machine (loopback) is let in without a token.
            try await app.testing(method: .running(port: 0)).test(.GET, "metrics") { res async throws in #expect(res.status == .ok) }
        }
        let app = try await Application.make(.testing)
        do {
            var config = AppConfig(database: .sqliteMemory, host: "127.0.0.1", port: 0, logLevel: "warning")
            config.metricsToken = "a-long-enough-metrics-token"
            try configure(app, config: config)
            try await prepareDatabase(app)
            try await app.testing().test(.GET, "metrics") { res async throws in #expect(res.status == .notFound) }
            var h = HTTPHeaders()
            h.bearerAuthorization = BearerAuthorization(token: "wrong-token-of-same-size-xx")
            try await app.testing().test(.GET, "metrics", headers: h) { res async throws in #expect(res.status == .notFound) }
            h.bearerAuthorization = BearerAuthorization(token: "a-long-enough-metrics-token")
            try await app.testing().test(.GET, "metrics", headers: h) { res async throws in #expect(res.status == .ok) }
        } catch { Issue.record(error) }
        try await app.asyncShutdown()
        guard case .failure(let e) = AppConfig.load(from: ["METRICS_TOKEN": "short"]) else { Issue.record("accepted"); return }
        #expect(e.problems == ["METRICS_TOKEN: at least 16 characters"])
    }
}
