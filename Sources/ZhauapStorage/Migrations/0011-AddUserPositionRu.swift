import FluentKit

/// A user's position in Russian beside the Kazakh one, so a document in each language prints the position
/// in that language. Users stored before keep theirs (then the one position is printed in both).
struct AddUserPositionRu: AsyncMigration {
    var name: String { "0011-add-user-position-ru" }

    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("position_ru", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("position_ru").update()
    }
}
