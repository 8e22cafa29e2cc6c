import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZhauapTestSupport

/// The auditor's commands end to end: a key outside the database, the server signing a checkpoint, the
/// database checked against it — and, at the most verbose log level, no personal data in the log.
@Suite("CLI: audit checkpoints and a log without personal data")
struct AuditCLITests {
    @Test("R45: keygen, the server's checkpoint at start, verify --checkpoints; a tampered appeal and a wrong key fail with exit 2")
    func checkpoints() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gen = try Zhauap.run(["audit", "keygen", "--key", "checkpoint.key"], in: dir)
        #expect(gen.code == 0, "\(gen.err)")
        let publicKey = try #require(gen.out.split(separator: "\n").first { $0.hasPrefix("public key") }?.split(separator: " ").last.map(String.init))
        #expect(publicKey.count == 64)
        let again = try Zhauap.run(["audit", "keygen", "--key", "checkpoint.key"], in: dir)
        #expect(again.code != 0 && again.err.contains("never overwritten"))

        let server = try await Server.start(in: dir, env: ["LOG_LEVEL": "trace", "CHECKPOINT_KEY": "checkpoint.key", "CHECKPOINT_DIR": "checkpoints"])
        let banner = try String(contentsOf: server.stdout, encoding: .utf8)
        let password = try #require(banner.range(of: "password: ").map { String(banner[$0.upperBound...].prefix { $0 != " " }) })
        let base = "http://127.0.0.1:\(server.port)"
        let token = try await Self.token(base, password: password)
        let essence = "Ауладағы жарық шамын жөндеуді сұраймын"
        let (status, _) = try await Self.post(base + "/api/v1/appeals", token: token, body: """
            {"channel":"paper","receivedAt":"2026-12-01T10:00:00+05:00","essence":"\(essence)","signaturePresent":true,
             "applicant":{"kind":"individual","surname":"Жұмабекова","givenName":"Әсел","iin":"061211600012","postalAddress":"Қостанай, Абай к-сі 7"}}
            """)
        #expect(status == 201)
        // The path carries an encoded line break: it is logged escaped, never as a line of its own.
        _ = try? await URLSession.shared.data(from: URL(string: base + "/track%0A2026-12-01T00:00:00Z%20notice%20forged")!)
        for _ in 0..<50 where ((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("checkpoints").path)) ?? []).isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        let log = try String(contentsOf: server.stderr, encoding: .utf8)
        #expect(log.contains("Executing query") && log.contains("redacted]"), "the statements are logged, their values not")
        for secret in ["061211600012", "Жұмабекова", "Әсел", "Қостанай", essence, password] { #expect(!log.contains(secret), "\(secret) in the log") }
        #expect(!log.split(separator: "\n").contains { $0.hasPrefix("2026-12-01T00:00:00Z notice forged") })

        let ok = try Zhauap.run(["audit", "verify", "--checkpoints", "checkpoints", "--public-key", publicKey], in: dir)
        #expect(ok.code == 0 && ok.out.contains("checked against 1 checkpoint"), "\(ok.out)\(ok.err)")
        let wrongKey = String(repeating: "ab", count: 32)
        let refused = try Zhauap.run(["audit", "verify", "--checkpoints", "checkpoints", "--public-key", wrongKey], in: dir)
        #expect(refused.code == 2)

        // A new checkpoint on demand, then an insider cuts the appeal's last entry off and moves its head back.
        let cp = try Zhauap.run(["audit", "checkpoint", "--key", "checkpoint.key", "--dir", "checkpoints"], in: dir)
        #expect(cp.code == 0 && cp.out.contains("checkpoint of 1 appeals"), "\(cp.out)\(cp.err)")
        let cut = Process()
        cut.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        cut.arguments = [dir.appendingPathComponent("zhauap.sqlite").path, """
            UPDATE appeals SET trail_length = trail_length - 1,
              trail_head = (SELECT prev_hash FROM appeal_events e WHERE e.appeal_id = appeals.id AND e.seq = appeals.trail_length);
            DELETE FROM appeal_events WHERE seq = (SELECT MAX(seq) FROM appeal_events);
            """]
        try cut.run()
        cut.waitUntilExit()
        #expect(cut.terminationStatus == 0)
        let tampered = try Zhauap.run(["audit", "verify", "--checkpoints", "checkpoints", "--public-key", publicKey], in: dir)
        #expect(tampered.code == 2 && tampered.err.contains("rolled back"), "\(tampered.out)\(tampered.err)")
    }

    static func token(_ base: String, password: String) async throws -> String {
        let (_, data) = try await post(base + "/api/v1/auth/login", token: nil, body: #"{"login":"admin","password":"\#(password)"}"#)
        struct Session: Decodable { var token: String }
        return try JSONDecoder().decode(Session.self, from: data).token
    }

    static func post(_ url: String, token: String?, body: String) async throws -> (Int, Data) {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = "POST"
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        r.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: r)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
