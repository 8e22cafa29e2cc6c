import FluentKit
import FluentSQL

/// The full-text search index of appeals (`FluentAppealStore+Search`): `appeal_search` holds one row per
/// appeal (its body, the essence the snippet is cut from, a digest of what was indexed); the stems live in
/// an FTS5 table keyed by `appeal_search.seq` on SQLite (contentless: the stems are not stored twice;
/// `unicode61` over stems that are already folded ASCII; the body in a column of its own), and in a
/// `tsvector` column with a GIN index on PostgreSQL. Appeals stored before are indexed here, a batch at a time.
struct CreateSearchIndex: AsyncMigration {
    var name: String { "0017-create-search-index" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TABLE appeal_search (seq INTEGER PRIMARY KEY, appeal_id UUID NOT NULL UNIQUE, body_id UUID NOT NULL, essence TEXT,
                  digest TEXT)
                """).run()
            try await sql.raw("""
                CREATE VIRTUAL TABLE appeal_search_fts USING fts5(body, stems, content='', contentless_delete=1, tokenize='unicode61')
                """).run()
        } else {
            try await sql.raw("""
                CREATE TABLE appeal_search (appeal_id UUID PRIMARY KEY, body_id UUID NOT NULL, essence TEXT, digest TEXT,
                  stems TSVECTOR NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX appeal_search_stems ON appeal_search USING GIN (stems)").run()
        }
        try await FluentAppealStore(database: db).reindexAll()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS appeal_search_fts").run() }
        try await sql.raw("DROP TABLE IF EXISTS appeal_search").run()
    }
}
