import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The stores in memory, for service tests that need no database. A transaction works on a copy of
/// the data and keeps it only when its body returns; one transaction runs at a time.
public final class InMemoryStorage: Storage, @unchecked Sendable {
    struct Data {
        var appeals: [UUID: (appeal: Appeal, trail: [TrailEntry])] = [:]
        var counters: [String: Int] = [:]
        var idempotency: [String: UUID] = [:]
        var identificationReads: [(UUID, UUID)] = []
        var bodies: [UUID: AdministrativeBody] = [:]
        var actors: [UUID: Actor] = [:]
        var nomenclatures: [String: CaseNomenclature] = [:]
        var files: [String: Foundation.Data] = [:]
    }

    private let lock = NSLock()
    private var data = Data()
    private let gate = TransactionGate()

    public init(bodies: [AdministrativeBody] = [], actors: [Actor] = []) {
        for b in bodies { data.bodies[b.id] = b }
        for a in actors { data.actors[a.userID] = a }
    }

    func read<T>(_ f: (Data) throws -> T) rethrows -> T { try lock.withLock { try f(data) } }
    func change<T>(_ f: (inout Data) throws -> T) rethrows -> T { try lock.withLock { try f(&data) } }

    public var appeals: any AppealStore { Appeals(storage: self) }
    public var organisation: any OrganisationDirectory { Directory(storage: self) }
    public var files: any FileStore { Files(storage: self) }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T {
        try await gate.run {
            let before = self.read { $0 }
            do { return try await body(self) } catch {
                self.change { $0 = before }
                throw error
            }
        }
    }

    /// All appeals stored, for assertions.
    public var storedAppeals: [Appeal] { read { $0.appeals.values.map(\.appeal) } }

    struct Directory: OrganisationDirectory {
        let storage: InMemoryStorage
        func body(_ id: UUID) async throws -> AdministrativeBody? { storage.read { $0.bodies[id] } }
        func bodies() async throws -> [AdministrativeBody] { storage.read { Array($0.bodies.values) } }
        func actor(_ userID: UUID) async throws -> Actor? { storage.read { $0.actors[userID] } }
        func users(bodyID: UUID) async throws -> [Actor] { storage.read { $0.actors.values.filter { $0.bodyID == bodyID } } }
    }

    struct Appeals: AppealStore {
        let storage: InMemoryStorage

        func nextSequence(bodyID: UUID, year: Int) async throws -> Int {
            storage.change { d in
                let key = "\(bodyID)/\(year)"
                d.counters[key, default: 0] += 1
                return d.counters[key]!
            }
        }

        func insert(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date) async throws -> [TrailEntry] {
            try storage.change { d in
                guard d.appeals[appeal.id] == nil, !d.appeals.values.contains(where: { $0.appeal.registration.number == appeal.registration.number })
                else { throw StorageError.concurrentChange }
                let trail = Self.entries(events, after: [], actor: actor, at: recordedAt)
                d.appeals[appeal.id] = (appeal, trail)
                return trail
            }
        }

        func update(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date, expectedTrailLength: Int) async throws {
            try storage.change { d in
                guard let stored = d.appeals[appeal.id], stored.appeal.bodyID == appeal.bodyID else { throw StorageError.notFound }
                guard stored.trail.count == expectedTrailLength else { throw StorageError.concurrentChange }
                d.appeals[appeal.id] = (appeal, stored.trail + Self.entries(events, after: stored.trail, actor: actor, at: recordedAt))
            }
        }

        static func entries(_ events: [AppealEvent], after trail: [TrailEntry], actor: Actor, at: Date) -> [TrailEntry] {
            events.enumerated().map { i, e in
                TrailEntry(seq: trail.count + i + 1, type: e.type, actorID: actor.userID, actorName: actor.name,
                           actorRoles: actor.roles.map(\.rawValue).sorted(), recordedAt: at, legalDate: e.legalDate, reason: e.reason,
                           details: e.details, hash: "memory-\(trail.count + i + 1)")
            }
        }

        func appeal(_ id: UUID, bodyID: UUID) async throws -> (appeal: Appeal, trailLength: Int)? {
            storage.read { d in d.appeals[id].flatMap { $0.appeal.bodyID == bodyID ? ($0.appeal, $0.trail.count) : nil } }
        }

