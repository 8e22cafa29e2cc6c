import Foundation
import Testing
import ZhauapDomain
import ZhauapTestSupport

@Suite("CLI: zhauap law")
struct LawCLITests {
    let dir: URL
    var env: [String: String] { ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"] }

    init() throws { dir = try temporaryDirectory() }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test("R29: law check and law import list every problem of a bad file (unknown level, duplicate id) and store nothing")
    func refusesBadFile() throws {
        var registry = try LawRegistry.bundled()
        registry.acts[0].level = "decree_of_nobody"
        registry.norms[2].id = registry.norms[1].id
        let bad = try write("bad.json", try registry.encoded())
        let check = try Zhauap.run(["law", "check", "--file", bad], env: env, in: dir)
        #expect(check.code == 1 && check.out.contains("unknown_level\tacts[0].level") && check.out.contains("duplicate\tnorms[2].id"), "\(check.out) \(check.err)")
        let imported = try Zhauap.run(["law", "import", "--file", bad], env: env, in: dir)
        #expect(imported.code != 0 && imported.err.contains("nothing was stored") && imported.err.contains("unknown_level"))
        let notJSON = try write("not.json", Data("{\"format\": 1,".utf8))
        let broken = try Zhauap.run(["law", "check", "--file", notJSON], env: env, in: dir)
        #expect(broken.code == 1 && broken.out.contains("invalid_json"))
        let export = try Zhauap.run(["law", "export"], env: env, in: dir)
        let (exported, bundled) = (try LawRegistry.decode(Data(export.out.utf8)), try LawRegistry.bundled())
        #expect(export.code == 0 && exported == bundled)
    }

    @Test("R29: the export round-trips through the import as revision 1, saved by an installation administrator")
    func roundTrip() throws {
        func run(_ args: [String]) throws -> Run { try Zhauap.run(args, env: env, in: dir) }
        #expect(try run(["bodies", "add", "--code", "ADM", "--name-kk", "Әкімшілік", "--name-ru", "Администрация"]).code == 0)
        #expect(try run(["users", "add", "--body", "ADM", "--login", "clerk", "--name", "Іс жүргізуші", "--roles", "registrar"]).code == 0)
        #expect(try run(["users", "add", "--body", "ADM", "--login", "root", "--name", "Әкімші", "--roles", "admin,installation_admin"]).code == 0)
        let file = dir.appendingPathComponent("out.json").path
        let export = try run(["law", "export", "--file", file])
        #expect(export.code == 0 && export.err.contains("revision bundled"))
        #expect(try run(["law", "check", "--file", file]).out.contains("no problem"))
        let noAdmin = try run(["law", "import", "--file", file, "--as", "nobody"])
        #expect(noAdmin.code != 0 && noAdmin.err.contains("no active administrator account"))
        let notInstallation = try run(["law", "import", "--file", file, "--as", "clerk"])
        #expect(notInstallation.code != 0 && notInstallation.err.contains("not an installation administrator"))
        let imported = try run(["law", "import", "--file", file])
        #expect(imported.code == 0 && imported.out.contains("revision 1"), "\(imported.err)")
        let again = try run(["law", "export"])
        #expect(again.out == (try String(contentsOfFile: file, encoding: .utf8)))
    }
}
