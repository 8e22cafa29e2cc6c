import FluentKit
import FluentSQL
import Foundation
import SQLKit
import WorkingCalendar
import ZhauapDomain

/// The case file's rows: documents and requests for assistance, each a row with the columns lists and
/// searches use and the rest as JSON; the files themselves by their SHA-256; the yearly nomenclature.
extension FluentAppealStore {
    /// Writes the case's documents and requests (added ones inserted, changed ones updated in place).
    func writeCaseRows(of appeal: Appeal) async throws {
        let e = Self.encoder
        if !appeal.documents.isEmpty {
            let rows: [SQLQueryString] = try appeal.documents.map { d in
                let payload = String(decoding: try e.encode(d), as: UTF8.self)
                return "(\(bind: appeal.id), \(bind: d.number), \(bind: appeal.bodyID), \(bind: d.title), \(bind: Self.fold(d.title)), \(bind: d.kind.rawValue), \(bind: d.file?.sha256), \(bind: d.isWithdrawn ? 1 : 0), \(bind: payload))"
            }
            try await sql.raw("""
                INSERT INTO case_documents (appeal_id, number, body_id, title, title_folded, kind, sha256, withdrawn, payload) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (appeal_id, number) DO UPDATE SET withdrawn = excluded.withdrawn, payload = excluded.payload
                """).run()
        }
        if !appeal.assistance.isEmpty {
            let rows: [SQLQueryString] = try appeal.assistance.map { r in
                let payload = String(decoding: try e.encode(r), as: UTF8.self)
                var failed = 0
                if case .failed = r.outcome { failed = 1 }
                return "(\(bind: appeal.id), \(bind: r.number), \(bind: appeal.bodyID), \(bind: r.due.description), \(bind: r.isAwaiting ? 1 : 0), \(bind: failed), \(bind: r.to.bodyID), \(bind: payload))"
            }
            try await sql.raw("""
                INSERT INTO assistance_requests (appeal_id, number, body_id, due, awaiting, failed, target_body_id, payload) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (appeal_id, number) DO UPDATE SET due = excluded.due, awaiting = excluded.awaiting, failed = excluded.failed,
                  payload = excluded.payload
                """).run()
        }
    }

