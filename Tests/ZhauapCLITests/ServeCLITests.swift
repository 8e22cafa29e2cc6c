import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZhauapTestSupport

@Suite("CLI: zhauap serve")
struct ServeCLITests {
    @Test("serve migrates an empty SQLite file, answers /health and the terms API, and stops on SIGINT")
    func serve() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await Server.start(in: dir)
        defer { server.stop() }
        let port = server.port
        let health: String? = try? await get("http://127.0.0.1:\(port)/health")
        let body = try #require(health)
        #expect(body.contains(#""status":"ok""#) && body.contains(#""kind":"sqlite""#))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("zhauap.sqlite").path))
        let term = try await get("http://127.0.0.1:\(port)/api/v1/terms?from=2024-01-25&unit=working_days&amount=15")
        #expect(term.contains(#""end":"2024-02-14""#))

        kill(server.process.processIdentifier, SIGINT)
        for _ in 0..<50 where server.process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!server.process.isRunning)
    }

    func get(_ url: String) async throws -> String {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw URLError(.badServerResponse) }
        return String(decoding: data, as: UTF8.self)
    }
}