        func appeal(number: String, trackingCode: String) async throws -> Appeal? {
            storage.read { d in
                d.appeals.values.first { $0.appeal.registration.number == number && $0.appeal.registration.trackingCode == trackingCode }?.appeal
            }
        }

        func trail(_ appealID: UUID) async throws -> [TrailEntry] { storage.read { $0.appeals[appealID]?.trail ?? [] } }

        func worklist(_ q: WorklistQuery) async throws -> [WorklistRow] {
            storage.read { d in
                d.appeals.values.map { WorklistRow($0.appeal) }.filter { r in
                    let due = r.nextDue
                    return d.appeals[r.id]?.appeal.bodyID == q.bodyID && (q.executorID == nil || r.executorID == q.executorID)
                        && (!q.unassigned || r.executorID == nil)
                        && (q.state == nil || r.state == q.state) && (q.kind == nil || r.kind == q.kind)
                        && (q.states == nil || q.states!.contains(r.state))
                        && (q.dueOnOrAfter.map { f in due.map { $0 >= f.description } ?? false } ?? true)
                        && (q.dueOnOrBefore.map { t in due.map { $0 <= t.description } ?? false } ?? true)
                }
                .sorted { a, b in
                    switch q.sort {
                    case .due: (a.nextDue ?? "9999", a.number) < (b.nextDue ?? "9999", b.number)
                    case .final: (a.finalDue ?? "9999", a.number) < (b.finalDue ?? "9999", b.number)
                    case .number: a.number < b.number
                    }
                }
                .prefix(q.limit).map { $0 }
            }
        }

        /// Every word must share a stem with a word of the indexed texts; ranked by how many words matched
        /// in all (a simple stand-in for the databases' term-frequency rank), newest first on equal rank.
        func search(_ s: AppealSearch) async throws -> [SearchHit] {
            var q = s.filter
            q.limit = Int.max
            let ids = Set(try await worklist(q).map(\.id))
            return storage.read { d in
                d.appeals.values.map(\.appeal).filter { ids.contains($0.id) }.compactMap { a -> SearchHit? in
                    let stems = SearchIndexEntry(a).stems.split(separator: " ").map(String.init)
                    guard !s.words.isEmpty, s.words.allSatisfy({ w in w.contains(where: stems.contains) }) else { return nil }
                    let rank = Double(stems.filter { st in s.words.contains { $0.contains(st) } }.count)
                    return SearchHit(row: WorklistRow(a), essence: a.essence, rank: rank)
                }
                .sorted { ($0.rank, $0.row.number) > ($1.rank, $1.row.number) }
                .dropFirst(s.offset).prefix(s.limit).map { $0 }
            }
        }

        func openAppealIDs() async throws -> [(UUID, UUID)] {
            storage.read { d in d.appeals.values.filter { $0.appeal.state.isOpen }.map { ($0.appeal.id, $0.appeal.bodyID) } }
        }

        func register(bodyID: UUID, day: CivilDate, after: Int, limit: Int) async throws -> [Appeal] {
            storage.read { d in
                d.appeals.values.map(\.appeal)
                    .filter { $0.bodyID == bodyID && $0.registration.registeredOn == day && $0.registration.sequence > after }
                    .sorted { $0.registration.sequence < $1.registration.sequence }.prefix(limit).map { $0 }
            }
        }

        func registerCount(bodyID: UUID, day: CivilDate) async throws -> Int {
            storage.read { d in d.appeals.values.filter { $0.appeal.bodyID == bodyID && $0.appeal.registration.registeredOn == day }.count }
        }

        func statistics(bodyID: UUID, since: CivilDate) async throws -> BodyStatistics {
            storage.read { d in
                var s = BodyStatistics()
                for a in d.appeals.values.map(\.appeal) where a.bodyID == bodyID {
                    s.byState[a.state.rawValue, default: 0] += 1
                    s.byKind[a.kind?.rawValue ?? "unknown", default: 0] += 1
                    if a.state.isOpen { s.openByExecutor[a.executorID, default: 0] += 1 }
                    if a.registration.registeredOn >= since { s.receivedPerDay[a.registration.registeredOn, default: 0] += 1 }
                    if let answer = a.answer {
                        s.answered += 1
                        if let due = a.terms.last(where: { $0.purpose == .consideration })?.due, answer.answeredOn <= due { s.answeredOnTime += 1 }
                        if answer.answeredOn >= since { s.answeredPerDay[answer.answeredOn, default: 0] += 1 }
                    }
                }
                return s
            }
        }

