import FluentKit
import FluentSQL
import Foundation

/// An appeal: the whole domain value as JSON in `document`, with the columns worklists filter and sort
/// on kept beside it and indexed.
final class AppealModel: Model, @unchecked Sendable {
    static let schema = "appeals"

    @ID(key: .id) var id: UUID?
    @Field(key: "body_id") var bodyID: UUID
    @Field(key: "reg_year") var regYear: Int
    @Field(key: "reg_sequence") var regSequence: Int
    @Field(key: "reg_number") var regNumber: String
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "registered_on") var registeredOn: String
    @Field(key: "state") var state: String
    @OptionalField(key: "kind") var kind: String?
    @OptionalField(key: "executor_id") var executorID: UUID?
    /// The nearest active due date (`YYYY-MM-DD`, sorts as text), or nil when nothing is open.
    @OptionalField(key: "next_due") var nextDue: String?
    @Field(key: "document") var document: String
    @Field(key: "trail_length") var trailLength: Int
    @Field(key: "trail_head") var trailHead: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One entry of an appeal's trail. `hash` = SHA-256 over the previous hash and this entry's content,
/// so an edited, deleted or reordered entry breaks the chain (R45).
final class AppealEventModel: Model, @unchecked Sendable {
    static let schema = "appeal_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "appeal_id") var appealID: UUID
    @Field(key: "body_id") var bodyID: UUID
    @Field(key: "seq") var seq: Int
    @Field(key: "type") var type: String
    @Field(key: "actor_id") var actorID: UUID
    @Field(key: "actor_name") var actorName: String
    @Field(key: "actor_roles") var actorRoles: String
    /// Milliseconds since 1970: exact on every database, so the hash can be recomputed.
    @Field(key: "recorded_ms") var recordedMs: Int
    @Field(key: "legal_date") var legalDate: String
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "details") var details: String
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}
}

final class CounterModel: Model, @unchecked Sendable {
    static let schema = "registration_counters"

    @ID(key: .id) var id: UUID?
    @Field(key: "body_id") var bodyID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "last_sequence") var lastSequence: Int

    init() {}
}

final class IdempotencyModel: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    @Field(key: "appeal_id") var appealID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

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
