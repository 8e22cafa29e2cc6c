import Foundation
import Testing
import ZhauapTestSupport

@Suite("CLI: zhauap calendar")
struct CalendarCLITests {
    let dir: URL
    var env: [String: String] { ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"] }

    init() throws { dir = try temporaryDirectory() }

    /// Splits one CSV row per RFC 4180 (quoted fields may hold commas and doubled quotes).
    func fields(_ row: Substring) -> [String] {
        var out: [String] = [], cur = "", quoted = false, prev: Character? = nil
        for ch in row {
            if ch == "\"" { if quoted && prev == "\"" { cur.append("\"") }; quoted.toggle() }
            else if ch == "," && !quoted { out.append(cur); cur = "" }
            else { cur.append(ch) }
            prev = ch
        }
        out.append(cur)
        return out
    }

    @Test("R16: calendar days prints every day as CSV date,working,reason")
    func days() throws {
        let r = try Zhauap.run(["calendar", "days", "--from", "2018-01-01", "--to", "2027-12-31", "--lang", "en"], env: env, in: dir)
        #expect(r.code == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n")
        #expect(rows.first == "date,working,reason")
        #expect(rows.count == 1 + 3652)
        let byDate = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { row in
            let f = fields(row)
            return (f[0], (f[1], f[2]))
        })
        #expect(byDate["2026-03-24"]?.0 == "false")
        #expect(byDate["2026-03-24"]?.1.hasPrefix("substitute day off: Nauryz on 21.03.2026") == true)
        #expect(byDate["2025-01-05"]?.0 == "true")
        #expect(byDate["2025-01-05"]?.1.contains("working day: its rest transferred to 03.01.2025 (Order of the Minister") == true)
        #expect(byDate["2024-06-17"]?.0 == "true" && byDate["2024-06-17"]?.1 == "")
        #expect(byDate.values.allSatisfy { $0.0 == "true" || !$0.1.isEmpty })
    }

    @Test("Bad ranges are refused", arguments: [
        ["calendar", "days", "--from", "2024-01-10", "--to", "2024-01-01"],
        ["calendar", "days", "--from", "2024-01-10"],
        ["calendar", "days", "--from", "1999-01-01", "--to", "2000-01-01"],
        ["calendar", "import", "/nonexistent/file.json"],
    ])
    func badRanges(args: [String]) throws {
        let r = try Zhauap.run(args, env: env, in: dir)
        #expect(r.code != 0 && r.out.isEmpty && r.err.contains("zhauap:"))
    }

    @Test("An administrator imports next year's decree without a release; terms use it from then on")
    func importYear() throws {
        let before = try Zhauap.run(["term", "--from", "2028-03-17", "--working-days", "2"], env: env, in: dir)
        #expect(before.out == "2028-03-20\n")
        let file = dir.appendingPathComponent("2028.json")
        try override2028.write(to: file, atomically: true, encoding: .utf8)
        let imported = try Zhauap.run(["calendar", "import", file.path, "--by", "admin"], env: env, in: dir)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("calendar version: kz-2026.11.24+2028-order-1#1"))
        // Sat 18 Mar 2028 is now a decreed working day.
        let after = try Zhauap.run(["term", "--from", "2028-03-17", "--working-days", "2", "--explain", "--lang", "en"], env: env, in: dir)
        #expect(after.out.hasPrefix("2028-03-18\n"))
        #expect(after.out.contains("Calendar version: kz-2026.11.24+2028-order-1#1"))
        let version = try Zhauap.run(["calendar", "version"], env: env, in: dir)
        #expect(version.out.contains("years with data: 2000–2028"))
    }

    @Test("An invalid override is refused with every problem, and nothing changes")
    func importInvalid() throws {
        let file = dir.appendingPathComponent("bad.json")
        try #"{"format":1,"version":"bad","years":{"2028":{"status":"confirmed","transfers":[{"dayOff":"2028-03-18","act":{"issuer":"nobody"}}]}}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try Zhauap.run(["calendar", "import", file.path], env: env, in: dir)
        #expect(r.code != 0)
        #expect(r.err.contains("already a weekend day") && r.err.contains("unknown issuer \"nobody\"") && r.err.contains("cite the act"))
        let version = try Zhauap.run(["calendar", "version"], env: env, in: dir)
        #expect(version.out.contains("calendar version: kz-2026.11.24\n"))
    }

    @Test("An invalid configuration is reported whole before anything runs")
    func badConfig() throws {
        let r = try Zhauap.run(["term", "--from", "2024-01-25", "--working-days", "1"],
                               env: ["DATABASE_URL": "mysql://x", "PORT": "0"], in: dir)
        #expect(r.code == 78)
        #expect(r.err.contains("DATABASE_URL") && r.err.contains("PORT"))
    }
}