    /// The documents and requests of these appeals, in their order.
    func caseRows(of ids: [UUID]) async throws -> [UUID: (documents: [CaseDocument], assistance: [AssistanceRequest])] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLList(ids.map { SQLBind($0) })
        var out: [UUID: (documents: [CaseDocument], assistance: [AssistanceRequest])] = [:]
        let d = JSONDecoder()
        for row in try await sql.raw("SELECT appeal_id, payload FROM case_documents WHERE appeal_id IN (\(list)) ORDER BY appeal_id, number").all() {
            let doc = try d.decode(CaseDocument.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
            out[try row.decode(column: "appeal_id", as: UUID.self), default: ([], [])].documents.append(doc)
        }
        for row in try await sql.raw("SELECT appeal_id, payload FROM assistance_requests WHERE appeal_id IN (\(list)) ORDER BY appeal_id, number").all() {
            let r = try d.decode(AssistanceRequest.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
            out[try row.decode(column: "appeal_id", as: UUID.self), default: ([], [])].assistance.append(r)
        }
        return out
    }

    /// Lower case with the letters' marks kept (Kazakh і, ң, ү stay distinct), the same on every database.
    static func fold(_ text: String) -> String { text.lowercased() }

    // MARK: Nomenclature

    public func nomenclature(bodyID: UUID, year: Int) async throws -> CaseNomenclature? {
        guard let row = try await sql.raw("SELECT payload FROM case_nomenclatures WHERE body_id = \(bind: bodyID) AND year = \(bind: year)").first()
        else { return nil }
        return try JSONDecoder().decode(CaseNomenclature.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
    }

    public func setNomenclature(_ n: CaseNomenclature, bodyID: UUID, year: Int) async throws {
        let payload = String(decoding: try Self.encoder.encode(n), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO case_nomenclatures (body_id, year, payload) VALUES (\(bind: bodyID), \(bind: year), \(bind: payload))
            ON CONFLICT (body_id, year) DO UPDATE SET payload = excluded.payload
            """).run()
    }

    // MARK: Requests for assistance and search

    /// Requests of the body still unanswered past their term on `today`, and those recorded as unanswerable
    /// (the head is told, R22), with the appeal they belong to; `executorID` narrows to one executor's appeals.
    public func requestsNeedingAttention(bodyID: UUID, today: CivilDate, executorID: UUID?) async throws -> [RequestAlert] {
        var query: SQLQueryString = """
            SELECT r.appeal_id, r.payload, a.reg_number, a.executor_id FROM assistance_requests r JOIN appeals a ON a.id = r.appeal_id
            WHERE r.body_id = \(bind: bodyID) AND ((r.awaiting = 1 AND r.due < \(bind: today.description)) OR r.failed = 1)
            """
        if let executorID { query = query + " AND a.executor_id = \(bind: executorID)" }
        query = query + " ORDER BY r.due, a.reg_number, r.number LIMIT 200"
        return try await sql.raw(query).all().map { row in
            RequestAlert(appealID: try row.decode(column: "appeal_id", as: UUID.self), number: try row.decode(column: "reg_number", as: String.self),
                         executorID: try row.decode(column: "executor_id", as: UUID?.self),
                         request: try JSONDecoder().decode(AssistanceRequest.self, from: Data(try row.decode(column: "payload", as: String.self).utf8)))
        }
    }

    public func appealsWithObjections(bodyID: UUID, executorID: UUID?) async throws -> [UUID] {
        // The partial index of such appeals (migration 0023), named on SQLite: without statistics its planner
        // may prefer the body's number order and check every appeal of the body in turn.
        var query: SQLQueryString = """
            SELECT id FROM appeals \(unsafeRaw: try isSQLite ? "INDEXED BY appeals_waiting_arguments " : "")WHERE body_id = \(bind: bodyID)
            AND open_arguments > 0
            """
        if let executorID { query = query + " AND executor_id = \(bind: executorID)" }
        query = query + " ORDER BY reg_year DESC, reg_sequence DESC LIMIT 200"
        return try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    public func appealsWithComplaintsToPass(bodyID: UUID) async throws -> [UUID] {
        // A decided appeal keeps a term the body must meet only while a complaint waits to be passed (APPC 91(4)).
        try await sql.raw("""
            SELECT id FROM appeals WHERE body_id = \(bind: bodyID) AND state = 'decided' AND next_due IS NOT NULL ORDER BY next_due LIMIT 200
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The body's cases whose index or a document's title contains `text` (letter case ignored), newest first.
    public func searchCases(bodyID: UUID, text: String, limit: Int) async throws -> [CaseHit] {
        let pattern = "%" + Self.fold(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let rows = try await sql.raw("""
            SELECT a.id, a.reg_number, a.case_index, d.number, d.title FROM appeals a
            LEFT JOIN case_documents d ON d.appeal_id = a.id AND d.title_folded LIKE \(bind: pattern) ESCAPE '\\'
            WHERE a.body_id = \(bind: bodyID) AND (LOWER(a.case_index) LIKE \(bind: pattern) ESCAPE '\\' OR d.number IS NOT NULL)
            ORDER BY a.reg_year DESC, a.reg_sequence DESC, d.number LIMIT \(bind: limit)
            """).all()
        return try rows.map { r in
            CaseHit(appealID: try r.decode(column: "id", as: UUID.self), number: try r.decode(column: "reg_number", as: String.self),
                    caseIndex: try r.decode(column: "case_index", as: String?.self) ?? "",
                    document: try r.decode(column: "number", as: Int?.self), title: try r.decode(column: "title", as: String?.self))
        }
    }
}

/// A request for assistance that needs attention: past its term, or recorded as unanswerable.
public struct RequestAlert: Sendable, Hashable {
    public var appealID: UUID
    public var number: String
    public var executorID: UUID?
    public var request: AssistanceRequest

    public init(appealID: UUID, number: String, executorID: UUID?, request: AssistanceRequest) {
        (self.appealID, self.number, self.executorID, self.request) = (appealID, number, executorID, request)
    }
}

/// A case found by its index or a document's title.
public struct CaseHit: Sendable, Hashable {
    public var appealID: UUID
    public var number: String
    public var caseIndex: String
    /// The document whose title matched (nil: the index matched).
    public var document: Int?
    public var title: String?

    public init(appealID: UUID, number: String, caseIndex: String, document: Int?, title: String?) {
        (self.appealID, self.number, self.caseIndex, self.document, self.title) = (appealID, number, caseIndex, document, title)
    }
}

/// Files by their SHA-256, in the database (SQLite BLOB, PostgreSQL BYTEA).
public struct FluentFileStore: FileStore {
    let db: any Database

    public init(database: any Database) { db = database }

    var sql: any SQLDatabase {
        get throws {
            guard let s = db as? any SQLDatabase else { throw StorageError.notSQL }
            return s
        }
    }

    public func store(_ file: StoredFile, content: Data) async throws {
        try await sql.raw("""
            INSERT INTO case_files (sha256, media_type, size, content) VALUES (\(bind: file.sha256), \(bind: file.mediaType), \(bind: content.count),
              \(bind: content)) ON CONFLICT (sha256) DO NOTHING
            """).run()
    }

    public func content(sha256: String) async throws -> Data? {
        try await sql.raw("SELECT content FROM case_files WHERE sha256 = \(bind: sha256)").first()?.decode(column: "content", as: Data.self)
    }
}

extension FluentAppealStore {
    /// The appeal with this registration number: its id and body.
    public func appealID(number: String) async throws -> (id: UUID, bodyID: UUID)? {
        guard let row = try await sql.raw("SELECT id, body_id FROM appeals WHERE reg_number = \(bind: number)").first() else { return nil }
        return (try row.decode(column: "id", as: UUID.self), try row.decode(column: "body_id", as: UUID.self))
    }
}
