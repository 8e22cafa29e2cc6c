import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage
import ZhauapText

/// The appeal use cases. Each write loads what it needs, runs the pure procedure, and stores the new
/// state and its trail entries in one transaction: an acknowledged step is never half-stored.
public struct AppealService: Sendable {
    let storage: any Storage
    let calendars: CalendarProvider
    let rules: TermRules
    /// Set for storage that takes one writer at a time and does not queue its writers itself; nil for
    /// PostgreSQL (it locks rows) and for SQLite behind group commit (`FluentStorage(groupCommit:)`).
    let writes: AsyncLock?
    /// The one clock of the installation: every "now" and every body's "today" comes from it (tests pin it).
    public let now: @Sendable () -> Date
    /// Told of every registration and step taken, with how long its transaction took (for metrics; it
    /// receives names and durations only, never appeal data).
    public var observer: (@Sendable (Observation) -> Void)?
    /// The registry of normative acts, for the steps that read it (R24–R28).
    public var law: LawLibrary?
    /// The hearing rules in force (R34, R35): the shipped ones unless the installation gives its own.
    public var hearingRules: HearingRules? = HearingRules.shipped
    /// The earlier essences' content stems, kept for the next registration of the same applicant (R8).
    let repeatContents = RepeatCheck.Contents(capacity: 4096)

    public enum Observation: Sendable {
        case registered(channel: String, seconds: Double)
        case performed(action: String, seconds: Double)
    }

