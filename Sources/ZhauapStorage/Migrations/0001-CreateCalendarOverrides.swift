import FluentKit

struct CreateCalendarOverrides: AsyncMigration {
    var name: String { "0001-create-calendar-overrides" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarOverrideModel.schema)
            .field("id", .int, .identifier(auto: true))
            .field("label", .string, .required)
            .field("content", .string, .required)
            .field("content_sha256", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarOverrideModel.schema).delete()
    }
}
