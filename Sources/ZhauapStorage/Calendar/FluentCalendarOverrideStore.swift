import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar

/// `CalendarOverrideStore` over Fluent: the same code on SQLite and PostgreSQL.
public struct FluentCalendarOverrideStore: CalendarOverrideStore {
    let database: any Database

    public init(database: any Database) { self.database = database }

    public func overrides() async throws -> [CalendarOverrideRecord] {
        try await CalendarOverrideModel.query(on: database).sort(\.$id).all().map { m in
            CalendarOverrideRecord(id: m.id ?? 0, data: try CalendarData.decode(Data(m.content.utf8)), content: m.content,
                                   contentSHA256: m.contentSHA256, importedAt: m.importedAt, importedBy: m.importedBy)
        }
    }

    public func latestOverrideID() async throws -> Int? {
        // One indexed look-up per request: plain SQL, no model reflection.
        guard let sql = database as? any SQLDatabase else { return try await CalendarOverrideModel.query(on: database).max(\.$id) }
        return try await sql.raw("SELECT MAX(id) AS m FROM calendar_overrides").first()?.decode(column: "m", as: Int?.self)
    }

    public func addOverride(content: String, contentSHA256: String, label: String, importedAt: Date,
                            importedBy: String?) async throws -> Int {
        let model = CalendarOverrideModel(label: label, content: content, contentSHA256: contentSHA256,
                                          importedAt: importedAt, importedBy: importedBy)
        try await model.create(on: database)
        guard let id = model.id else { throw StorageError.missingGeneratedID(CalendarOverrideModel.schema) }
        return id
    }
}

public enum StorageError: Error, Sendable, Equatable {
    /// The database did not return the id it generated for a new row.
    case missingGeneratedID(String)
    /// The database is not an SQL database.
    case notSQL
    /// The row does not exist.
    case notFound
    /// Another request changed the appeal since it was read; nothing was saved.
    case concurrentChange
    /// A stored appeal record that cannot be read as an appeal (a newer schema, or inconsistent data).
    case unreadableRecord(String)
}
