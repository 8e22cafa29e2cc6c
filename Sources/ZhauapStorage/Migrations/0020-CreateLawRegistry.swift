import FluentKit
import SQLKit

/// The registry of normative acts (`FluentLawStore`): one row per saved revision, the newest in force.
struct CreateLawRegistry: AsyncMigration {
    var name: String { "0020-create-law-registry" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let real = sql.dialect.name == "sqlite" ? "REAL" : "DOUBLE PRECISION"
        try await sql.raw("""
            CREATE TABLE law_registry (revision INTEGER PRIMARY KEY, version TEXT NOT NULL, document TEXT NOT NULL, saved_by UUID NOT NULL,
              saved_at \(unsafeRaw: real) NOT NULL)
            """).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE IF EXISTS law_registry").run()
    }
}
