import FluentKit

/// The language a user chose for the pages.
struct AddUserLanguage: AsyncMigration {
    var name: String { "0005-add-user-language" }

    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema).field("language", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserModel.schema).deleteField("language").update()
    }
}
