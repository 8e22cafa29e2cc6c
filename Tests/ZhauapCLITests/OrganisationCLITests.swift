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
        let list = try run(["bodies", "list"])
        #expect(list.out.contains("AST-AK") && list.out.contains("Отдел земельных отношений"))
        let user = try run(["users", "add", "--body", "AST-ZHER", "--login", "aigerim", "--name", "Айгерім Сапарова",
                            "--position", "бас маман", "--roles", "executor,registrar"])
        #expect(user.code == 0 && user.out.contains("password (shown once): "))
        for bad in [["bodies", "add", "--code", "AST-AK", "--name-kk", "x", "--name-ru", "y"],
                    ["bodies", "add", "--code", "bad code!", "--name-kk", "x", "--name-ru", "y"],
                    ["bodies", "add", "--code", "X1", "--name-kk", "x", "--name-ru", "y", "--higher", "NOPE"],
                    ["bodies", "add", "--code", "X2", "--name-kk", "x", "--name-ru", "y", "--timezone", "Mars/Olympus"],
                    ["users", "add", "--body", "AST-ZHER", "--login", "aigerim", "--name", "x", "--roles", "executor"],
                    ["users", "add", "--body", "NOPE", "--login", "b", "--name", "x", "--roles", "executor"],
                    ["users", "add", "--body", "AST-AK", "--login", "c", "--name", "x", "--roles", "boss"],
                    ["users", "add", "--body", "AST-AK", "--login", "d", "--name", "x", "--roles", "head", "--password", "short"]] {
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
        let port = Int.random(in: 30000...40000)
        let out = dir.appendingPathComponent("out.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        for round in 0..<2 {
            let p = Process()
            p.executableURL = Zhauap.executable
            p.arguments = ["serve", "--port", String(port)]
            p.currentDirectoryURL = dir
            var e = ProcessInfo.processInfo.environment
            e["DATABASE_URL"] = nil
            e["LOG_LEVEL"] = "warning"
            p.environment = e
            let handle = try FileHandle(forWritingTo: out)
            handle.seekToEndOfFile()
            p.standardOutput = handle
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<50 where !((try? String(contentsOf: out, encoding: .utf8))?.contains("admin") ?? false) || round == 1 {
                try await Task.sleep(for: .milliseconds(100))
                if round == 1 { break }
            }
            try await Task.sleep(for: .milliseconds(round == 1 ? 1500 : 200))
            p.terminate()
            p.waitUntilExit()
            try handle.close()
        }
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.components(separatedBy: "Sign in as: admin").count == 2)  // printed exactly once over two starts
        #expect(text.contains("Demo body DEMO"))
    }
}
