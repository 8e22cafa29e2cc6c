import Foundation
import Testing
import ZhauapTestSupport

@Suite("CLI: bodies, users, audit")
struct OrganisationCLITests {
    @Test("An administrator adds bodies and users; mistakes are refused with a message")
    func bodiesAndUsers() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"]
        func run(_ args: [String]) throws -> Run { try Zhauap.run(args, env: env, in: dir) }
        #expect(try run(["bodies", "add", "--code", "AST-AK", "--name-kk", "Астана қаласының әкімдігі", "--name-ru", "Акимат города Астаны"]).code == 0)
        #expect(try run(["bodies", "add", "--code", "AST-ZHER", "--name-kk", "Жер қатынастары бөлімі", "--name-ru", "Отдел земельных отношений",
                         "--higher", "AST-AK"]).code == 0)
        #expect(try run(["bodies", "set", "--code", "AST-ZHER", "--hours", "09:00-18:00", "--correction-days", "7"]).code == 0)
        #expect(try run(["bodies", "area", "--code", "AST-ZHER", "--area", "land", "--name-kk", "Жер", "--name-ru", "Земля",
                         "--markers", "жер учаскесі, земельный участок"]).code == 0)
        let list = try run(["bodies", "list"])
        #expect(list.out.contains("AST-AK") && list.out.contains("Отдел земельных отношений"))
        #expect(list.out.contains("09:00-18:00 Asia/Almaty\tareas: land"))
        let user = try run(["users", "add", "--body", "AST-ZHER", "--login", "aigerim", "--name", "Айгерім Сапарова",
                            "--position", "бас маман", "--roles", "executor,registrar"])
        #expect(user.code == 0 && user.out.contains("password (shown once): "))
        // The way back for a lost password: a new one, printed once; an unknown login is refused.
        let reset = try run(["users", "reset-password", "aigerim"])
        let first = user.out.components(separatedBy: "password (shown once): ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
        let second = reset.out.components(separatedBy: "(shown once): ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(reset.code == 0 && second != nil && second != first && (second?.count ?? 0) >= 10, "\(reset.out)")
        let unknown = try run(["users", "reset-password", "nobody"])
        #expect(unknown.code != 0 && unknown.err.contains("no user with the login nobody"))
        for bad in [["bodies", "add", "--code", "AST-AK", "--name-kk", "x", "--name-ru", "y"],
                    ["bodies", "add", "--code", "bad code!", "--name-kk", "x", "--name-ru", "y"],
                    ["bodies", "add", "--code", "X1", "--name-kk", "x", "--name-ru", "y", "--higher", "NOPE"],
                    ["bodies", "add", "--code", "X2", "--name-kk", "x", "--name-ru", "y", "--timezone", "Mars/Olympus"],
                    ["users", "add", "--body", "AST-ZHER", "--login", "aigerim", "--name", "x", "--roles", "executor"],
                    ["users", "add", "--body", "NOPE", "--login", "b", "--name", "x", "--roles", "executor"],
                    ["users", "add", "--body", "AST-AK", "--login", "c", "--name", "x", "--roles", "boss"],
                    ["users", "add", "--body", "AST-AK", "--login", "d", "--name", "x", "--roles", "head", "--password", "short"],
                    ["bodies", "set", "--code", "AST-AK", "--hours", "18:00-09:00"],
                    ["bodies", "set", "--code", "AST-AK", "--correction-days", "0"],
                    ["bodies", "area", "--code", "AST-AK", "--area", "x", "--name-kk", "x", "--name-ru", "x", "--markers", " , "]] {
            let r = try run(bad)
            #expect(r.code != 0 && r.err.contains("zhauap:"), "\(bad)")
        }
        let audit = try run(["audit", "verify"])
        #expect(audit.code == 0 && audit.out.contains("0 appeals, 0 trail entries: every chain intact"))
    }

    @Test("serve on an empty database creates the demo body and prints the admin's login once")
    func demoSeed() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var printed = ""
        for _ in 0..<2 {
            let server = try await Server.start(in: dir)
            server.stop()
            printed += try String(contentsOf: server.stdout, encoding: .utf8)
        }
        let text = printed
        #expect(text.components(separatedBy: "Sign in as: admin").count == 2)  // printed exactly once over two starts
        #expect(text.contains("Demo body DEMO"))
    }
}
