import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("API: the OpenAPI document")
struct OpenAPITests {
    @Test("Every route of the API is described in /api/v1/openapi.json, and nothing that is not a route")
    func complete() async throws {
        try await withZhauapApp { app in
            var described: Set<String> = []
            try await app.testing().test(.GET, "api/v1/openapi.json") { res async throws in
                #expect(res.status == .ok)
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                for (path, ops) in paths { for method in ops.keys { described.insert("\(method.uppercased()) \(path)") } }
            }
            let routes = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") || path == "/health" || path == "/session" else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(routes.subtracting(described).isEmpty, "undescribed: \(routes.subtracting(described).sorted())")
            #expect(described.subtracting(routes).isEmpty, "described but not routes: \(described.subtracting(routes).sorted())")
            #expect(routes.count >= 11)
        }
    }
}
