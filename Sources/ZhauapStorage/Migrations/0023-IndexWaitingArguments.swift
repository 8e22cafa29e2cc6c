import FluentKit
import SQLKit

/// The appeals whose hearing has objections or arguments not answered yet, newest first, read from an index
/// of their own (the desk and the head's page ask on every view). With only `(body_id, open_arguments)`
/// SQLite chose the body's number order and checked every appeal of the body in turn: half a second for a
/// body of 100,000 appeals. Such appeals are few, so the partial index is small.
struct IndexWaitingArguments: AsyncMigration {
    var name: String { "0023-index-waiting-arguments" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX appeals_waiting_arguments ON appeals (body_id, reg_year, reg_sequence) WHERE open_arguments > 0
            """).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS appeals_waiting_arguments").run()
    }
}
