import FluentKit

/// Failed sign-ins per key (a login, a login from one address, an address): the count and the moment
/// before which the next attempt waits. One row per key, changed by compare-and-set, so concurrent
/// attempts are counted one by one.
struct CreateSignInAttempts: AsyncMigration {
    var name: String { "0014-create-sign-in-attempts" }

    func prepare(on db: any Database) async throws {
        try await db.schema(SignInAttemptModel.schema)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("wait_until_ms", .int64, .required)
            .field("last_ms", .int64, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignInAttemptModel.schema).delete()
    }
}
