import FluentKit
import FluentSQL

/// R10–R13, R22: the administrative case. Files are kept in the database itself, content-addressed by their
/// SHA-256 (`case_files`), so one backup holds everything and any app instance serves any file; the case's
/// documents (`case_documents`) and requests for assistance (`assistance_requests`) are rows of their own;
/// each body's yearly nomenclature (`case_nomenclatures`); the case index beside the appeal, for search.
struct CreateCaseFile: AsyncMigration {
    var name: String { "0016-create-case-file" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        try await db.schema("case_files")
            .field("sha256", .string, .identifier(auto: false))
            .field("media_type", .string, .required)
            .field("size", .int64, .required)
            .field("content", .data, .required)
            .create()
        try await db.schema("case_documents")
            .field("appeal_id", .uuid, .required)
            .field("number", .int, .required)
            .field("body_id", .uuid, .required)
            .field("title", .string, .required)
            // The title in lower case as Swift folds it (SQLite's LOWER folds ASCII only), for search.
            .field("title_folded", .string, .required)
            .field("kind", .string, .required)
            .field("sha256", .string)
            .field("withdrawn", .int, .required)
            .field("payload", .string, .required)
            .unique(on: "appeal_id", "number")
            .create()
        try await db.schema("assistance_requests")
            .field("appeal_id", .uuid, .required)
            .field("number", .int, .required)
            .field("body_id", .uuid, .required)
            .field("due", .string, .required)
            .field("awaiting", .int, .required)
            .field("failed", .int, .required)
            .field("target_body_id", .uuid)
            .field("payload", .string, .required)
            .unique(on: "appeal_id", "number")
            .create()
        try await db.schema("case_nomenclatures")
            .field("body_id", .uuid, .required)
            .field("year", .int, .required)
            .field("payload", .string, .required)
            .unique(on: "body_id", "year")
            .create()
        try await sql.raw("ALTER TABLE appeals ADD COLUMN case_index TEXT").run()
        try await sql.raw("CREATE INDEX case_documents_body ON case_documents (body_id)").run()
        try await sql.raw("CREATE INDEX assistance_requests_due ON assistance_requests (body_id, awaiting, due)").run()
        try await sql.raw("CREATE INDEX appeals_case_index ON appeals (body_id, case_index)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["case_files", "case_documents", "assistance_requests", "case_nomenclatures"] { try await db.schema(table).delete() }
    }
}
