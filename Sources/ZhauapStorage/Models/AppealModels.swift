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
    @OptionalField(key: "state_hash") var stateHash: String?

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