        func idempotentAppealID(userID: UUID, key: String) async throws -> UUID? { storage.read { $0.idempotency["\(userID)/\(key)"] } }

        func rememberIdempotency(userID: UUID, key: String, appealID: UUID, recordedAt: Date) async throws {
            storage.change { $0.idempotency["\(userID)/\(key)"] = appealID }
        }

        func recordIdentificationRead(appealID: UUID, bodyID: UUID, userID: UUID, at: Date) async throws {
            storage.change { $0.identificationReads.append((appealID, userID)) }
        }

        func nomenclature(bodyID: UUID, year: Int) async throws -> CaseNomenclature? { storage.read { $0.nomenclatures["\(bodyID)/\(year)"] } }
        func earlierAppeals(bodyID: UUID, applicantKey: String, limit: Int) async throws -> [RepeatCheck.Earlier] {
            storage.read { d in
                d.appeals.values.map(\.appeal).filter { $0.bodyID == bodyID && $0.applicant.matchKey == applicantKey }
                    .sorted { $0.registration.sequence > $1.registration.sequence }.prefix(limit)
                    .compactMap { a in a.essence.map { RepeatCheck.Earlier(id: a.id, number: a.registration.number, essence: $0) } }
            }
        }
        func setNomenclature(_ n: CaseNomenclature, bodyID: UUID, year: Int) async throws {
            storage.change { $0.nomenclatures["\(bodyID)/\(year)"] = n }
        }
        func appealsWithComplaintsToPass(bodyID: UUID) async throws -> [UUID] {
            storage.read { d in
                d.appeals.values.map(\.appeal).filter { $0.bodyID == bodyID && $0.state == .decided && $0.complaints.contains { $0.passing == nil } }.map(\.id)
            }
        }
        func appealsWithObjections(bodyID: UUID, executorID: UUID?) async throws -> [UUID] {
            storage.read { d in
                d.appeals.values.map(\.appeal).filter { a in
                    a.bodyID == bodyID && a.state.isOpen && (executorID == nil || a.executorID == executorID)
                        && !(a.hearing?.unanswered.isEmpty ?? true)
                }.map(\.id)
            }
        }
        func requestsNeedingAttention(bodyID: UUID, today: CivilDate, executorID: UUID?) async throws -> [RequestAlert] {
            storage.read { d in
                d.appeals.values.map(\.appeal).filter { $0.bodyID == bodyID && (executorID == nil || $0.executorID == executorID) }
                    .flatMap { a in
                        a.assistance.filter { r in
                            if case .failed = r.outcome { return true }
                            return r.isOverdue(on: today)
                        }.map { RequestAlert(appealID: a.id, number: a.registration.number, executorID: a.executorID, request: $0) }
                    }
            }
        }
        func searchCases(bodyID: UUID, text: String, limit: Int) async throws -> [CaseHit] {
            let t = text.lowercased()
            return storage.read { d in
                d.appeals.values.map(\.appeal).filter { $0.bodyID == bodyID }.flatMap { a -> [CaseHit] in
                    let docs = a.documents.filter { $0.title.lowercased().contains(t) }
                    if docs.isEmpty {
                        return a.caseFile.index.lowercased().contains(t)
                            ? [CaseHit(appealID: a.id, number: a.registration.number, caseIndex: a.caseFile.index, document: nil, title: nil)] : []
                    }
                    return docs.map { CaseHit(appealID: a.id, number: a.registration.number, caseIndex: a.caseFile.index, document: $0.number, title: $0.title) }
                }.prefix(limit).map { $0 }
            }
        }
    }

    struct Files: FileStore {
        let storage: InMemoryStorage
        func store(_ file: StoredFile, content: Foundation.Data) async throws { storage.change { $0.files[file.sha256] = content } }
        func content(sha256: String) async throws -> Foundation.Data? { storage.read { $0.files[sha256] } }
    }
}

/// One transaction at a time, first come first served.
actor TransactionGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy { await withCheckedContinuation { waiting.append($0) } } else { busy = true }
        defer { if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() } }
        return try await body()
    }
}
