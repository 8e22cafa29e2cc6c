import Foundation
import FluentKit
import FluentSQL

/// R45: each trail entry written from now on covers the appeal's stored data after its step
/// (`appeal_events.state_hash`), and each body's registrations of a year form one chain
/// (`registration_links`), so a deleted appeal or a gap in the numbers shows. Entries and registrations
/// from before keep verifying as they always did; the links of existing appeals are written here, in
/// number order.
struct AddTrailCoverage: AsyncMigration {
    var name: String { "0015-add-trail-coverage" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        try await sql.raw("ALTER TABLE appeal_events ADD COLUMN state_hash TEXT").run()
        try await db.schema("registration_links")
            .field("body_id", .uuid, .required)
            .field("reg_year", .int, .required)
            .field("reg_sequence", .int, .required)
            .field("appeal_id", .uuid, .required)
            .field("reg_number", .string, .required)
            .field("registered_on", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "body_id", "reg_year", "reg_sequence")
            .create()
        try await db.schema("backup_marks").field("taken_ms", .int64, .required).create()
        let rows = try await sql.raw("""
            SELECT id, body_id, reg_year, reg_sequence, reg_number, registered_on FROM appeals ORDER BY body_id, reg_year, reg_sequence
            """).all()
        var head: [String: String] = [:]
        for r in rows {
            let link = RegistrationLink(bodyID: try r.decode(column: "body_id", as: UUID.self), year: try r.decode(column: "reg_year", as: Int.self),
                                        sequence: try r.decode(column: "reg_sequence", as: Int.self), appealID: try r.decode(column: "id", as: UUID.self),
                                        number: try r.decode(column: "reg_number", as: String.self),
                                        registeredOn: try r.decode(column: "registered_on", as: String.self))
            let key = "\(link.bodyID)/\(link.year)"
            let stored = link.stored(prev: head[key] ?? TrailHash.genesis)
            head[key] = stored.hash
            try await FluentAppealStore(database: db).insertLink(stored)
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        try await db.schema("registration_links").delete()
        try await db.schema("backup_marks").delete()
    }
}
