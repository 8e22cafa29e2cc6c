import FluentKit
import FluentSQL

/// Failed sign-ins, counted per key within a window.
struct CreateLoginFailures: AsyncMigration {
    var name: String { "0004-create-login-failures" }

    func prepare(on db: any Database) async throws {
        try await db.schema(LoginFailureModel.schema)
            .id()
            .field("key", .string, .required)
            .field("at_ms", .int64, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX login_failures_key_at ON login_failures (key, at_ms)").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LoginFailureModel.schema).delete()
    }
}
