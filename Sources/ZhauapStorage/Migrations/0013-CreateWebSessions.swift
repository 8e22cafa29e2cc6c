import FluentKit
import FluentSQL

/// Signed-in browser sessions with their expiry (anonymous visitors get none), replacing the session table
/// that kept a row for every visit and never removed one.
struct CreateWebSessions: AsyncMigration {
    var name: String { "0013-create-web-sessions" }

    func prepare(on db: any Database) async throws {
        try await db.schema(WebSessionModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required)
            .field("epoch", .int, .required)
            .field("csrf", .string, .required)
            .field("expires_ms", .int64, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX web_sessions_expires ON web_sessions (expires_ms)").run()
            try await sql.raw("DROP TABLE IF EXISTS _fluent_sessions").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(WebSessionModel.schema).delete()
    }
}
