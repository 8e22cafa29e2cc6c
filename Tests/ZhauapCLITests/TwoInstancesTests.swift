import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZhauapTestSupport

@Suite("Two app instances over one PostgreSQL")
struct TwoInstancesTests {
    @Test("R1: registrations through two server processes share one gapless numbering",
          .enabled(if: TestDatabases.postgresURL != nil))
    func twoServers() async throws {
        let base = try #require(TestDatabases.postgresURL)
        let scratch = try await PostgresScratch.create(on: base)
        let dir = try temporaryDirectory()
        var servers: [Server] = []
        defer {
            for s in servers { s.stop() }
            try? FileManager.default.removeItem(at: dir)
        }
        let env = ["DATABASE_URL": scratch.url]
        #expect(try Zhauap.run(["bodies", "add", "--code", "TWO", "--name-kk", "Екі", "--name-ru", "Два"], env: env, in: dir).code == 0)
        let add = try Zhauap.run(["users", "add", "--body", "TWO", "--login", "reg", "--name", "Тіркеуші", "--roles", "registrar",
                                  "--password", "two-servers-secret"], env: env, in: dir)
        #expect(add.code == 0, "\(add.err)")
        for _ in 0..<2 { servers.append(try await Server.start(in: dir, env: env)) }
        let ports = servers.map(\.port)
        for port in ports { #expect(try await request("GET", port, "/health").0 == 200) }
        let (ls, login) = try await request("POST", ports[0], "/api/v1/auth/login", body: #"{"login":"reg","password":"two-servers-secret"}"#)
        #expect(ls == 200)
        struct Session: Decodable { var token: String }
        let token = try JSONDecoder().decode(Session.self, from: login).token
        struct Reply: Decodable { struct C: Decodable { var number: String }; var coupon: C }
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<40 {
                group.addTask {
                    let (s, d) = try await request("POST", ports[i % 2], "/api/v1/appeals",
                                                   body: #"{"channel":"portal","receivedAt":"2026-11-24T10:00:00+05:00","essence":"№\#(i)"}"#,
                                                   token: token)
                    guard s == 201 else { throw URLError(.badServerResponse) }
                    return try JSONDecoder().decode(Reply.self, from: d).coupon.number
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(numbers.sorted() == (1...40).map { String(format: "TWO-2026-%05d", $0) })
        for s in servers { s.stop() }
        let verify = try Zhauap.run(["audit", "verify"], env: env, in: dir)
        #expect(verify.code == 0 && verify.out.contains("40 appeals, 40 trail entries"))
        try? await PostgresScratch.run("DROP DATABASE IF EXISTS \(scratch.name)", on: base)
    }

    func request(_ method: String, _ port: Int, _ path: String, body: String? = nil, token: String? = nil) async throws -> (Int, Data) {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        r.httpMethod = method
        if let body {
            r.httpBody = Data(body.utf8)
            r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: r)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
