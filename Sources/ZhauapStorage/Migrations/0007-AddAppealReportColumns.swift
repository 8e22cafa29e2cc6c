import FluentKit
import FluentSQL
import Foundation
import ZhauapDomain

/// Columns the head's page and the statistics count on, derived from each appeal as it is stored
/// (`FluentAppealStore.fill`): the answer's day and whether it was late, a recusal waiting for a decision,
/// the day an extension was asked for while it waits. Appeals stored before are filled in here, a batch
/// at a time, from their documents as the domain reads them.
struct AddAppealReportColumns: AsyncMigration {
    var name: String { "0007-add-appeal-report-columns" }

    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("answered_on", .string), ("answered_late", .int), ("recusal_pending", .int), ("extension_until", .string),
    ]

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for (name, type) in Self.columns { try await db.schema("appeals").field(.string(name), type).update() }
        guard let sql = db as? any SQLDatabase else { return }
        var after: UUID? = nil
        while true {
            let page = try await sql.raw("""
                SELECT id, document FROM appeals \(after.map { "WHERE id > \(bind: $0)" as SQLQueryString } ?? "") ORDER BY id LIMIT 500
                """).all()
            guard !page.isEmpty else { break }
            for row in page {
                let id = try row.decode(column: "id", as: UUID.self)
                after = id
                guard let appeal = try? FluentAppealStore.decodeInline(row.decode(column: "document", as: String.self)),
                      let c = try? FluentAppealStore.columns(appeal) else { continue }
                guard c.answeredOn != nil || c.recusalPending != nil || c.extensionUntil != nil else { continue }
                try await sql.raw("""
                    UPDATE appeals SET answered_on = \(bind: c.answeredOn), answered_late = \(bind: c.answeredLate),
                      recusal_pending = \(bind: c.recusalPending), extension_until = \(bind: c.extensionUntil) WHERE id = \(bind: id)
                    """).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for (name, _) in Self.columns.reversed() { try await db.schema("appeals").deleteField(.string(name)).update() }
    }
}
