import FluentKit
import FluentSQL
import Crypto
import Foundation
import SQLKit
import ZhauapDomain
import ZhauapText

/// One appeal's row of the search index: the folded stems of its number, external number, applicant's name,
/// essence and case documents' titles (`SearchText.indexed`), and the essence the snippet is cut from.
public struct SearchIndexEntry: Sendable, Hashable {
    public var appealID: UUID
    public var bodyID: UUID
    public var stems: String
    public var essence: String?
    /// What the row says, hashed: a step that changes none of the indexed texts rewrites nothing.
    public var digest: String

    /// The entry from the texts themselves; `fields` are indexed in order, the essence after them.
    public init(appealID: UUID, bodyID: UUID, fields: [String?], essence: String?) {
        (self.appealID, self.bodyID, self.essence) = (appealID, bodyID, essence)
        stems = SearchText.indexed(fields + [essence])
        digest = Self.digest(stems: stems, essence: essence)
    }

    /// The entry from stems already made (`SearchText.indexed` of the same fields), e.g. by a bulk load that
    /// stems each distinct word once.
    public init(appealID: UUID, bodyID: UUID, stems: String, essence: String?) {
        (self.appealID, self.bodyID, self.stems, self.essence) = (appealID, bodyID, stems, essence)
        digest = Self.digest(stems: stems, essence: essence)
    }

    static func digest(stems: String, essence: String?) -> String {
        Hex.string(SHA256.hash(data: Data((stems + "\u{0}" + (essence ?? "")).utf8)).prefix(16))
    }

    /// The stems as `appeal_search.stems` keeps them on SQLite, for the rank: every stem between two spaces
    /// of its own (` a  b  a `), so that counting ` a ` by `replace` finds each occurrence, adjacent ones too.
    public var spacedStems: String { stems.isEmpty ? "" : " " + stems.split(separator: " ").joined(separator: "  ") + " " }

    /// How many stems the row holds (the length the rank normalises by).
    public var stemCount: Int { stems.split(separator: " ").count }

    public init(_ a: Appeal) {
        let p = a.applicant
        self.init(appealID: a.id, bodyID: a.bodyID,
                  fields: [a.registration.number, a.registration.externalNumber, p.surname, p.givenName, p.patronymic, p.organisationName]
                      + a.documents.map(\.title),
                  essence: a.essence)
    }
}

/// The search index (migration 0017): on SQLite an FTS5 table over the stems, keyed by `appeal_search.seq`;
/// on PostgreSQL a `tsvector` of the stems (`simple` configuration) with a GIN index. Written beside the
/// appeal, in the caller's transaction; every read is confined to one body.
extension FluentAppealStore {
    var isSQLite: Bool { get throws { try sql.dialect.name == "sqlite" } }

    /// The FTS5 token that confines a SQLite search to one body (its own column, weighted 0 in the rank).
    static func bodyToken(_ id: UUID) -> String { "b" + String(id.uuidString.lowercased().filter { $0 != "-" }) }

