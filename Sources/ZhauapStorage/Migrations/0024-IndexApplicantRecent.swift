import FluentKit
import SQLKit

/// The same applicant's latest appeals (R8, read at every registration) from an index in the order they are
/// asked for: with `(body_id, applicant_key)` alone SQLite walked the body's appeals by day, newest first,
/// until it had found 20 of the applicant's — the whole body for an applicant who had none. And the index
/// `(body_id, open_arguments)` goes: the only question asked of that column (`open_arguments > 0`) is answered
/// by `appeals_waiting_arguments`, and every registration and step paid for keeping it.
struct IndexApplicantRecent: AsyncMigration {
    var name: String { "0024-index-applicant-recent" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX appeals_body_applicant_recent ON appeals (body_id, applicant_key, registered_on, reg_sequence)
            """).run()
        try await sql.raw("DROP INDEX IF EXISTS appeals_body_applicant").run()
        try await sql.raw("DROP INDEX IF EXISTS appeals_open_arguments").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX IF NOT EXISTS appeals_open_arguments ON appeals (body_id, open_arguments)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS appeals_body_applicant ON appeals (body_id, applicant_key)").run()
        try await sql.raw("DROP INDEX IF EXISTS appeals_body_applicant_recent").run()
    }
}
