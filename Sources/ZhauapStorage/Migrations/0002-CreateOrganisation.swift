import FluentKit

/// Bodies, users and API tokens.
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
