import Foundation
import Testing
import VaporTesting
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("Pages: one cached stylesheet and a CSP without inline styles")
struct AssetsTests {
    @Test("The stylesheet is served with long caching and linked by its content hash; no template has inline styles")
    func stylesheet() async throws {
        try await withZhauapApp { app in
            let version = app.assets.version
            #expect(version.count == 12)
            try await app.testing().test(.GET, "/assets/desk.css") { res async throws in
                #expect(res.status == .ok && res.headers.contentType?.subType == "css")
                #expect(res.headers.first(name: .cacheControl)?.contains("immutable") == true)
                #expect(res.body.string.contains(".term-overdue"))
            }
            try await app.testing().test(.GET, "/assets/nothing.css") { res async throws in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, "/login") { res async throws in
                #expect(res.body.string.contains(#"href="/assets/desk.css?v=\#(version)""#))
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"))
            }
        }
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ZhauapWeb/Resources/Views")
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".leaf") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("<style") && !text.contains("style=\""), "\(file) has an inline style the CSP would block")
        }
    }

    @Test("A printable document carries its own style and a policy that allows nothing else")
    func documentPolicy() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let r = try #require(try await AppealsAPITests().register(app, w).1)
            try await app.testing().test(.GET, "api/v1/appeals/\(r.appeal.id)/documents/coupon?lang=kk", headers: w.auth("registrar")) { res async throws in
                #expect(res.headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.documents)
                #expect(res.body.string.contains("<style>"))
            }
        }
    }
}
