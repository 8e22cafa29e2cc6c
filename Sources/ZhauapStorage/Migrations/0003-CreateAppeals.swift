import FluentKit
import FluentSQL

/// Appeals, their trails, registration counters and idempotency keys (four tables in one migration, as
/// installed databases have recorded it), with the worklist indexes.
struct CreateAppeals: AsyncMigration {
    var name: String { "0003-create-appeals" }

    func prepare(on db: any Database) async throws {
        try await db.schema(AppealModel.schema)
            .id()
            .field("body_id", .uuid, .required, .references(BodyModel.schema, "id"))
            .field("reg_year", .int, .required)
            .field("reg_sequence", .int, .required)
            .field("reg_number", .string, .required)
            .field("tracking_code", .string, .required)
            .field("registered_on", .string, .required)
            .field("state", .string, .required)
            .field("kind", .string)
            .field("executor_id", .uuid)
            .field("next_due", .string)
            .field("document", .string, .required)
            .field("trail_length", .int, .required)
            .field("trail_head", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "body_id", "reg_year", "reg_sequence")
            .unique(on: "reg_number")
            .create()
        try await db.schema(AppealEventModel.schema)
            .field("id", .int, .identifier(auto: true))
            .field("appeal_id", .uuid, .required, .references(AppealModel.schema, "id"))
            .field("body_id", .uuid, .required)
            .field("seq", .int, .required)
            .field("type", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_name", .string, .required)
            .field("actor_roles", .string, .required)
            .field("recorded_ms", .int64, .required)
            .field("legal_date", .string, .required)
            .field("reason", .string)
            .field("details", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "appeal_id", "seq")
            .create()
        try await db.schema(CounterModel.schema)
            .id()
            .field("body_id", .uuid, .required)
            .field("year", .int, .required)
            .field("last_sequence", .int, .required)
            .unique(on: "body_id", "year")
            .create()
        try await db.schema(IdempotencyModel.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("key", .string, .required)
            .field("appeal_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        // Worklists: "due within N working days" and "mine" are range scans on these.
        try await sql.raw("CREATE INDEX appeals_body_due ON appeals (body_id, next_due)").run()
        try await sql.raw("CREATE INDEX appeals_body_executor_due ON appeals (body_id, executor_id, next_due)").run()
        try await sql.raw("CREATE INDEX appeals_body_state ON appeals (body_id, state, next_due)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(IdempotencyModel.schema).delete()
        try await db.schema(CounterModel.schema).delete()
        try await db.schema(AppealEventModel.schema).delete()
        try await db.schema(AppealModel.schema).delete()
    }
}
