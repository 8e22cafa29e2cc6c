import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

@Suite("CLI: the search index")
struct SearchCLITests {
    @Test("zhauap search reindex rebuilds the index of every body's appeals and says how many; a bad batch size or database fails with a message")
    func reindex() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("z.sqlite").path
        var world: World? = nil
        try await withZhauapApp(database: .sqliteFile(path: file)) { app in
            let w = try await World.make(app)
            world = w
            let service = app.appealService
            for (who, essence) in [(w.registrar, "Жер учаскесін беруіңізді сұраймын"), (w.outsider, "Жер учаскесі туралы")] {
                _ = try await service.register(Procedure.Draft(channel: .paper, receivedAt: service.now(), essence: essence, signaturePresent: true),
                                               actor: who, idempotencyKey: nil)
            }
            // The index lost (as after a restore of an old backup): nothing is found.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM appeal_search").run()
            try await sql.raw("INSERT INTO appeal_search_fts(appeal_search_fts) VALUES('delete-all')").run()
            let q = WorklistQuery(bodyID: w.bodyA.id)
            #expect(try await service.search("жер", actor: w.registrar, within: q, limit: 10, offset: 0).isEmpty)
        }
        let env = ["DATABASE_URL": "sqlite://\(file)"]
        let run = try Zhauap.run(["search", "reindex", "--batch", "1"], env: env, in: dir)
        #expect(run.code == 0 && run.out.contains("search index rebuilt: 2 appeals indexed"), "\(run.out) \(run.err)")
        let w = try #require(world)
        try await withZhauapApp(database: .sqliteFile(path: file)) { app in
            let service = app.appealService
            let a = try await service.search("jer uchaskesi", actor: w.registrar, within: WorklistQuery(bodyID: w.bodyA.id), limit: 10, offset: 0)
            let b = try await service.search("жер учаскеси", actor: w.outsider, within: WorklistQuery(bodyID: w.bodyB.id), limit: 10, offset: 0)
            #expect(a.count == 1 && b.count == 1 && a[0].row.id != b[0].row.id)
        }
        let bad = try Zhauap.run(["search", "reindex", "--batch", "0"], env: env, in: dir)
        #expect(bad.code != 0 && bad.err.contains("zhauap: --batch must be 1–10000"), "\(bad.err)")
        let nowhere = try Zhauap.run(["search", "reindex"], env: ["DATABASE_URL": "sqlite:///nonexistent-\(UUID().uuidString)/z.sqlite"], in: dir)
        #expect(nowhere.code != 0 && nowhere.err.contains("zhauap:"), "\(nowhere.err)")
    }
}