    /// Writes (or rewrites) the index rows of these appeals. `fresh`: none of them is indexed yet (a new
    /// registration), so nothing needs removing first; `force`: rewrite rows even where the digest says they
    /// are unchanged (a rebuild).
    public func writeSearchEntries(_ entries: [SearchIndexEntry], fresh: Bool = false, force: Bool = false) async throws {
        guard !entries.isEmpty else { return }
        let sql = try sql, sqlite = try isSQLite
        var entries = entries
        var replaced: [Int] = []
        if !fresh {
            // Rows already there: unchanged ones are left alone; changed ones are rewritten under their key.
            let ids = SQLList(entries.map { SQLBind($0.appealID) })
            var stored: [UUID: (seq: Int?, digest: String?)] = [:]
            for r in try await sql.raw("SELECT \(unsafeRaw: sqlite ? "seq, " : "")appeal_id, digest FROM appeal_search WHERE appeal_id IN (\(ids))").all() {
                stored[try r.decode(column: "appeal_id", as: UUID.self)] =
                    (sqlite ? try r.decode(column: "seq", as: Int.self) : nil, try r.decode(column: "digest", as: String?.self))
            }
            if !force { entries = entries.filter { stored[$0.appealID]?.digest != $0.digest } }
            replaced = entries.compactMap { stored[$0.appealID]?.seq }
            guard !entries.isEmpty else { return }
        }
        if !sqlite {
            let rows: [SQLQueryString] = entries.map {
                "(\(bind: $0.appealID), \(bind: $0.bodyID), \(bind: $0.essence), \(bind: $0.digest), to_tsvector('simple', \(bind: $0.stems)))"
            }
            try await sql.raw("""
                INSERT INTO appeal_search (appeal_id, body_id, essence, digest, stems) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (appeal_id) DO UPDATE SET body_id = excluded.body_id, essence = excluded.essence, digest = excluded.digest,
                  stems = excluded.stems
                """).run()
            return
        }
        // SQLite: the key row (kept for an appeal already indexed, so its place in time stays), then the FTS5
        // row under that key, its old version deleted first (a contentless table forgets by key).
        if !replaced.isEmpty {
            try await sql.raw("DELETE FROM appeal_search_fts WHERE rowid IN (\(SQLList(replaced.map { SQLBind($0) })))").run()
        }
        let rows: [SQLQueryString] = entries.map {
            "(\(bind: $0.appealID), \(bind: $0.bodyID), \(bind: $0.essence), \(bind: $0.digest), \(bind: $0.spacedStems), \(bind: $0.stemCount))"
        }
        let keys = try await sql.raw("""
            INSERT INTO appeal_search (appeal_id, body_id, essence, digest, stems, stem_count) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (appeal_id) DO UPDATE SET body_id = excluded.body_id, essence = excluded.essence, digest = excluded.digest,
              stems = excluded.stems, stem_count = excluded.stem_count
            RETURNING seq, appeal_id
            """).all()
        var seqs: [UUID: Int] = [:]
        for k in keys { seqs[try k.decode(column: "appeal_id", as: UUID.self)] = try k.decode(column: "seq", as: Int.self) }
        let fts: [SQLQueryString] = try entries.map { e in
            guard let seq = seqs[e.appealID] else { throw StorageError.missingGeneratedID("appeal_search") }
            return "(\(bind: seq), \(bind: Self.bodyToken(e.bodyID)), \(bind: e.stems))"
        }
        try await sql.raw("INSERT INTO appeal_search_fts (rowid, body, stems) VALUES \(fts.joined(separator: ", "))").run()
    }

    /// The appeal's index row, rewritten from the appeal as it now is.
    func writeSearchIndex(of appeal: Appeal, fresh: Bool) async throws {
        try await writeSearchEntries([SearchIndexEntry(appeal)], fresh: fresh)
    }

    /// The FTS5 query: every word (any of its stems) in the stems column. The body is not part of it: the
    /// join confines the rows by `appeal_search.body_id` (ANDing every query with the body's token, a term
    /// every row of the body holds, cost more than the check; the token stays in the index all the same).
    public static func ftsQueryText(_ words: [[String]]) -> String {
        words.map { w in "stems : (" + w.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }.joined(separator: " AND ")
    }

    /// The PostgreSQL query: `(a | b) & c`.
    public static func tsQueryText(_ words: [[String]]) -> String {
        words.map { "(" + $0.joined(separator: " | ") + ")" }.joined(separator: " & ")
    }

