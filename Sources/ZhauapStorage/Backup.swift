import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// A consistent copy of a live SQLite database, taken while it serves: SQLite's `VACUUM INTO` writes
/// one transaction's snapshot to a new file (a plain `cp` of a database in WAL mode can miss what was
/// acknowledged). PostgreSQL is backed up with its own tools (`pg_dump`, `pg_restore`; see the README).
public enum SQLiteBackup {
    public struct Summary: Sendable, Equatable {
        public var appeals: Int
        public var trailEntries: Int

        public init(appeals: Int, trailEntries: Int) {
            self.appeals = appeals
            self.trailEntries = trailEntries
        }
    }

    /// Writes the snapshot to `path`, which must not exist yet, and returns what it holds.
    /// The backup carries a mark of its moment (`BackupMarks`), so that `audit verify --checkpoints` on a
    /// database restored from it can tell what came after it from tampering.
    public static func backup(_ db: any Database, to path: String, now: Date = Date()) async throws -> Summary {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError("\(path) exists: a backup never overwrites a file") }
        try await BackupMarks.record(db, at: now)
        try await sql.raw("VACUUM INTO \(bind: path)").run()
        return try await summary(sql)
    }

    static func summary(_ sql: any SQLDatabase) async throws -> Summary {
        let appeals = try await sql.raw("SELECT COUNT(*) AS n FROM appeals").first()?.decode(column: "n", as: Int.self) ?? 0
        let entries = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_events").first()?.decode(column: "n", as: Int.self) ?? 0
        return Summary(appeals: appeals, trailEntries: entries)
    }

    /// Puts a backup in place at `target`, which must not exist (a live database is never overwritten:
    /// stop the server and move the old file away first). The backup is checked before it is copied.
    public static func restore(from backup: String, to target: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: backup) else { throw BackupError("\(backup) does not exist") }
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: target + suffix) {
            throw BackupError("\(target + suffix) exists: restore never overwrites a database (stop the server and move it away first)")
        }
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: backup)).read(upToCount: 16) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw BackupError("\(backup) is not an SQLite database") }
        try fm.copyItem(atPath: backup, toPath: target)
    }
}

public struct BackupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
