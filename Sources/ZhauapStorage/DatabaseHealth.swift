import FluentKit
import FluentSQL

public enum DatabaseHealth {
    /// Runs `SELECT 1`; returns the error's description when the database cannot be reached.
    public static func ping(_ database: any Database) async -> String? {
        guard let sql = database as? any SQLDatabase else { return "not an SQL database" }
        do {
            try await sql.raw("SELECT 1").run()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// SQLite only: the journal mode and synchronous level in force on one connection
    /// (expected `wal` and 2 = FULL, so an acknowledged write survives a crash).
    public static func sqlitePragmas(_ database: any Database) async throws -> (journalMode: String, synchronous: Int)? {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? ""
        let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? -1
        return (mode, sync)
    }

    /// SQLite files: switch to write-ahead logging (persistent in the file) and full fsync on commit; a
    /// writer that finds another connection writing waits for it (up to 10 s) rather than failing at once
    /// with SQLITE_BUSY. `synchronous` and `busy_timeout` hold per connection: run this on each.
    public static func prepareSQLite(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=FULL").run()
        try await sql.raw("PRAGMA busy_timeout=10000").run()
    }
}