    /// The SQLite rank of a row of the window (`m`, an `appeal_search` row): BM25's term-frequency part
    /// without its corpus-wide IDF, `Σ (k1 + 1)·tf / (tf + k1·(1 − b + b·len/avglen))` over the query's words,
    /// where a word's `tf` is how often its commonest stem occurs in the row (counted in `m.stems` by
    /// `replace`), `len` the row's stem count and `avglen` a fixed typical length. It reads the row alone:
    /// no doclist is walked to count documents, so a common word costs no more than a rare one. Every row of
    /// the window holds every word, so an IDF would only weigh one word of the query against another.
    static func sqliteRank(_ words: [[String]]) -> SQLQueryString {
        let (k1, b, avg) = (1.2, 0.75, Double(AppealSearch.typicalStemCount))
        let norm: SQLQueryString = "(\(unsafeRaw: "\(k1 * (1 - b))") + \(unsafeRaw: "\(k1 * b / avg)") * m.stem_count)"
        let terms: [SQLQueryString] = words.map { w in
            let counts: [SQLQueryString] = w.map { stem in
                "(length(m.stems) - length(replace(m.stems, \(bind: " \(stem) "), ''))) / \(literal: stem.utf8.count + 2)"
            }
            let tf: SQLQueryString = counts.count == 1 ? counts[0] : "max(\(counts.joined(separator: ", ")))"
            // (k1 + 1)·tf / (tf + K) written as (k1 + 1)·(1 − K / (tf + K)), so that tf is counted once.
            return "\(unsafeRaw: "\(k1 + 1)") * (1.0 - \(norm) / (\(tf) + \(norm)))"
        }
        return "coalesce(\(terms.joined(separator: " + ")), 0.0)"
    }

    /// How far back (in index keys from the newest) each slice of a PostgreSQL search reaches: the newest
    /// 65,536 rows first (a word in 2 % of the appeals has its 1,000 there), then four times as far each
    /// time, then the rest.
    static let postgresSlices = [65_536, 262_144, 1_048_576, 4_194_304, 16_777_216]

    /// The statement that finds and ranks: the newest `window` matches within the filters (newest by index
    /// key, `appeal_search.seq`: the order appeals were indexed in, i.e. registered), ranked, a page of them.
    /// Both dialects return the same columns; `rank` is higher for a better match, the newest first among
    /// equals. `appeals` is joined into the window only when a worklist filter beyond the body asks for it.
    public func searchStatement(_ s: AppealSearch, window: Int) throws -> SQLQueryString {
        let filters = Self.worklistFilters(s.filter, prefix: "a.")
        let join: SQLQueryString = filters.count > 1 ? "JOIN appeals a ON a.id = m.appeal_id AND \(filters.joined(separator: " AND "))" : ""
        // The matches: the newest `window` within the filters, each with its rank; then the page of them by
        // rank; only the page's rows are joined for their columns.
        let matches: SQLQueryString
        if try isSQLite {
            // FTS5 hands its matches over newest first (descending key), so the window is its first rows.
            matches = """
                SELECT m.appeal_id AS id, m.seq, \(Self.sqliteRank(s.words)) AS rank FROM appeal_search_fts
                  JOIN appeal_search m ON m.seq = appeal_search_fts.rowid \(join)
                  WHERE appeal_search_fts MATCH \(bind: Self.ftsQueryText(s.words)) AND m.body_id = \(bind: s.filter.bodyID)
                  ORDER BY appeal_search_fts.rowid DESC LIMIT \(literal: window)
                """
        } else {
            // The GIN index finds matches in no particular order, the (body_id, seq) index rows in order without
            // knowing the words. The window is asked for slice by slice, newest first (UNION ALL runs its parts
            // in turn and stops once the LIMIT has its rows; each part has a LIMIT of its own, so the planner
            // builds no parallel Append that could mix their order): in each slice the planner either walks the keys
            // backwards checking each row (a common word: it has its rows after a few more than `window`), or
            // ANDs the GIN bitmap with the slice's key range and reads only the matches (a rare word).
            let q: SQLQueryString = "to_tsquery('simple', \(bind: Self.tsQueryText(s.words)))"
            let top: SQLQueryString = "(SELECT max(seq) FROM appeal_search WHERE body_id = \(bind: s.filter.bodyID))"
            let bounds: [(Int?, Int?)] = zip([nil] + Self.postgresSlices.map { Optional($0) }, Self.postgresSlices.map { Optional($0) } + [nil]).map { ($0, $1) }
            let slices: [SQLQueryString] = bounds.map { newer, older in
                let range: [SQLQueryString] = [newer.map { "m.seq <= \(top) - \(literal: $0)" }, older.map { "m.seq > \(top) - \(literal: $0)" }].compactMap { $0 }
                return """
                    (SELECT m.appeal_id AS id, m.seq, ts_rank(m.stems, \(q)) AS rank FROM appeal_search m \(join)
                      WHERE m.body_id = \(bind: s.filter.bodyID) AND \(range.joined(separator: " AND ")) AND m.stems @@ \(q)
                      ORDER BY m.seq DESC LIMIT \(literal: window))
                    """
            }
            matches = "\(slices.joined(separator: " UNION ALL ")) LIMIT \(literal: window)"
        }
        return """
            SELECT a.id, a.reg_number, a.state, a.kind, a.executor_id, a.registered_on, a.next_due, a.final_due, a.near_purpose, a.near_due,
              a.applicant, a.subject, s.essence, h.rank FROM (
              SELECT id, seq, rank FROM (\(matches)) w ORDER BY rank DESC, seq DESC LIMIT \(literal: s.limit) OFFSET \(literal: s.offset)
            ) h JOIN appeals a ON a.id = h.id JOIN appeal_search s ON s.appeal_id = h.id
            ORDER BY h.rank DESC, h.seq DESC
            """
    }

