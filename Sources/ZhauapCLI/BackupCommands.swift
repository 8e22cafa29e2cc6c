import Fluent
import Foundation
import Vapor
import ZhauapStorage
import ZhauapWeb

/// `zhauap backup FILE`: a consistent copy of the live SQLite database (safe while the server runs).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the backup file to write (must not exist)") var file: String
    }

    var help: String { "Write a consistent copy of the SQLite database while it serves (PostgreSQL: pg_dump, see the README)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard case .sqliteFile = app.databaseLocation else {
            throw CLIError("backup copies an SQLite database; for PostgreSQL use pg_dump --format=custom (README: Backups)")
        }
        try await prepareDatabase(app)
        do {
            let summary = try await SQLiteBackup.backup(app.db, to: s.file)
            context.console.print("backup written to \(s.file): \(summary.appeals) appeals, \(summary.trailEntries) trail entries")
        } catch let e as BackupError {
            throw CLIError(e.description)
        }
    }
}

/// `zhauap restore FILE`: puts a backup in place as the configured SQLite database, never over a live one.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the backup file") var file: String
    }

    var help: String { "Put a backup in place as the SQLite database (refuses to overwrite an existing one)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard case .sqliteFile(let path) = context.application.databaseLocation else {
            throw CLIError("restore puts back an SQLite backup; for PostgreSQL use pg_restore (README: Backups)")
        }
        do { try SQLiteBackup.restore(from: s.file, to: path) } catch let e as BackupError { throw CLIError(e.description) }
        context.console.print("restored \(s.file) to \(path); run `zhauap audit verify` next")
    }
}
