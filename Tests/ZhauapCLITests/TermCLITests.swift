import Foundation
import Testing
import ZhauapTestSupport

@Suite("CLI: zhauap term")
struct TermCLITests {
    let dir: URL

    init() throws { dir = try temporaryDirectory() }

    func run(_ args: [String], stdin: String? = nil) throws -> Run {
        try Zhauap.run(args, env: ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"], stdin: stdin, in: dir)
    }

    @Test("R18: zhauap term --from 2024-01-25 --working-days 15 prints 2024-02-14")
    func guide() throws {
        let r = try run(["term", "--from", "2024-01-25", "--working-days", "15"])
        #expect(r.code == 0)
        #expect(r.out == "2024-02-14\n")
    }

    @Test("R18: every unit and both conventions", arguments: [
        (["--from", "2023-12-25", "--months", "1"], "2024-01-24"),
        (["--from", "2023-01-25", "--years", "1"], "2024-01-24"),
        (["--from", "2026-03-07", "--calendar-days", "15"], "2026-03-26"),
        (["--from", "2024-01-25", "--working-days", "15", "--convention", "next-day"], "2024-02-15"),
        (["--from", "2023-12-25", "--months", "1", "--convention", "next-day"], "2024-01-25"),
    ])
    func units(args: [String], expected: String) throws {
        let r = try run(["term"] + args)
        #expect(r.code == 0 && r.out == expected + "\n", "\(r.err)")
    }

    @Test("R18: --explain prints the trail in the chosen language")
    func explain() throws {
        let r = try run(["term", "--from", "2026-03-20", "--working-days", "3", "--explain", "--lang", "ru"])
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "2026-03-27")
        #expect(lines.contains { $0.contains("пропущен 24.03.2026: перенесённый выходной день") })
        #expect(lines.contains("Версия календаря: kz-2026.11.24"))
        let kk = try run(["term", "--from", "2026-03-20", "--working-days", "3", "--explain"])
        #expect(kk.out.contains("Мерзімнің соңғы күні: 27.03.2026 (жұма)"))
    }

    @Test("Bad input: a message on stderr, nothing on stdout, a non-zero exit", arguments: [
        ["term", "--from", "2024-02-30", "--working-days", "15"],
        ["term", "--working-days", "15"],
        ["term", "--from", "2024-01-25"],
        ["term", "--from", "2024-01-25", "--working-days", "15", "--months", "1"],
        ["term", "--from", "2024-01-25", "--working-days", "0"],
        ["term", "--from", "2024-01-25", "--working-days", "x"],
        ["term", "--from", "2024-01-25", "--working-days", "5", "--convention", "later"],
        ["term", "--from", "2024-01-25", "--working-days", "5", "--lang", "de"],
        ["term", "--from", "1990-01-25", "--working-days", "5"],
    ])
    func bad(args: [String]) throws {
        let r = try run(args)
        #expect(r.code != 0)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("zhauap:"), "\(r.err)")
    }

    @Test("--batch answers one JSON line per input line, in order, and goes on after bad lines")
    func batch() throws {
        let input = [
            #"{"start":"2024-01-25","unit":"working_days","amount":15}"#,
            #"{"start":"2024-01-25","unit":"working_days"}"#,
            "not json",
            #"{"start":"2023-12-25","unit":"months","amount":1,"convention":"next-day"}"#,
            #"{"start":"2024-02-30","unit":"years","amount":1}"#,
            #"{"start":"2024-01-25","unit":"weeks","amount":1}"#,
            #"{"start":"2024-01-25","unit":"calendar_days","amount":"15"}"#,
            #"{"start":"2024-01-25","unit":"calendar_days","amount":0}"#,
            #"{"start":"2026-03-07","unit":"calendar_days","amount":15}"#,
        ]
        let r = try run(["term", "--batch"], stdin: input.joined(separator: "\n") + "\n")
        #expect(r.code == 0)
        let out = r.out.split(separator: "\n").map(String.init)
        #expect(out.count == input.count)
        #expect(out[0] == #"{"end":"2024-02-14"}"#)
        #expect(out[3] == #"{"end":"2024-01-25"}"#)
        #expect(out[8] == #"{"end":"2026-03-26"}"#)
        for i in [1, 2, 4, 5, 6, 7] { #expect(out[i].hasPrefix(#"{"error":"#), "line \(i): \(out[i])") }
        #expect(out[1].contains("amount"))
    }

    @Test("--batch keeps up with many lines")
    func batchMany() throws {
        let lines = (0..<5000).map { i in #"{"start":"2024-01-\#(String(format: "%02d", 1 + i % 28))","unit":"working_days","amount":\#(1 + i % 40)}"# }
        let r = try run(["term", "--batch"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.code == 0)
        #expect(r.out.split(separator: "\n").count == 5000)
        #expect(!r.out.contains("error"))
    }
}

@Suite("CLI: commands that only compute leave no database behind")
struct ComputeOnlyCLITests {
    @Test("Where no database exists, zhauap term and calendar days use the shipped calendar, say so, and create nothing; with a database, they use it")
    func noDatabaseCreated() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"]
        let term = try Zhauap.run(["term", "--from", "2024-01-25", "--working-days", "15"], env: env, in: dir)
        #expect(term.code == 0 && term.out == "2024-02-14\n" && term.err.contains("the shipped calendar"))
        let days = try Zhauap.run(["calendar", "days", "--from", "2024-03-21", "--to", "2024-03-21"], env: env, in: dir)
        #expect(days.code == 0 && days.out.contains("2024-03-21,false"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("z.sqlite").path), "nothing was created")
        #expect(try Zhauap.run(["bodies", "add", "--code", "X", "--name-kk", "Х", "--name-ru", "Х"], env: env, in: dir).code == 0)
        let again = try Zhauap.run(["term", "--from", "2024-01-25", "--working-days", "15"], env: env, in: dir)
        #expect(again.code == 0 && !again.err.contains("shipped calendar"), "with a database the calendar in force is used")
    }
}