    /// The body's appeals that hold every word of the search, within the worklist's filters: the best first,
    /// the newest first among equals, one page (`limit` after `offset`). Ranked among the newest
    /// `AppealSearch.rankedWindow` matches (or as many as the page reaches).
    public func search(_ s: AppealSearch) async throws -> [SearchHit] {
        guard !s.words.isEmpty, s.limit > 0 else { return [] }
        let window = max(AppealSearch.rankedWindow, s.offset + s.limit)
        return try await sql.raw(try searchStatement(s, window: window)).all().map { r in
            SearchHit(row: WorklistRow(id: try r.decode(column: "id", as: UUID.self), number: try r.decode(column: "reg_number", as: String.self),
                                       state: try r.decode(column: "state", as: String.self), kind: try r.decode(column: "kind", as: String?.self),
                                       executorID: try r.decode(column: "executor_id", as: UUID?.self),
                                       registeredOn: try r.decode(column: "registered_on", as: String.self),
                                       nextDue: try r.decode(column: "next_due", as: String?.self),
                                       finalDue: try r.decode(column: "final_due", as: String?.self),
                                       nearPurpose: try r.decode(column: "near_purpose", as: String?.self),
                                       nearDue: try r.decode(column: "near_due", as: String?.self),
                                       applicant: try r.decode(column: "applicant", as: String?.self),
                                       subject: try r.decode(column: "subject", as: String?.self)),
                      essence: try r.decode(column: "essence", as: String?.self), rank: try r.decode(column: "rank", as: Double.self))
        }
    }

    /// Rewrites the index rows of every appeal of every body, `batch` appeals per transaction, oldest first
    /// (on SQLite the index's order of time is the order it was written in). Returns how many were indexed.
    /// The index stays usable meanwhile: each appeal's row is replaced, never removed first.
    @discardableResult
    public func reindexAll(batch: Int = 500, force: Bool = true, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        var after: (String, Int, UUID)? = nil
        var done = 0
        while true {
            let page = try await sql.raw("""
                SELECT id, document, registered_on, reg_sequence FROM appeals
                \(after.map { a in "WHERE (registered_on, reg_sequence, id) > (\(bind: a.0), \(bind: a.1), \(bind: a.2))" as SQLQueryString } ?? "")
                ORDER BY registered_on, reg_sequence, id LIMIT \(literal: batch)
                """).all()
            guard let last = page.last else { break }
            after = (try last.decode(column: "registered_on", as: String.self), try last.decode(column: "reg_sequence", as: Int.self),
                     try last.decode(column: "id", as: UUID.self))
            let rows = try page.map { (id: try $0.decode(column: "id", as: UUID.self), document: try $0.decode(column: "document", as: String.self)) }
            let entries = try await appeals(rows).map(SearchIndexEntry.init)
            try await db.transaction { tx in try await FluentAppealStore(database: tx).writeSearchEntries(entries, force: force) }
            done += entries.count
            progress?(done)
        }
        return done
    }
}
