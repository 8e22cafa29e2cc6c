import Fluent
import FluentKit
import FluentSQL
import Foundation
import Testing
@testable import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

/// SQLite's single writer has a connection of its own, driven synchronously with its statements kept
/// prepared: it must be as durable as the pool's connections, read and write values as SQLite's driver does,
/// report errors the same way, and keep up with a schema changed under its kept statements.
@Suite("Storage: the SQLite writer's own connection")
struct WriterConnectionTests {
    static func withFile(_ body: (GroupCommit, any SQLDatabase) async throws -> Void) async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withZhauapApp(database: .sqliteFile(path: dir.appendingPathComponent("w.sqlite").path)) { app in
            try await body(GroupCommit(database: app.db), try #require(app.db as? any SQLDatabase))
        }
    }

    @Test("R1: the writer commits durably — WAL, synchronous=FULL, foreign keys on, a busy timeout, savepoints in memory — and on the database's own file")
    func durable() async throws {
        try await Self.withFile { writer, pool in
            let (mode, sync, keys, timeout, file, temp) = try await writer.run { tx in
                let sql = tx as! any SQLDatabase
                func one<T: Decodable>(_ pragma: String, _ column: String, _: T.Type) async throws -> T {
                    try await sql.raw(SQLQueryString(pragma)).first()!.decode(column: column, as: T.self)
                }
                return (try await one("PRAGMA journal_mode", "journal_mode", String.self), try await one("PRAGMA synchronous", "synchronous", Int.self),
                        try await one("PRAGMA foreign_keys", "foreign_keys", Int.self), try await one("PRAGMA busy_timeout", "timeout", Int.self),
                        try await sql.raw("PRAGMA database_list").all().first!.decode(column: "file", as: String.self),
                        try await one("PRAGMA temp_store", "temp_store", Int.self))
            }
            #expect(mode == "wal" && sync == 2 && keys == 1 && timeout == 10000)
            #expect(temp == 2, "a savepoint's undo pages are kept in memory (temp_store=MEMORY)")
            let poolFile = try await pool.raw("PRAGMA database_list").all().first!.decode(column: "file", as: String.self)
            #expect(file == poolFile && file.hasSuffix("w.sqlite"))
        }
    }

    @Test("Values written by the writer read back the same through the pool: integers at their limits, decimals, text with Kazakh letters, control characters and emoji, bytes, NULL")
    func values() async throws {
        try await Self.withFile { writer, pool in
            try await pool.raw("CREATE TABLE v (i INTEGER, f REAL, t TEXT, b BLOB, n TEXT)").run()
            let texts = ["", "Қазақ тілі — мемлекеттік тіл", "tab\tand\nnew line, 👍🏽, е\u{0301}", String(repeating: "ә", count: 5000)]
            let ints = [0, 1, -1, Int.max, Int.min]
            try await writer.run { tx in
                let sql = tx as! any SQLDatabase
                for (k, t) in texts.enumerated() {
                    try await sql.raw("INSERT INTO v (i, f, t, b, n) VALUES (\(bind: ints[k % ints.count]), \(bind: Double(k) + 0.25), \(bind: t), \(bind: Data([0, 255, UInt8(k)])), NULL)").run()
                }
            }
            let rows = try await pool.raw("SELECT i, f, t, b, n FROM v ORDER BY rowid").all()
            #expect(rows.count == texts.count)
            for (k, row) in rows.enumerated() {
                #expect(try row.decode(column: "i", as: Int.self) == ints[k % ints.count])
                #expect(try row.decode(column: "f", as: Double.self) == Double(k) + 0.25)
                #expect(try row.decode(column: "t", as: String.self) == texts[k])
                #expect(try row.decode(column: "b", as: Data.self) == Data([0, 255, UInt8(k)]))
                #expect(try row.decodeNil(column: "n"))
            }
            // And the writer reads them as the pool does.
            let back = try await writer.run { tx in try await (tx as! any SQLDatabase).raw("SELECT t FROM v ORDER BY rowid").all().map { try $0.decode(column: "t", as: String.self) } }
            #expect(back == texts)
        }
    }

