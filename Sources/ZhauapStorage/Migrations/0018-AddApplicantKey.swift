import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// How an applicant is recognised again (`Applicant.matchKey`: the IIN/BIN, or the folded name), beside the
/// appeal, so that registration finds the same person's earlier appeals (a repeated appeal, APPC 88) with an
/// index rather than by reading every record. Appeals stored before are filled in here, a batch at a time.
struct AddApplicantKey: AsyncMigration {
    var name: String { "0018-add-applicant-key" }

    func prepare(on db: any Database) async throws {
        try await db.schema("appeals").field("applicant_key", .string).update()
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
                guard let key = appeal.applicant.matchKey else { continue }
                try await sql.raw("UPDATE appeals SET applicant_key = \(bind: key) WHERE id = \(bind: appeal.id)").run()
            }
        }
        try await sql.raw("CREATE INDEX IF NOT EXISTS appeals_body_applicant ON appeals (body_id, applicant_key)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("appeals").deleteField("applicant_key").update()
    }
}
