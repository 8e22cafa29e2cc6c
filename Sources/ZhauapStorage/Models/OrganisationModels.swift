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
    @OptionalField(key: "contacts") var contacts: String?
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
    @OptionalField(key: "position_ru") var positionRu: String?
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