    @Test("A broken constraint on the writer is a constraint failure (answered 409), undoes its job alone and leaves the batch's others stored")
    func constraint() async throws {
        try await Self.withFile { writer, pool in
            try await pool.raw("CREATE TABLE u (k TEXT PRIMARY KEY)").run()
            try await writer.run { tx in try await (tx as! any SQLDatabase).raw("INSERT INTO u (k) VALUES ('a')").run() }
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for k in ["a", "b", "c", "a", "d"] {
                    group.addTask {
                        do {
                            try await writer.run { tx in try await (tx as! any SQLDatabase).raw("INSERT INTO u (k) VALUES (\(bind: k))").run() }
                            return nil
                        } catch let e as any DatabaseError { return e.isConstraintFailure ? "constraint" : "other: \(e)" } catch { return "other: \(error)" }
                    }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(outcomes.compactMap { $0 } == ["constraint", "constraint"])
            let stored = try await pool.raw("SELECT k FROM u ORDER BY k").all().map { try $0.decode(column: "k", as: String.self) }
            #expect(stored == ["a", "b", "c", "d"])
        }
    }

    @Test("A statement the writer keeps prepared follows a column added meanwhile; more statement shapes than it keeps still run")
    func keptStatements() async throws {
        try await Self.withFile { writer, pool in
            try await pool.raw("CREATE TABLE s (a INTEGER)").run()
            try await writer.run { tx in try await (tx as! any SQLDatabase).raw("INSERT INTO s (a) VALUES (1)").run() }
            try await pool.raw("ALTER TABLE s ADD COLUMN b INTEGER DEFAULT 7").run()
            let first = try await writer.run { tx in try await (tx as! any SQLDatabase).raw("SELECT * FROM s").all() }
            let b = try first.first?.decode(column: "b", as: Int.self)
            #expect(first.count == 1 && b == 7)
            let shapes = SQLiteHandle.cacheLimit + 10
            let sum = try await writer.run { tx in
                var total = 0
                for k in 0..<shapes { total += try await (tx as! any SQLDatabase).raw("SELECT \(unsafeRaw: String(k)) AS v").first()!.decode(column: "v", as: Int.self) }
                return total
            }
            #expect(sum == (0..<shapes).reduce(0, +))
        }
    }

    @Test("A statement that SQLite cannot prepare fails its job with SQLite's message, and the writer goes on")
    func badStatement() async throws {
        try await Self.withFile { writer, _ in
            await #expect(throws: SQLiteWriteError.self) {
                try await writer.run { tx in try await (tx as! any SQLDatabase).raw("SELEKT 1").run() }
            }
            let one = try await writer.run { tx in try await (tx as! any SQLDatabase).raw("SELECT 1 AS one").first()!.decode(column: "one", as: Int.self) }
            #expect(one == 1)
        }
    }

    @Test("The writer's log is folded into the database by another connection once it passes 1,000 frames, and starts again from its beginning")
    func checkpoint() async throws {
        try await Self.withFile { writer, pool in
            try await pool.raw("CREATE TABLE big (b BLOB)").run()
            func frames(after bytes: Int) async throws -> Int {
                try await writer.run { tx in try await (tx as! any SQLDatabase).raw("INSERT INTO big (b) VALUES (\(bind: Data(count: bytes)))").run() }
                return try await writer.run { tx in (tx as! WriterDatabase).handle.framesInLog }
            }
            let small = try await frames(after: 10)
            #expect(small > 0 && small < GroupCommit.checkpointFrames)
            // About 1,300 pages of 4 KiB in one commit: past the mark, a pool connection checkpoints.
            let large = try await frames(after: 5_300_000)
            #expect(large >= GroupCommit.checkpointFrames)
            var restarted = false
            for _ in 0..<100 where !restarted {
                try await Task.sleep(for: .milliseconds(50))
                restarted = try await frames(after: 10) < large / 10
            }
            #expect(restarted, "the log was never checkpointed: SQLite's own checkpoint is off on the writer, so another connection must do it")
        }
    }
}
