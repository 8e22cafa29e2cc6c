import FluentKit
import SQLKit

/// The number of the hearing's objections and arguments not answered yet, beside the appeal, so that the
/// desk lists the appeals waiting for an answer without reading every appeal (APPC 73(3), R40).
struct AddOpenArguments: AsyncMigration {
    var name: String { "0022-add-open-arguments" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE appeals ADD COLUMN open_arguments INTEGER NOT NULL DEFAULT 0").run()
        try await sql.raw("CREATE INDEX appeals_open_arguments ON appeals (body_id, open_arguments)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS appeals_open_arguments").run()
        try await sql.raw("ALTER TABLE appeals DROP COLUMN open_arguments").run()
    }
}
