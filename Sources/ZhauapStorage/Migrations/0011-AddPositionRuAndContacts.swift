import FluentKit

/// What the letters print about their signatory and their body: a user's position in Russian beside the
/// Kazakh one (users stored before keep theirs, then printed in both), and the body's contacts (telephone,
/// e-mail, reception hours) beside its address.
struct AddPositionRuAndContacts: AsyncMigration {
    var name: String { "0011-add-position-ru-and-contacts" }

    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("position_ru", .string).update()
        try await db.schema("bodies").field("contacts", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("bodies").deleteField("contacts").update()
        try await db.schema("users").deleteField("position_ru").update()
    }
}
