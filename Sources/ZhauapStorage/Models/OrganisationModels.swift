import FluentKit
import Foundation

/// `@unchecked Sendable` on Fluent models: their property wrappers; they stay inside storage.
final class BodyModel: Model, @unchecked Sendable {
    static let schema = "bodies"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name_kk") var nameKk: String
    @Field(key: "name_ru") var nameRu: String
    @Field(key: "address") var address: String
    @OptionalField(key: "higher_body_id") var higherBodyID: UUID?
    @Field(key: "competence_areas") var competenceAreas: String
    @Field(key: "working_start") var workingStart: Int
    @Field(key: "working_end") var workingEnd: Int
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "correction_days") var correctionDays: Int

    init() {}
}

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "body_id") var bodyID: UUID
    @Field(key: "login") var login: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "name") var name: String
    @Field(key: "position") var position: String
    @Field(key: "roles") var roles: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "language") var language: String?
    @Field(key: "session_epoch") var sessionEpoch: Int

    init() {}
}

final class TokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

struct CreateOrganisation: AsyncMigration {
    var name: String { "0002-create-bodies-users-tokens" }

    func prepare(on db: any Database) async throws {
        try await db.schema(BodyModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name_kk", .string, .required)
            .field("name_ru", .string, .required)
            .field("address", .string, .required)
            .field("higher_body_id", .uuid)
            .field("competence_areas", .string, .required)
            .field("working_start", .int, .required)
            .field("working_end", .int, .required)
            .field("time_zone", .string, .required)
            .field("correction_days", .int, .required)
            .unique(on: "code")
            .create()
        try await db.schema(UserModel.schema)
            .id()
            .field("body_id", .uuid, .required, .references(BodyModel.schema, "id"))
            .field("login", .string, .required)
            .field("password_hash", .string, .required)
            .field("name", .string, .required)
            .field("position", .string, .required)
            .field("roles", .string, .required)
            .field("active", .bool, .required)
            .unique(on: "login")
            .create()
        try await db.schema(TokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(TokenModel.schema).delete()
        try await db.schema(UserModel.schema).delete()
        try await db.schema(BodyModel.schema).delete()
    }
}
