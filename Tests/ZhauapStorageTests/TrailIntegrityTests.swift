import Crypto
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import ZhauapDomain
import ZhauapService
@testable import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

/// R45 against an insider who can write the database: what the database alone shows (the appeal's data is
/// covered by its last trail entry; registrations form one chain per body and year), and what only signed
/// checkpoints kept outside the database can show (a chain recomputed, a trail cut back, an older copy).
@Suite("R45: tampering by someone with database access is detected", .serialized)
struct TrailIntegrityTests {
    struct Case {
        var app: Application
        var ids: [UUID]
        var numbers: [String]
        var sql: any SQLDatabase
        var store: FluentAppealStore { FluentAppealStore(database: app.db) }
    }

    static func world(_ database: DatabaseLocation, _ body: (Case) async throws -> Void) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            var ids: [UUID] = [], numbers: [String] = []
            for i in 0..<4 {
                let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "Жол жөндеу туралы №\(i)"),
                                             actor: w.registrar, idempotencyKey: nil).appeal
                _ = try await s.perform(.assign(executorID: w.executor.userID), on: a.id, actor: w.head)
                _ = try await s.perform(.confirmKind(.request, area: nil, special: nil), on: a.id, actor: w.executor)
                ids.append(a.id)
                numbers.append(a.registration.number)
            }
            let sql = try #require(app.db as? any SQLDatabase)
            let c = Case(app: app, ids: ids, numbers: numbers, sql: sql)
            #expect(try await c.store.verifyTrails().problems.isEmpty)
            try await body(c)
        }
    }

    @Test("R45: the essence, the applicant or a due date changed in the database is named, though no entry was touched", arguments: TestDatabases.all)
    func storedDataCovered(database: DatabaseLocation) async throws {
        try await Self.world(database) { c in
            try await c.sql.raw("UPDATE appeals SET document = REPLACE(document, 'Жол жөндеу', 'Басқа мәселе') WHERE id = \(bind: c.ids[0])").run()
            try await c.sql.raw("UPDATE appeal_terms SET due = '2099-01-01' WHERE appeal_id = \(bind: c.ids[1])").run()
            let problems = try await c.store.verifyTrails().problems.joined(separator: "\n")
            #expect(problems.contains("\(c.numbers[0]): the appeal's stored data was changed outside a step"))
            #expect(problems.contains("\(c.numbers[1]): the appeal's stored data was changed outside a step"))
            #expect(!problems.contains(c.numbers[2]) && !problems.contains(c.numbers[3]))
        }
    }

    @Test("R45: a whole appeal deleted with its trail leaves a hole in the chain of registrations that is named", arguments: TestDatabases.all)
    func deletedAppeal(database: DatabaseLocation) async throws {
        try await Self.world(database) { c in
            try await c.sql.raw("DELETE FROM appeal_events WHERE appeal_id = \(bind: c.ids[1])").run()
            try await c.sql.raw("DELETE FROM appeal_terms WHERE appeal_id = \(bind: c.ids[1])").run()
            try await c.sql.raw("DELETE FROM appeals WHERE id = \(bind: c.ids[1])").run()
            #expect(try await c.store.verifyTrails().problems.contains("\(c.numbers[1]): the appeal registered under this number was deleted"))
            // Deleting its link too leaves a gap in the numbers.
            try await c.sql.raw("DELETE FROM registration_links WHERE appeal_id = \(bind: c.ids[1])").run()
            let problems = try await c.store.verifyTrails().problems.joined(separator: "\n")
            #expect(problems.contains("numbers 2–2 are missing before \(c.numbers[2])"), "\(problems)")
        }
    }

    /// An insider who knows the (public) hash formulas rewrites an entry and recomputes every hash after it,
    /// cuts the last entry off and moves the head back, and deletes the newest appeal with its link and number:
    /// the database is self-consistent again, only the checkpoint shows it.
    @Test("R45: a recomputed chain, a trail cut back and a deleted newest appeal are named by a signed checkpoint", arguments: TestDatabases.all)
    func checkpoints(database: DatabaseLocation) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.world(database) { c in
            let key = Curve25519.Signing.PrivateKey()
            try await CheckpointAudit.write(c.app.db, key: key, directory: dir, now: Date())
            let publicKey = CheckpointKey.publicHex(key)
            #expect(try await CheckpointAudit.verify(c.app.db, directory: dir, publicKey: publicKey).problems.isEmpty)

            // 1. Entry 2 of the first appeal edited, every hash after it recomputed, the head moved.
            let events = try await AppealEventModel.query(on: c.app.db).filter(\.$appealID == c.ids[0]).sort(\.$seq).all()
            var prev = TrailHash.genesis
            for e in events {
                if e.seq == 2 { e.reason = "rewritten" }
                e.prevHash = prev
                e.hash = TrailHash.hash(e)
                prev = e.hash
                try await e.save(on: c.app.db)
            }
            try await c.sql.raw("UPDATE appeals SET trail_head = \(bind: prev) WHERE id = \(bind: c.ids[0])").run()
            // 2. The last entry of the second appeal cut off, the head moved back.
            let second = try await AppealEventModel.query(on: c.app.db).filter(\.$appealID == c.ids[1]).sort(\.$seq).all()
            try await second.last!.delete(on: c.app.db)
            try await c.sql.raw("UPDATE appeals SET trail_length = \(bind: second.count - 1), trail_head = \(bind: second[second.count - 2].hash) WHERE id = \(bind: c.ids[1])").run()
            // 3. The newest appeal deleted with its link, and its number given back.
            for table in ["appeal_events", "appeal_terms", "registration_links"] {
                try await c.sql.raw("DELETE FROM \(unsafeRaw: table) WHERE appeal_id = \(bind: c.ids[3])").run()
            }
            try await c.sql.raw("DELETE FROM appeals WHERE id = \(bind: c.ids[3])").run()
            try await c.sql.raw("UPDATE registration_counters SET last_sequence = last_sequence - 1").run()

            // The second appeal's stored data no longer matches its (now) last entry; the rest is self-consistent.
            let alone = try await c.store.verifyTrails().problems
            #expect(!alone.contains { $0.contains(c.numbers[0]) || $0.contains(c.numbers[3]) }, "\(alone)")

            let report = try await CheckpointAudit.verify(c.app.db, directory: dir, publicKey: publicKey)
            let text = report.problems.joined(separator: "\n")
            #expect(text.contains("\(c.numbers[0]): trail entry 3 changed"), "\(text)")
            #expect(text.contains("\(c.numbers[1]): rolled back from 3 trail entries to 2"), "\(text)")
            #expect(text.contains("\(c.numbers[3]): deleted"), "\(text)")
            #expect(text.contains("4 registrations at the checkpoint, 3 now"), "\(text)")
            #expect(!text.contains(c.numbers[2]))
        }
    }

    @Test("R45: an edited checkpoint file or one signed by another key is refused, and so is a wrong public key")
    func signatures() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.world(.sqliteMemory) { c in
            let key = Curve25519.Signing.PrivateKey()
            let (path, _) = try await CheckpointAudit.write(c.app.db, key: key, directory: dir, now: Date())
            let other = CheckpointKey.publicHex(Curve25519.Signing.PrivateKey())
            #expect(try await CheckpointAudit.verify(c.app.db, directory: dir, publicKey: other).problems.first?.contains("signature does not match") == true)
            // The insider edits a head in the checkpoint to match the database: the signature no longer holds.
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: #"\"length\":3"#, with: #"\"length\":2"#)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let report = try await CheckpointAudit.verify(c.app.db, directory: dir, publicKey: CheckpointKey.publicHex(key))
            #expect(report.problems.count == 1 && report.problems[0].contains("signature does not match"), "\(report.problems)")
            // Without the auditor's key the file's own key is used, and the report says which to compare.
            let unpinned = try await CheckpointAudit.verify(c.app.db, directory: dir, publicKey: nil)
            #expect(unpinned.notes.first?.contains("compare it with the public key you keep") == true)
        }
    }

    @Test("R45: an older copy put back (a restore after the checkpoint) names every appeal that came after it")
    func olderCopy() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let live = DatabaseLocation.sqliteFile(path: dir.appendingPathComponent("live.sqlite").path)
        let copy = dir.appendingPathComponent("copy.sqlite").path
        let key = Curve25519.Signing.PrivateKey()
        var late: [String] = []
        try await withZhauapApp(database: live) { app in
            let w = try await World.make(app)
            let s = app.appealService
            _ = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil)
            _ = try await SQLiteBackup.backup(app.db, to: copy)
            for _ in 0..<2 {
                late.append(try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil)
                    .appeal.registration.number)
            }
            try await CheckpointAudit.write(app.db, key: key, directory: dir.appendingPathComponent("cp").path, now: Date().addingTimeInterval(5))
        }
        try await withZhauapApp(database: .sqliteFile(path: copy)) { app in
            #expect(try await FluentAppealStore(database: app.db).verifyTrails().problems.isEmpty)  // a consistent older copy
            let report = try await CheckpointAudit.verify(app.db, directory: dir.appendingPathComponent("cp").path, publicKey: CheckpointKey.publicHex(key))
            for n in late {
                #expect(report.problems.contains { $0.hasPrefix("\(n): deleted") && $0.contains("if this database was restored from its backup of") },
                        "\(report.problems)")
            }
        }
    }
}
