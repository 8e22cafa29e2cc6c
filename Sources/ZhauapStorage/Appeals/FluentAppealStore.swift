import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar
import ZhauapDomain

/// Appeals over SQL (SQLite, PostgreSQL). Every method runs on the `Database` it was made with — pass
/// a transaction's database to make several calls one transaction.
///
/// The hot paths (registration, a step, loading one appeal, worklists, the journal, statistics) are plain
/// SQL with bound values: one statement per row written, no model reflection, and lists read only the
/// columns they show.
public struct FluentAppealStore: Sendable {
    let db: any Database
    /// What this store's transaction has read already (nil outside one).
    let memo: TransactionMemo?

    public init(database: any Database) {
        db = database
        memo = nil
    }

    init(database: any Database, memo: TransactionMemo?) {
        db = database
        self.memo = memo
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    var sql: any SQLDatabase {
        get throws {
            guard let s = db as? any SQLDatabase else { throw StorageError.notSQL }
            return s
        }
    }

    // MARK: Registration numbers

    /// The next registration number of the body's year, inside the caller's transaction: an upsert that
    /// row-locks the counter (PostgreSQL) or runs under the single writer (SQLite). A rolled-back
    /// registration rolls its number back too, so numbers stay gapless.
    ///
    /// On SQLite (one writer: whatever was committed before is visible to the statement) the same statement
    /// reads the registration link before the number, kept for `chainRegistration` in the transaction's memo.
    /// On PostgreSQL the link is read after the row lock is taken, by a statement of its own: a subquery
    /// here would see the snapshot from before the wait, without the link the previous holder committed.
    public func nextSequence(bodyID: UUID, year: Int) async throws -> Int {
        let sqlite = try isSQLite && memo != nil
        let previous: SQLQueryString = sqlite ? """
            , (SELECT l.hash FROM registration_links l WHERE l.body_id = \(bind: bodyID) AND l.reg_year = \(bind: year)
                 AND l.reg_sequence = registration_counters.last_sequence - 1) AS previous_link
            """ : ""
        let row = try await sql.raw("""
            INSERT INTO registration_counters (id, body_id, year, last_sequence) VALUES (\(bind: UUID()), \(bind: bodyID), \(bind: year), 1)
            ON CONFLICT (body_id, year) DO UPDATE SET last_sequence = registration_counters.last_sequence + 1
            RETURNING last_sequence\(previous)
            """).first()
        guard let row, let n = try row.decode(column: "last_sequence", as: Int?.self) else {
            throw StorageError.missingGeneratedID("registration_counters")
        }
        if sqlite {
            memo?.rememberLink(before: .init(bodyID: bodyID, year: year, sequence: n), hash: try row.decode(column: "previous_link", as: String?.self))
        }
        return n
    }

    // MARK: Appeals

    /// The columns kept beside the document: what lists filter, sort and count on. Each is derived from
    /// the appeal's public properties, never from the document's text.
    struct Columns: Sendable, Equatable {
        var state = ""
        var kind: String?
        var executorID: UUID?
        /// The worklist's columns (`WorklistRow(appeal)`): the nearest term the body must meet (`YYYY-MM-DD`,
        /// sorts as text), the final term, the nearest intermediate term with its purpose, applicant, subject.
        var nextDue: String?
        var finalDue: String?
        var nearPurpose: String?
        var nearDue: String?
        var applicant: String?
        var subject: String?
        /// The answer's day, and whether it came after the consideration term it closed (1) or not (0).
        var answeredOn: String?
        var answeredLate: Int?
        /// 1 while the procedure is open and a recusal request waits for a decision; nil otherwise.
        var recusalPending: Int?
        /// The day an executor asked to extend to, while the procedure is open and the head has not decided.
        var extensionUntil: String?
        /// Objections and arguments of the hearing not answered yet while the procedure is open (APPC 73(3), R40).
        var openArguments = 0
        var document = ""
    }

    /// Derives every stored column from the appeal.
    static func fill(_ c: inout Columns, with appeal: Appeal) throws {
        c.state = appeal.state.rawValue
        c.kind = appeal.kind?.rawValue
        c.executorID = appeal.executorID
        let row = WorklistRow(appeal)
        (c.nextDue, c.finalDue, c.nearPurpose, c.nearDue, c.applicant, c.subject) =
            (row.nextDue, row.finalDue, row.nearPurpose, row.nearDue, row.applicant, row.subject)
        c.answeredOn = nil
        c.answeredLate = nil
        // An answer or a signed act concludes the appeal (statistics count both).
        if let concluded = appeal.answer?.answeredOn ?? appeal.signedAct?.signedOn {
            // The consideration term the conclusion closed (it closes the active one on its day).
            let considered = appeal.terms.filter { $0.purpose == .consideration && $0.status != .cancelled }
            let closed = considered.last { $0.closedOn == concluded } ?? considered.last
            c.answeredOn = concluded.description
            c.answeredLate = (closed.map { concluded > $0.due } ?? false) ? 1 : 0
        }
        let open = appeal.state.isOpen
        c.recusalPending = open && appeal.recusal != nil && appeal.recusal?.decision == nil ? 1 : nil
        if open, let r = appeal.extensionRequest, r.isPending { c.extensionUntil = r.until.description } else { c.extensionUntil = nil }
        c.openArguments = open ? (appeal.hearing?.unanswered.count ?? 0) : 0
        c.document = String(decoding: try Self.encoder.encode(AppealRecord(appeal)), as: UTF8.self)
    }

    static func columns(_ appeal: Appeal) throws -> Columns {
        var c = Columns()
        try fill(&c, with: appeal)
        return c
    }

    /// Inserts the appeal (with how its applicant is recognised again, R8), its first trail entries, terms, case
    /// documents, search row and registration link, and returns the entries as stored.
    @discardableResult
    public func insert(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date) async throws -> [TrailEntry] {
        let c = try Self.columns(appeal)
        let entries = Self.entries(events, appealID: appeal.id, after: 0, head: TrailHash.genesis, actor: actor, recordedAt: recordedAt,
                                   stateHash: StateHash.of(document: c.document, terms: appeal.terms, sendings: appeal.sendings,
                                                           documents: appeal.documents, assistance: appeal.assistance))
        let last = entries.last
        try await sql.raw("""
            INSERT INTO appeals (id, body_id, reg_year, reg_sequence, reg_number, tracking_code, registered_on, state, kind,
              executor_id, next_due, document, trail_length, trail_head, updated_at, answered_on, answered_late, recusal_pending,
              extension_until, final_due, near_purpose, near_due, applicant, subject, case_index, open_arguments, applicant_key)
            VALUES (\(bind: appeal.id), \(bind: appeal.bodyID), \(bind: appeal.registration.year), \(bind: appeal.registration.sequence),
              \(bind: appeal.registration.number), \(bind: appeal.registration.trackingCode), \(bind: appeal.registration.registeredOn.description),
              \(bind: c.state), \(bind: c.kind), \(bind: c.executorID), \(bind: c.nextDue), \(bind: c.document), \(bind: last?.seq ?? 0),
              \(bind: last?.hash ?? TrailHash.genesis), \(bind: recordedAt), \(bind: c.answeredOn), \(bind: c.answeredLate), \(bind: c.recusalPending),
              \(bind: c.extensionUntil), \(bind: c.finalDue), \(bind: c.nearPurpose), \(bind: c.nearDue), \(bind: c.applicant), \(bind: c.subject),
              \(bind: appeal.caseFile.index), \(bind: c.openArguments), \(bind: appeal.applicant.matchKey))
            """).run()
        try await insertEntries(entries, appealID: appeal.id, bodyID: appeal.bodyID)
        try await writeChildren(of: appeal)
        try await writeSearchIndex(of: appeal, fresh: true)
        try await chainRegistration(appeal)
        return entries.map(\.entry)
    }

    /// Saves a changed appeal with its new events. `expectedTrailLength` guards against a concurrent
    /// change: if another request wrote first, this throws `StorageError.concurrentChange` (or the
    /// database refuses the duplicate entry number) and the transaction saves nothing.
    public func update(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date, expectedTrailLength: Int) async throws {
        guard let row = try await sql.raw("""
            SELECT trail_length, trail_head FROM appeals WHERE id = \(bind: appeal.id) AND body_id = \(bind: appeal.bodyID)
            """).first() else { throw StorageError.notFound }
        let length = try row.decode(column: "trail_length", as: Int.self), head = try row.decode(column: "trail_head", as: String.self)
        guard length == expectedTrailLength else { throw StorageError.concurrentChange }
        let c = try Self.columns(appeal)
        let entries = Self.entries(events, appealID: appeal.id, after: length, head: head, actor: actor, recordedAt: recordedAt,
                                   stateHash: StateHash.of(document: c.document, terms: appeal.terms, sendings: appeal.sendings,
                                                           documents: appeal.documents, assistance: appeal.assistance))
        let updated = try await sql.raw("""
            UPDATE appeals SET state = \(bind: c.state), kind = \(bind: c.kind), executor_id = \(bind: c.executorID),
              next_due = \(bind: c.nextDue), document = \(bind: c.document), trail_length = \(bind: entries.last?.seq ?? length),
              trail_head = \(bind: entries.last?.hash ?? head), updated_at = \(bind: recordedAt), answered_on = \(bind: c.answeredOn),
              answered_late = \(bind: c.answeredLate), recusal_pending = \(bind: c.recusalPending), extension_until = \(bind: c.extensionUntil),
              final_due = \(bind: c.finalDue), near_purpose = \(bind: c.nearPurpose), near_due = \(bind: c.nearDue),
              applicant = \(bind: c.applicant), subject = \(bind: c.subject), case_index = \(bind: appeal.caseFile.index),
              open_arguments = \(bind: c.openArguments)
            WHERE id = \(bind: appeal.id) AND trail_length = \(bind: length) RETURNING id
            """).first()
        guard updated != nil else { throw StorageError.concurrentChange }
        try await insertEntries(entries, appealID: appeal.id, bodyID: appeal.bodyID)
        try await writeChildren(of: appeal)
        try await writeSearchIndex(of: appeal, fresh: false)
    }

    /// A trail entry with what is stored beside it.
    struct StoredEntry {
        var entry: TrailEntry
        var roles: String
        var recordedMs: Int
        var details: String
        var prevHash: String
        var stateHash: String
        var seq: Int { entry.seq }
        var hash: String { entry.hash }
    }

    static func entries(_ events: [AppealEvent], appealID: UUID, after length: Int, head: String, actor: Actor,
                        recordedAt: Date, stateHash: String) -> [StoredEntry] {
        var prev = length == 0 ? TrailHash.genesis : head
        var seq = length
        let roles = actor.roles.map(\.rawValue).sorted().joined(separator: ",")
        let ms = Int((recordedAt.timeIntervalSince1970 * 1000).rounded())
        return events.map { e in
            seq += 1
            let fields = e.details  // the payload flattened once
            let details = TrailHash.canonicalJSON(fields)
            let legal = e.legalDate.description
            let hash = TrailHash.hash(prev: prev, appealID: appealID, seq: seq, type: e.type, actorID: actor.userID, actorName: actor.name,
                                      actorRoles: roles, recordedMs: ms, legalDate: legal, reason: e.reason, details: details,
                                      stateHash: stateHash)
            defer { prev = hash }
            return StoredEntry(entry: TrailEntry(seq: seq, type: e.type, actorID: actor.userID, actorName: actor.name,
                                                 actorRoles: roles.split(separator: ",").map(String.init),
                                                 recordedAt: Date(timeIntervalSince1970: Double(ms) / 1000), legalDate: e.legalDate,
                                                 reason: e.reason, details: fields, hash: hash),
                               roles: roles, recordedMs: ms, details: details, prevHash: prev, stateHash: stateHash)
        }
    }

    /// All new entries of one step in one statement.
    func insertEntries(_ entries: [StoredEntry], appealID: UUID, bodyID: UUID) async throws {
        guard !entries.isEmpty else { return }
        let values: [SQLQueryString] = entries.map { r in
            let e = r.entry
            return "(\(bind: appealID), \(bind: bodyID), \(bind: e.seq), \(bind: e.type), \(bind: e.actorID), \(bind: e.actorName), \(bind: r.roles), \(bind: r.recordedMs), \(bind: e.legalDate.description), \(bind: e.reason), \(bind: r.details), \(bind: r.prevHash), \(bind: e.hash), \(bind: r.stateHash))"
        }
        try await sql.raw("""
            INSERT INTO appeal_events (appeal_id, body_id, seq, type, actor_id, actor_name, actor_roles, recorded_ms, legal_date, reason,
              details, prev_hash, hash, state_hash) VALUES \(values.joined(separator: ", "))
            """).run()
    }

    /// The appeal, if it exists in this body; another body's appeal is indistinguishable from none.
    public func appeal(_ id: UUID, bodyID: UUID) async throws -> (appeal: Appeal, trailLength: Int)? {
        guard let row = try await sql.raw("""
            SELECT document, trail_length FROM appeals WHERE id = \(bind: id) AND body_id = \(bind: bodyID)
            """).first() else { return nil }
        let appeal = try await appeals([(id, try row.decode(column: "document", as: String.self))])[0]
        return (appeal, try row.decode(column: "trail_length", as: Int.self))
    }

    public func appeal(number: String, trackingCode: String) async throws -> Appeal? {
        guard let row = try await sql.raw("""
            SELECT id, document, tracking_code FROM appeals WHERE reg_number = \(bind: number)
            """).first(), try row.decode(column: "tracking_code", as: String.self) == trackingCode else { return nil }
        return try await appeals([(try row.decode(column: "id", as: UUID.self), try row.decode(column: "document", as: String.self))])[0]
    }

    /// An appeal from a record that keeps its terms and sendings inline (versions 1 and 2, before
    /// migration 0009 moved them to their own tables).
    static func decodeInline(_ document: String) throws -> Appeal {
        try JSONDecoder().decode(AppealRecord.self, from: Data(document.utf8)).appeal(terms: [], sendings: [])
    }

    public func trail(_ appealID: UUID) async throws -> [TrailEntry] {
        try await sql.raw("""
            SELECT seq, type, actor_id, actor_name, actor_roles, recorded_ms, legal_date, reason, details, hash FROM appeal_events
            WHERE appeal_id = \(bind: appealID) ORDER BY seq
            """).all().map { e in
            TrailEntry(seq: try e.decode(column: "seq", as: Int.self), type: try e.decode(column: "type", as: String.self),
                       actorID: try e.decode(column: "actor_id", as: UUID.self), actorName: try e.decode(column: "actor_name", as: String.self),
                       actorRoles: try e.decode(column: "actor_roles", as: String.self).split(separator: ",").map(String.init),
                       recordedAt: Date(timeIntervalSince1970: Double(try e.decode(column: "recorded_ms", as: Int.self)) / 1000),
                       legalDate: (try? CivilDate(iso: e.decode(column: "legal_date", as: String.self))) ?? CivilDate(dayNumber: 0),
                       reason: try e.decode(column: "reason", as: String?.self),
                       details: (try? JSONDecoder().decode([String: String].self, from: Data(e.decode(column: "details", as: String.self).utf8))) ?? [:],
                       hash: try e.decode(column: "hash", as: String.self))
        }
    }

    /// A worklist, sorted by the nearest due date and then the number; appeals with nothing due come after
    /// every appeal with a due date. Both parts are read in index order, so the database sorts nothing
    /// however many closed appeals the body has.
    public func worklist(_ q: WorklistQuery) async throws -> [WorklistRow] {
        if let ss = q.states, ss.isEmpty { return [] }
        let filters = Self.worklistFilters(q, due: false)
        if q.sort != .due {
            // By number, or by the final term: one ordered read (appeals without a final term last).
            let order = q.sort == .number ? "reg_number" : "final_due IS NULL, final_due, reg_number"
            return try await worklistRows(where: Self.worklistFilters(q), order: order, limit: q.limit)
        }
        let due = Self.worklistFilters(q) + ["next_due IS NOT NULL"]
        var rows = try await worklistRows(where: due, order: "next_due, reg_number", limit: q.limit)
        if rows.count < q.limit, q.dueOnOrAfter == nil, q.dueOnOrBefore == nil {
            // Open appeals with nothing due are few: found by state (`appeals_body_state`) and then sorted, rather
            // than by walking every closed appeal in number order (an expression defeats the ordered index).
            // Without a state filter, or for closed states, the number order of `appeals_body_due_number` is best.
            let states = q.states ?? q.state.map { [$0] }
            let fewWithoutDue = states.map { $0.allSatisfy { AppealState(rawValue: $0)?.isOpen == true } } ?? false
            rows += try await worklistRows(where: filters + ["next_due IS NULL"], order: fewWithoutDue ? "reg_number || ''" : "reg_number",
                                           limit: q.limit - rows.count)
        }
        return rows
    }

    /// The worklist's filters as SQL conditions on `appeals` (its columns named with `prefix`, e.g. `a.`): the
    /// body always, then executor, unassigned, state, kind, states and — with `due` — the due range. The
    /// search uses the same conditions.
    static func worklistFilters(_ q: WorklistQuery, prefix p: String = "", due: Bool = true) -> [SQLQueryString] {
        func c(_ name: String) -> SQLQueryString { SQLQueryString(p + name) }
        var filters: [SQLQueryString] = ["\(c("body_id")) = \(bind: q.bodyID)"]
        if let e = q.executorID { filters.append("\(c("executor_id")) = \(bind: e)") }
        if q.unassigned { filters.append("\(c("executor_id")) IS NULL") }
        if let s = q.state { filters.append("\(c("state")) = \(bind: s)") }
        if let k = q.kind { filters.append("\(c("kind")) = \(bind: k)") }
        if let ss = q.states {
            filters.append(ss.isEmpty ? "1 = 0" : "\(c("state")) IN (\(ss.map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ")))")
        }
        if due, let from = q.dueOnOrAfter { filters.append("\(c("next_due")) >= \(bind: from.description)") }
        if due, let to = q.dueOnOrBefore { filters.append("\(c("next_due")) <= \(bind: to.description)") }
        return filters
    }

    func worklistRows(where filters: [SQLQueryString], order: String, limit: Int) async throws -> [WorklistRow] {
        try await plainRows("""
            SELECT id, reg_number, state, kind, executor_id, registered_on, next_due, final_due, near_purpose, near_due, applicant, subject
            FROM appeals
            WHERE \(filters.joined(separator: " AND ")) ORDER BY \(unsafeRaw: order) LIMIT \(unsafeRaw: String(limit))
            """).map { r in
            guard let id = try r.uuid("id") else { throw StorageError.unreadableRecord("appeal without an id") }
            return WorklistRow(id: id, number: try r.required("reg_number"), state: try r.required("state"), kind: try r.text("kind"),
                               executorID: try r.uuid("executor_id"), registeredOn: try r.required("registered_on"),
                               nextDue: try r.text("next_due"), finalDue: try r.text("final_due"), nearPurpose: try r.text("near_purpose"),
                               nearDue: try r.text("near_due"), applicant: try r.text("applicant"), subject: try r.text("subject"))
        }
    }

    /// Every appeal whose procedure is still open, as (id, body).
    public func openAppealIDs() async throws -> [(UUID, UUID)] {
        let open: [SQLQueryString] = AppealState.open.map { "\(bind: $0.rawValue)" }
        return try await sql.raw("SELECT id, body_id FROM appeals WHERE state IN (\(open.joined(separator: ", ")))").all().map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "body_id", as: UUID.self))
        }
    }

    // MARK: Idempotency

    public func idempotentAppealID(userID: UUID, key: String) async throws -> UUID? {
        try await sql.raw("SELECT appeal_id FROM idempotency_keys WHERE user_id = \(bind: userID) AND key = \(bind: key)").first()?
            .decode(column: "appeal_id", as: UUID.self)
    }

    public func rememberIdempotency(userID: UUID, key: String, appealID: UUID, recordedAt: Date) async throws {
        try await sql.raw("""
            INSERT INTO idempotency_keys (id, user_id, key, appeal_id, created_at)
            VALUES (\(bind: UUID()), \(bind: userID), \(bind: key), \(bind: appealID), \(bind: recordedAt))
            """).run()
    }

    public func recordIdentificationRead(appealID: UUID, bodyID: UUID, userID: UUID, at: Date) async throws {
        try await sql.raw("""
            INSERT INTO identification_reads (appeal_id, body_id, user_id, read_at) VALUES (\(bind: appealID), \(bind: bodyID), \(bind: userID), \(bind: at))
            """).run()
    }

    /// Who read an appeal's IIN/BIN in full, and when, newest first.
    public func identificationReads(appealID: UUID) async throws -> [(userID: UUID, at: Date)] {
        try await sql.raw("SELECT user_id, read_at FROM identification_reads WHERE appeal_id = \(bind: appealID) ORDER BY read_at DESC").all().map {
            (try $0.decode(column: "user_id", as: UUID.self), try $0.decode(column: "read_at", as: Date.self))
        }
    }
}

extension FluentAppealStore {
    /// The body's register (журнал) for one registration day, in number order, one page at a time: at
    /// most `limit` appeals after sequence number `after` (an index range, however full the day).
    public func register(bodyID: UUID, day: CivilDate, after: Int = 0, limit: Int = 100) async throws -> [Appeal] {
        try await appeals(try await sql.raw("""
            SELECT id, document FROM appeals WHERE body_id = \(bind: bodyID) AND registered_on = \(bind: day.description)
              AND reg_sequence > \(bind: after) ORDER BY reg_sequence LIMIT \(unsafeRaw: String(limit))
            """).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "document", as: String.self)) })
    }

    /// How many appeals the body registered on the day.
    public func registerCount(bodyID: UUID, day: CivilDate) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM appeals WHERE body_id = \(bind: bodyID) AND registered_on = \(bind: day.description)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
