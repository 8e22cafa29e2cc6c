import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar
import ZhauapDomain

/// Appeals, bodies and users over Fluent. Every method runs on the `Database` it was made with — pass
/// a transaction's database to make several calls one transaction.
public struct FluentAppealStore: Sendable {
    let db: any Database

    public init(database: any Database) { db = database }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func decode(_ document: String) throws -> Appeal {
        try JSONDecoder().decode(AppealRecord.self, from: Data(document.utf8)).appeal()
    }

    // MARK: Registration numbers

    /// The next registration number of the body's year, inside the caller's transaction: an upsert that
    /// row-locks the counter (PostgreSQL) or runs under the single writer (SQLite). A rolled-back
    /// registration rolls its number back too, so numbers stay gapless.
    public func nextSequence(bodyID: UUID, year: Int) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        let row = try await sql.raw("""
            INSERT INTO registration_counters (id, body_id, year, last_sequence) VALUES (\(bind: UUID()), \(bind: bodyID), \(bind: year), 1)
            ON CONFLICT (body_id, year) DO UPDATE SET last_sequence = registration_counters.last_sequence + 1
            RETURNING last_sequence
            """).first()
        guard let n = try row?.decode(column: "last_sequence", as: Int.self) else { throw StorageError.missingGeneratedID("registration_counters") }
        return n
    }

    // MARK: Appeals

    public func insert(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date) async throws {
        let m = AppealModel()
        m.id = appeal.id
        m.bodyID = appeal.bodyID
        m.regYear = appeal.registration.year
        m.regSequence = appeal.registration.sequence
        m.regNumber = appeal.registration.number
        m.trackingCode = appeal.registration.trackingCode
        m.registeredOn = appeal.registration.registeredOn.description
        m.trailLength = 0
        m.trailHead = TrailHash.genesis
        try fill(m, with: appeal)
        let newRows = rows(events, appeal: m, actor: actor, recordedAt: recordedAt)
        advance(m, over: newRows)
        try await m.create(on: db)
        for r in newRows { try await r.create(on: db) }
    }

    /// Saves a changed appeal with its new events. `expectedTrailLength` guards against a concurrent
    /// change: if another request wrote first, this throws `StorageError.concurrentChange` (or the
    /// database refuses the duplicate entry number) and the transaction saves nothing.
    public func update(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date, expectedTrailLength: Int) async throws {
        guard let m = try await AppealModel.query(on: db).filter(\.$id == appeal.id).filter(\.$bodyID == appeal.bodyID).first() else {
            throw StorageError.notFound
        }
        guard m.trailLength == expectedTrailLength else { throw StorageError.concurrentChange }
        try fill(m, with: appeal)
        let newRows = rows(events, appeal: m, actor: actor, recordedAt: recordedAt)
        advance(m, over: newRows)
        try await m.update(on: db)
        for r in newRows { try await r.create(on: db) }
    }

    private func fill(_ m: AppealModel, with appeal: Appeal) throws {
        m.state = appeal.state.rawValue
        m.kind = appeal.kind?.rawValue
        m.executorID = appeal.executorID
        m.nextDue = appeal.terms.filter { $0.status == .active }.map(\.due).min()?.description
        m.document = String(decoding: try Self.encoder.encode(AppealRecord(appeal)), as: UTF8.self)
        m.updatedAt = Date()
    }

    private func advance(_ m: AppealModel, over rows: [AppealEventModel]) {
        guard let last = rows.last else { return }
        m.trailHead = last.hash
        m.trailLength = last.seq
    }

    private func rows(_ events: [AppealEvent], appeal m: AppealModel, actor: Actor, recordedAt: Date) -> [AppealEventModel] {
        var prev = m.trailLength == 0 ? TrailHash.genesis : m.trailHead
        var seq = m.trailLength
        let roles = actor.roles.map(\.rawValue).sorted().joined(separator: ",")
        let ms = Int((recordedAt.timeIntervalSince1970 * 1000).rounded())
        return events.map { e in
            seq += 1
            let r = AppealEventModel()
            r.appealID = m.id!
            r.bodyID = m.bodyID
            r.seq = seq
            r.type = e.type
            r.actorID = actor.userID
            r.actorName = actor.name
            r.actorRoles = roles
            r.recordedMs = ms
            r.legalDate = e.legalDate.description
            r.reason = e.reason
            r.details = TrailHash.canonicalJSON(e.details)
            r.prevHash = prev
            r.hash = TrailHash.hash(r)
            prev = r.hash
            return r
        }
    }

    /// The appeal, if it exists in this body; another body's appeal is indistinguishable from none.
    public func appeal(_ id: UUID, bodyID: UUID) async throws -> (appeal: Appeal, trailLength: Int)? {
        guard let m = try await AppealModel.query(on: db).filter(\.$id == id).filter(\.$bodyID == bodyID).first() else { return nil }
        return (try Self.decode(m.document), m.trailLength)
    }

    public func appeal(number: String, trackingCode: String) async throws -> Appeal? {
        guard let m = try await AppealModel.query(on: db).filter(\.$regNumber == number).first(),
              m.trackingCode == trackingCode else { return nil }
        return try Self.decode(m.document)
    }

    public func trail(_ appealID: UUID) async throws -> [TrailEntry] {
        try await AppealEventModel.query(on: db).filter(\.$appealID == appealID).sort(\.$seq).all().map { e in
            TrailEntry(seq: e.seq, type: e.type, actorID: e.actorID, actorName: e.actorName,
                       actorRoles: e.actorRoles.split(separator: ",").map(String.init),
                       recordedAt: Date(timeIntervalSince1970: Double(e.recordedMs) / 1000),
                       legalDate: (try? CivilDate(iso: e.legalDate)) ?? CivilDate(dayNumber: 0), reason: e.reason,
                       details: (try? JSONDecoder().decode([String: String].self, from: Data(e.details.utf8))) ?? [:], hash: e.hash)
        }
    }

    public func worklist(_ q: WorklistQuery) async throws -> [WorklistRow] {
        var query = AppealModel.query(on: db).filter(\.$bodyID == q.bodyID)
        if let e = q.executorID { query = query.filter(\.$executorID == e) }
        if q.dueOnOrAfter != nil || q.dueOnOrBefore != nil { query = query.filter(\.$nextDue != nil) }
        if let from = q.dueOnOrAfter { query = query.filter(\.$nextDue >= from.description) }
        if let due = q.dueOnOrBefore { query = query.filter(\.$nextDue <= due.description) }
        if let s = q.state { query = query.filter(\.$state == s) }
        if let k = q.kind { query = query.filter(\.$kind == k) }
        if let ss = q.states { query = query.filter(\.$state ~~ ss) }
        let rows = try await query.sort(\.$nextDue).sort(\.$regNumber).limit(q.limit)
            .field(\.$id).field(\.$regNumber).field(\.$state).field(\.$kind).field(\.$executorID)
            .field(\.$registeredOn).field(\.$nextDue).all()
        return rows.map {
            WorklistRow(id: $0.id!, number: $0.regNumber, state: $0.state, kind: $0.kind, executorID: $0.executorID,
                        registeredOn: $0.registeredOn, nextDue: $0.nextDue)
        }
    }

    /// Every appeal whose procedure is still open, as (id, body).
    public func openAppealIDs() async throws -> [(UUID, UUID)] {
        try await AppealModel.query(on: db).filter(\.$state ~~ AppealState.allCases.filter(\.isOpen).map(\.rawValue))
            .field(\.$id).field(\.$bodyID).all().map { ($0.id!, $0.bodyID) }
    }

    // MARK: Idempotency

    public func idempotentAppealID(userID: UUID, key: String) async throws -> UUID? {
        try await IdempotencyModel.query(on: db).filter(\.$userID == userID).filter(\.$key == key).first()?.appealID
    }

    public func rememberIdempotency(userID: UUID, key: String, appealID: UUID) async throws {
        let m = IdempotencyModel()
        m.userID = userID
        m.key = key
        m.appealID = appealID
        m.createdAt = Date()
        try await m.create(on: db)
    }

    // MARK: Verification

    /// Recomputes every hash of every trail and compares with the appeal's recorded head and length.
    /// Returns one line per problem: an edited, deleted, inserted or reordered entry.
    public func verifyTrails() async throws -> (appeals: Int, events: Int, problems: [String]) {
        var problems: [String] = [], count = 0
        let appeals = try await AppealModel.query(on: db).field(\.$id).field(\.$regNumber).field(\.$trailLength).field(\.$trailHead).all()
        for a in appeals {
            let events = try await AppealEventModel.query(on: db).filter(\.$appealID == a.id!).sort(\.$seq).all()
            count += events.count
            var prev = TrailHash.genesis
            for (i, e) in events.enumerated() {
                if e.seq != i + 1 { problems.append("\(a.regNumber): entry \(i + 1) is missing or out of order (found seq \(e.seq))") }
                if e.prevHash != prev { problems.append("\(a.regNumber): entry \(e.seq) does not follow the entry before it") }
                if TrailHash.hash(e) != e.hash { problems.append("\(a.regNumber): entry \(e.seq) was changed after it was written") }
                prev = e.hash
            }
            if events.count != a.trailLength || prev != a.trailHead {
                problems.append("\(a.regNumber): the trail has \(events.count) entries ending in \(prev.prefix(12)), the appeal records \(a.trailLength) ending in \(a.trailHead.prefix(12))")
            }
        }
        return (appeals.count, count, problems)
    }
}

extension FluentAppealStore {
    /// The body's register (журнал) for one registration day, in number order.
    public func register(bodyID: UUID, day: CivilDate) async throws -> [Appeal] {
        try await AppealModel.query(on: db).filter(\.$bodyID == bodyID).filter(\.$registeredOn == day.description)
            .sort(\.$regSequence).all().map { try Self.decode($0.document) }
    }
}
