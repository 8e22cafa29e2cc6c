import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// An appeal's terms and the documents sent to the applicant move out of its stored document into tables
/// of their own (`appeal_terms`, `appeal_sendings`, one row each, keyed by appeal and position), so that
/// collections that grow are not rewritten whole with every step. Appeals stored before are moved here,
/// a batch at a time, and their documents rewritten as version-3 records.
struct MoveTermsAndSendings: AsyncMigration {
    var name: String { "0009-move-terms-and-sendings" }

    func prepare(on db: any Database) async throws {
        try await db.schema("appeal_terms")
            .field("appeal_id", .uuid, .required, .references("appeals", "id"))
            .field("idx", .int, .required)
            .field("purpose", .string, .required)
            .field("rule_id", .string, .required)
            .field("basis", .string, .required)
            .field("start", .string, .required)
            .field("unit", .string, .required)
            .field("amount", .int, .required)
            .field("convention", .string, .required)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("closed_on", .string)
            .field("original_due", .string)
            .field("extension_reason", .string)
            .unique(on: "appeal_id", "idx")
            .create()
        try await db.schema("appeal_sendings")
            .field("appeal_id", .uuid, .required, .references("appeals", "id"))
            .field("idx", .int, .required)
            .field("document", .string, .required)
            .field("language", .string, .required)
            .field("channel", .string, .required)
            .field("sent_on", .string, .required)
            .field("reference", .string)
            .field("recorded_by", .uuid, .required)
            .unique(on: "appeal_id", "idx")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        let store = FluentAppealStore(database: db)
        var after: UUID? = nil
        while true {
            let page = try await sql.raw("""
                SELECT id, document FROM appeals \(after.map { "WHERE id > \(bind: $0)" as SQLQueryString } ?? "") ORDER BY id LIMIT 500
                """).all()
            guard !page.isEmpty else { break }
            for row in page {
                let id = try row.decode(column: "id", as: UUID.self)
                after = id
                let document = try row.decode(column: "document", as: String.self)
                guard let record = try? JSONDecoder().decode(AppealRecord.self, from: Data(document.utf8)), !record.keepsChildrenApart,
                      let appeal = try? record.appeal(terms: [], sendings: []) else { continue }
                try await store.writeChildren(of: appeal, asOf0009: true)
                let rewritten = String(decoding: try FluentAppealStore.encoder.encode(AppealRecord(appeal)), as: UTF8.self)
                try await sql.raw("UPDATE appeals SET document = \(bind: rewritten) WHERE id = \(bind: id)").run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("appeal_sendings").delete()
        try await db.schema("appeal_terms").delete()
    }
}
