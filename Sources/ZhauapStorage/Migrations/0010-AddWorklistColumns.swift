import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// The worklist's columns a civil servant reads (`WorklistRow(appeal)`): the final term, the nearest
/// intermediate term with its purpose, the applicant and the subject; and `next_due`, now the nearest term
/// the body itself must meet (the applicant's correction deadline is shown, not counted against the body).
/// Appeals stored before are filled in here, a batch at a time, from the appeals as the domain reads them.
/// A term also keeps the extension's reason in Russian (`appeal_terms.extension_reason_ru`): the extension
/// notice is produced in Russian only from a reason typed in Russian.
struct AddWorklistColumns: AsyncMigration {
    var name: String { "0010-add-worklist-columns" }

    static let columns = ["final_due", "near_purpose", "near_due", "applicant", "subject"]

    func prepare(on db: any Database) async throws {
        try await db.schema("appeal_terms").field("extension_reason_ru", .string).update()
        for name in Self.columns { try await db.schema("appeals").field(.string(name), .string).update() }
        guard let sql = db as? any SQLDatabase else { return }
        let store = FluentAppealStore(database: db)
        var after: UUID? = nil
        while true {
            let page = try await sql.raw("""
                SELECT id, document FROM appeals \(after.map { "WHERE id > \(bind: $0)" as SQLQueryString } ?? "") ORDER BY id LIMIT 500
                """).all()
            guard !page.isEmpty else { break }
            let rows = try page.map { (id: try $0.decode(column: "id", as: UUID.self), document: try $0.decode(column: "document", as: String.self)) }
            after = rows.last?.id
            for appeal in (try? await store.appeals(rows)) ?? [] {
                let c = try FluentAppealStore.columns(appeal)
                try await sql.raw("""
                    UPDATE appeals SET next_due = \(bind: c.nextDue), final_due = \(bind: c.finalDue), near_purpose = \(bind: c.nearPurpose),
                      near_due = \(bind: c.nearDue), applicant = \(bind: c.applicant), subject = \(bind: c.subject) WHERE id = \(bind: appeal.id)
                    """).run()
            }
        }
        try await sql.raw("CREATE INDEX IF NOT EXISTS appeals_body_final_number ON appeals (body_id, final_due, reg_number)").run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.raw("DROP INDEX IF EXISTS appeals_body_final_number").run() }
        for name in Self.columns.reversed() { try await db.schema("appeals").deleteField(.string(name)).update() }
        try await db.schema("appeal_terms").deleteField("extension_reason_ru").update()
    }
}