    public init(storage: any Storage, calendars: CalendarProvider, rules: TermRules, serializeWrites: Bool,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.storage = storage
        self.calendars = calendars
        self.rules = rules
        self.writes = serializeWrites ? AsyncLock() : nil
        self.now = now
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T {
        let storage = self.storage
        if let writes { return try await writes.run { try await storage.transaction(body) } }
        return try await storage.transaction(body)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Today in the body's time zone, on the service's clock.
    public func today(in body: AdministrativeBody) -> CivilDate {
        RegistrationDay.local(now(), timeZone: body.timeZone).date
    }

    /// Today in the installation's default time zone (for questions asked outside any body).
    public func todayInDefaultZone() -> CivilDate {
        RegistrationDay.local(now(), timeZone: AdministrativeBody.defaultTimeZone).date
    }

    /// APPC 64 (R1): registers the appeal and returns it with its coupon data. With an idempotency key, a
    /// retried request returns the first registration and registers nothing twice.
    public func register(_ draft: Procedure.Draft, actor: Actor, idempotencyKey: String?) async throws -> (appeal: Appeal, replayed: Bool) {
        let r = try await registerViewing(draft, actor: actor, body: nil, idempotencyKey: idempotencyKey)
        return (r.appeal, r.replayed)
    }

    /// A registration and what its answer shows: the appeal, its trail as just written (or as stored, for a
    /// replay), the body and the calendar used. `body`, when given, is the actor's body as already read
    /// (with the bearer token); otherwise it is loaded.
    public func registerViewing(_ draft: Procedure.Draft, actor: Actor, body known: AdministrativeBody?, calendar knownCalendar: WorkingDayCalendar? = nil,
                                idempotencyKey: String?) async throws
        -> (appeal: Appeal, replayed: Bool, trail: [TrailEntry], body: AdministrativeBody, calendar: WorkingDayCalendar) {
        let body: AdministrativeBody
        if let known, known.id == actor.bodyID { body = known } else { body = try await self.body(of: actor) }
        let calendar: WorkingDayCalendar
        if let knownCalendar { calendar = knownCalendar } else { calendar = try await calendars.current() }
        let rules = self.rules, now = self.now()
        let started = ContinuousClock.now
        let day = try RegistrationDay.of(receivedAt: draft.receivedAt, body: body, calendar: calendar)
        // The text is read before the transaction begins (the database's write lock is held for the writes
        // only): the canonical draft and the suggestion.
        var draft = draft
        _ = draft.clean()
        draft.suggestion = KindSuggester.suggest(draft.essence, areas: body.competenceAreas)
        let cleaned = draft
        let repeatContents = self.repeatContents
        // Also read before the lock: the essence's content stems (R8) and its search stems, both used under it.
        let essenceReading = cleaned.applicant.matchKey == nil ? nil : cleaned.essence.map { RepeatCheck.Reading($0) }
        SearchText.prepare(cleaned.essence)
        let (appeal, replayed, trail) = try await write { tx -> (Appeal, Bool, [TrailEntry]?) in
            let store = tx.appeals
            if let key = idempotencyKey, let existing = try await store.idempotentAppealID(userID: actor.userID, key: key),
               let found = try await store.appeal(existing, bodyID: body.id) {
                return (found.appeal, true, nil)
            }
            // Read before the number is taken: the numbering lock (PostgreSQL's row lock) is held for the writes only.
            let nomenclature = try await store.nomenclature(bodyID: body.id, year: day.year) ?? .standard
            let sequence = try await store.nextSequence(bodyID: body.id, year: day.year)
            let context = ProcedureContext(actor: actor, body: body, today: day, calendar: calendar, rules: rules, nomenclature: nomenclature)
            // R6: the other bodies' competence, for a text outside this body's; APPC 88, R8: the same
            // applicant's earlier appeals, for a repeated appeal (read in the transaction: on SQLite a read
            // outside it would queue for a connection behind the writers). The earlier essences' content
            // stems are kept between registrations, so a frequent applicant's check costs little under the lock.
            var prepared = cleaned
            if !body.competenceAreas.isEmpty && cleaned.suggestion?.area == nil { prepared.installationBodies = try await tx.organisation.bodies() }
            if let key = cleaned.applicant.matchKey, let essenceReading {
                prepared.repeatOf = RepeatCheck.find(essenceReading, among: try await store.earlierAppeals(bodyID: body.id, applicantKey: key, limit: 20),
                                                     contents: repeatContents)
            }
            let (appeal, events) = try Procedure.register(prepared, id: UUID(), sequence: sequence, recordedAt: now,
                                                          trackingCode: TrackingCode.make(), context: context)
            let trail = try await store.insert(appeal, events: events, actor: actor, recordedAt: now)
            if let essenceReading, let essence = appeal.essence, essence == cleaned.essence { repeatContents.remember(appeal.id, essence: essence, essenceReading) }
            if let key = idempotencyKey { try await store.rememberIdempotency(userID: actor.userID, key: key, appealID: appeal.id, recordedAt: now) }
            return (appeal, false, trail)
        }
        if !replayed { observer?(.registered(channel: draft.channel.rawValue, seconds: Self.seconds(since: started))) }
        if let trail { return (appeal, replayed, trail, body, calendar) }
        return (appeal, replayed, try await storage.appeals.trail(appeal.id), body, calendar)
    }

    /// Runs one step of the procedure on an appeal of the actor's body: the step, its effects and the
    /// stored result in one transaction. With an idempotency key (a form's one-time key, a client's
    /// `Idempotency-Key`), a step sent twice is taken once: the repeat returns the appeal as it stands.
    public func perform(_ command: AppealCommand, on appealID: UUID, actor: Actor, idempotencyKey: String? = nil,
                        attachment: AttachedFile? = nil, files: [AttachedFile] = []) async throws -> Appeal {
        let body = try await body(of: actor)
        let calendar = try await calendars.current()
        let rules = self.rules, now = self.now(), today = today(in: body)
        let started = ContinuousClock.now
        // A step that reads the registry gets it as it stands now (read before the write lock is taken).
        let registry = type(of: command.step).needsLaw ? try await law?.current().registry : nil
        let higherBody = type(of: command.step).needsHigherBody ? try await higher(of: body) : nil
        let result = try await write { tx -> Appeal in
            let store = tx.appeals
            guard let (current, length) = try await store.appeal(appealID, bodyID: body.id) else { throw ServiceError.notFound }
            if let key = idempotencyKey {
                let seen = try await store.idempotentAppealID(userID: actor.userID, key: key)
                if seen == appealID { return current }
                if seen == nil { try await store.rememberIdempotency(userID: actor.userID, key: key, appealID: appealID, recordedAt: now) }
            }
            // The legal day of a step is never before the appeal's registration day (APPC 64(3)).
            let day = max(today, current.registration.registeredOn)
            var context = ProcedureContext(actor: actor, body: body, today: day, calendar: calendar, rules: rules, attachment: attachment?.meta)
            context.freezer = HTMLFreezer()
            context.law = registry
            context.hearingRules = hearingRules
            context.higherBody = higherBody
            let (changed, outcome) = try Procedure.run(command, on: current, context: context)
            let supplied = Dictionary(([attachment].compactMap { $0 } + files).map { ($0.meta.file.sha256, $0.content) }, uniquingKeysWith: { a, _ in a })
            for effect in outcome.effects {
                try await carryOut(effect, of: changed, from: body, actor: actor, calendar: calendar, tx: tx, now: now, files: supplied)
            }
            try await store.update(changed, events: outcome.events, actor: actor, recordedAt: now, expectedTrailLength: length)
            return changed
        }
        observer?(.performed(action: command.name, seconds: Self.seconds(since: started)))
        return result
    }

    /// Does what a step asked for besides changing its appeal, inside the step's transaction.
    private func carryOut(_ effect: Effect, of appeal: Appeal, from body: AdministrativeBody, actor: Actor,
                          calendar: WorkingDayCalendar, tx: any Storage, now: Date, files: [String: Data]) async throws {
        let organisation = tx.organisation
        switch effect {
        case .storeFile(let file, let content):
            guard let bytes = content ?? files[file.sha256] else { throw ServiceError.missingFile }
            try await tx.files.store(file, content: bytes)
        case .registerAssistanceRequest(let targetID, let newID, let link):
            guard let target = try await organisation.body(targetID), target.id != body.id else { throw ServiceError.invalidTarget }
            try await registerAssistanceRequest(from: appeal, link: link, id: newID, body: body, to: target, actor: actor, calendar: calendar,
                                                tx: tx, now: now)
        case .returnAssistanceAnswer(let link):
            try await returnAssistanceAnswer(appeal, to: link, from: body, actor: actor, calendar: calendar, tx: tx, now: now)
        case .requireColleague(let id):
            guard let e = try await organisation.actor(id), e.bodyID == body.id else { throw ServiceError.invalidExecutor }
        case .registerComplaint(let targetID, let newID, let link, let export):
            guard let target = try await organisation.body(targetID), target.id != body.id else { throw ServiceError.invalidTarget }
            try await registerComplaint(from: appeal, link: link, export: export, id: newID, body: body, to: target, actor: actor,
                                        calendar: calendar, tx: tx, now: now)
        case .returnComplaintDecision(let link):
            try await returnComplaintDecision(appeal, to: link, from: body, actor: actor, tx: tx, now: now)
        case .requireExecutor(let id):
            guard let e = try await organisation.actor(id), e.bodyID == body.id, e.roles.contains(.executor) else {
                throw ServiceError.invalidExecutor
            }
        case .registerForwarded(let targetID, let newID, let demands):
            guard let target = try await organisation.body(targetID), target.id != body.id else { throw ServiceError.invalidTarget }
            try await registerForwarded(appeal, id: newID, demands: demands, from: body, to: target, actor: actor,
                                        calendar: calendar, store: tx.appeals, now: now)
        }
    }

    /// A body in this installation receives a forwarded appeal as a new registered appeal that keeps the
    /// original moment of receipt (R6), registered on its behalf by the forwarding official.
    private func registerForwarded(_ source: Appeal, id: UUID, demands: [String]?, from: AdministrativeBody, to target: AdministrativeBody,
                                   actor: Actor, calendar: WorkingDayCalendar, store: any AppealStore, now: Date) async throws {
        let draft = Procedure.Draft(channel: source.registration.channel, receivedAt: source.registration.receivedAt,
                                    externalNumber: source.registration.externalNumber ?? source.registration.number,
                                    applicant: source.applicant, addressedTo: target.nameRu,
                                    essence: demands.map { $0.joined(separator: "\n") } ?? source.essence, language: source.language,
                                    appealDate: source.appealDate, signaturePresent: source.signaturePresent,
                                    attachments: source.attachments, sheets: source.sheets, reportsCrimeOrThreat: source.reportsCrimeOrThreat,
                                    specialRule: source.specialRule, forwardedFromID: source.id,
                                    forwardedFromNumber: source.registration.number)
        let registrar = Actor(userID: actor.userID, bodyID: target.id, name: "\(actor.name) (\(from.code))",
                              position: actor.position, roles: [.registrar])
        let day = try RegistrationDay.of(receivedAt: draft.receivedAt, body: target, calendar: calendar)
        let sequence = try await store.nextSequence(bodyID: target.id, year: day.year)
        let context = ProcedureContext(actor: registrar, body: target, today: day, calendar: calendar, rules: rules)
        let (appeal, events) = try Procedure.register(draft, id: id, sequence: sequence, recordedAt: now,
                                                      trackingCode: TrackingCode.make(), context: context)
        try await store.insert(appeal, events: events, actor: registrar, recordedAt: now)
    }

    /// Public tracking (APPC 64(2)): the appeal with this number, when the coupon's code matches (in any
    /// letter case); nothing otherwise.
    public func track(number: String, code: String) async throws -> Appeal? {
        try await storage.appeals.appeal(number: number, trackingCode: code.uppercased())
    }

    /// The actor's body's register (журнал) for one registration day: a page in number order, and the
    /// day's count.
    public func journal(actor: Actor, day: CivilDate, after: Int, limit: Int) async throws -> (appeals: [Appeal], total: Int) {
        let store = storage.appeals
        return (try await store.register(bodyID: actor.bodyID, day: day, after: after, limit: limit),
                try await store.registerCount(bodyID: actor.bodyID, day: day))
    }

    /// What a head sees of the body since a day (R47).
    public func statistics(actor: Actor, since: CivilDate) async throws -> BodyStatistics {
        try await storage.appeals.statistics(bodyID: actor.bodyID, since: since)
    }

    /// The actor's own body.
    public func body(of actor: Actor) async throws -> AdministrativeBody {
        guard let body = try await storage.organisation.body(actor.bodyID) else { throw ServiceError.notFound }
        return body
    }

    /// Every body of the installation (forwarding targets).
    public func bodies() async throws -> [AdministrativeBody] { try await storage.organisation.bodies() }

    /// The people of the actor's body.
    public func colleagues(of actor: Actor) async throws -> [Actor] { try await storage.organisation.users(bodyID: actor.bodyID) }

    /// The appeal with its trail, if it belongs to the actor's body (otherwise: not found).
    public func view(_ appealID: UUID, actor: Actor) async throws -> AppealView {
        let store = storage.appeals
        guard let (appeal, _) = try await store.appeal(appealID, bodyID: actor.bodyID) else { throw ServiceError.notFound }
        // Law "On personal data": a read of the IIN/BIN in full is recorded (who, which appeal, when).
        let p = appeal.applicant
        if (p.iin ?? p.bin) != nil, Permissions.seesIdentificationNumber(actor, appeal: appeal) {
            try await store.recordIdentificationRead(appealID: appeal.id, bodyID: appeal.bodyID, userID: actor.userID, at: now())
        }
        return AppealView(appeal: appeal, trail: try await store.trail(appealID), calendar: try await calendars.current())
    }

    /// A worklist of the actor's body. `dueWithinWorkingDays` counts from today on the calendar in force.
    /// `openOnly` keeps the appeals still being handled (registered, under consideration, awaiting correction).
    public func worklist(actor: Actor, body known: AdministrativeBody? = nil, calendar knownCalendar: WorkingDayCalendar? = nil, mine: Bool,
                         dueWithinWorkingDays: Int?, overdue: Bool, state: String?, kind: String?, openOnly: Bool = false,
                         executorID: UUID? = nil, unassigned: Bool = false, sort: WorklistSort = .due,
                         limit: Int) async throws -> [WorklistRow] {
        let q = try await worklistQuery(actor: actor, body: known, calendar: knownCalendar, mine: mine, dueWithinWorkingDays: dueWithinWorkingDays,
                                        overdue: overdue, state: state, kind: kind, openOnly: openOnly, executorID: executorID,
                                        unassigned: unassigned, sort: sort, limit: limit)
        return try await storage.appeals.worklist(q)
    }

    /// The worklist of a query `worklistQuery` made (another body's is refused as not found).
    public func worklist(_ q: WorklistQuery, actor: Actor) async throws -> [WorklistRow] {
        guard q.bodyID == actor.bodyID else { throw ServiceError.notFound }
        return try await storage.appeals.worklist(q)
    }

    /// The worklist's query for the actor's body: what `worklist` lists, and what `search` searches within.
    public func worklistQuery(actor: Actor, body known: AdministrativeBody? = nil, calendar knownCalendar: WorkingDayCalendar? = nil, mine: Bool,
                              dueWithinWorkingDays: Int?, overdue: Bool, state: String?, kind: String?, openOnly: Bool = false,
                              executorID: UUID? = nil, unassigned: Bool = false, sort: WorklistSort = .due,
                              limit: Int) async throws -> WorklistQuery {
        let body: AdministrativeBody
        if let known, known.id == actor.bodyID { body = known } else { body = try await self.body(of: actor) }
        let today = today(in: body)
        let calendar: WorkingDayCalendar
        if let knownCalendar { calendar = knownCalendar } else { calendar = try await calendars.current() }
        var q = try Self.query(bodyID: body.id, executorID: mine ? actor.userID : executorID, today: today, calendar: calendar,
                               dueWithinWorkingDays: dueWithinWorkingDays, overdue: overdue, state: state, kind: kind, limit: limit)
        if openOnly { q.states = AppealState.open.map(\.rawValue) }
        q.unassigned = unassigned
        q.sort = sort
        return q
    }

    /// A full-text search of the actor's body's appeals within a worklist's filters (`worklistQuery`); a
    /// filter naming another body is refused as not found. `text` is tokenised as the index was
    /// (`SearchText.words`); a text without a word finds nothing.
    public func search(_ text: String, actor: Actor, within filter: WorklistQuery, limit: Int, offset: Int) async throws -> [SearchHit] {
        guard filter.bodyID == actor.bodyID else { throw ServiceError.notFound }
        let words = SearchText.words(text)
        guard !words.isEmpty else { return [] }
        return try await storage.appeals.search(AppealSearch(filter: filter, words: words, limit: limit, offset: offset))
    }

    /// "Due within N working days": due from today through the N-th working day counted from today
    /// (today is day 1); "overdue": due before today.
    public static func query(bodyID: UUID, executorID: UUID?, today: CivilDate, calendar: WorkingDayCalendar,
                             dueWithinWorkingDays: Int?, overdue: Bool, state: String?, kind: String?, limit: Int) throws -> WorklistQuery {
        var q = WorklistQuery(bodyID: bodyID, executorID: executorID, state: state, kind: kind, limit: limit)
        if let n = dueWithinWorkingDays {
            q.dueOnOrAfter = today
            q.dueOnOrBefore = try calendar.addWorkingDays(max(1, n), to: today)
        }
        if overdue { q.dueOnOrAfter = nil; q.dueOnOrBefore = today.adding(days: -1) }
        return q
    }
}

/// Why the service refused, beyond the procedure's own errors.
public enum ServiceError: Error, Sendable, Equatable {
    /// No such appeal (or body) for this actor — other bodies' appeals are not found either.
    case notFound
    /// The executor named is not an executor of this body.
    case invalidExecutor
    /// The forwarding target is not another body of this installation.
    case invalidTarget
    /// A step stores a file whose bytes were not handed to it.
    case missingFile
}

/// An appeal as a reader sees it: the appeal, its trail and the calendar in force. A reference, so that an
/// async call hands over a pointer rather than copying the appeal's large value through its frames.
public final class AppealView: Sendable {
    public let appeal: Appeal
    public let trail: [TrailEntry]
    public let calendar: WorkingDayCalendar

    public init(appeal: Appeal, trail: [TrailEntry], calendar: WorkingDayCalendar) {
        (self.appeal, self.trail, self.calendar) = (appeal, trail, calendar)
    }
}

/// A file handed to a step, as the server read it, with its bytes.
public struct AttachedFile: Sendable {
    public var meta: FileMeta
    public var content: Data

    public init(meta: FileMeta, content: Data) {
        self.meta = meta
        self.content = content
    }

    /// The file as the server reads it: its SHA-256 and size from the bytes; its type and pages as detected.
    public init(content: Data, mediaType: String, name: String, pages: Int?) {
        self.init(meta: FileMeta(file: StoredFile(sha256: HTMLFreezer.sha256(content), mediaType: mediaType, size: content.count, name: name),
                                 pages: pages), content: content)
    }
}

/// The short code printed on the coupon; with the number it lets the applicant track the appeal.
enum TrackingCode {
    static let alphabet = Array("ACDEFGHJKLMNPQRTUVWXY34679")

    static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
}
