import Foundation
import WorkingCalendar
import ZhauapDomain

/// What the appeal use cases need from storage, in domain terms. `FluentAppealStore` keeps it in SQLite or
/// PostgreSQL; the test support has one in memory.
public protocol AppealStore: Sendable {
    /// The next gapless number of the body's year, inside the caller's transaction.
    func nextSequence(bodyID: UUID, year: Int) async throws -> Int
    /// Stores a new appeal with its first trail entries; returns them as written.
    @discardableResult
    func insert(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date) async throws -> [TrailEntry]
    /// Saves a changed appeal with its new trail entries; `StorageError.concurrentChange` when another
    /// request wrote first (its trail is no longer `expectedTrailLength` long).
    func update(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date, expectedTrailLength: Int) async throws
    /// The appeal if it belongs to the body; another body's appeal is indistinguishable from none.
    func appeal(_ id: UUID, bodyID: UUID) async throws -> (appeal: Appeal, trailLength: Int)?
    func appeal(number: String, trackingCode: String) async throws -> Appeal?
    func trail(_ appealID: UUID) async throws -> [TrailEntry]
    func worklist(_ query: WorklistQuery) async throws -> [WorklistRow]
    /// Every appeal whose procedure is still open, as (appeal, body).
    func openAppealIDs() async throws -> [(UUID, UUID)]
    /// The body's register (журнал) for one registration day in number order: at most `limit` after
    /// sequence number `after`; and how many the day has.
    func register(bodyID: UUID, day: CivilDate, after: Int, limit: Int) async throws -> [Appeal]
    func registerCount(bodyID: UUID, day: CivilDate) async throws -> Int
    /// What a head sees of the body (R47), counted by the database.
    func statistics(bodyID: UUID, since: CivilDate) async throws -> BodyStatistics
    func idempotentAppealID(userID: UUID, key: String) async throws -> UUID?
    func rememberIdempotency(userID: UUID, key: String, appealID: UUID, recordedAt: Date) async throws
    /// Records that a person read an appeal's IIN/BIN in full (Law "On personal data"): who, which, when.
    func recordIdentificationRead(appealID: UUID, bodyID: UUID, userID: UUID, at: Date) async throws
    /// The body's case nomenclature for a year (R12), if its administrator set one.
    func nomenclature(bodyID: UUID, year: Int) async throws -> CaseNomenclature?
    /// The same applicant's latest appeals in the body (`Applicant.matchKey`), for a repeated appeal (APPC 88).
    func earlierAppeals(bodyID: UUID, applicantKey: String, limit: Int) async throws -> [RepeatCheck.Earlier]
    func setNomenclature(_ n: CaseNomenclature, bodyID: UUID, year: Int) async throws
    /// Requests for assistance past their term or recorded as unanswerable (R22).
    func requestsNeedingAttention(bodyID: UUID, today: CivilDate, executorID: UUID?) async throws -> [RequestAlert]
    /// Open appeals of the body (of one executor, if given) whose hearing has an objection or argument not answered yet,
    /// newest first (APPC 73(3), R40).
    func appealsWithObjections(bodyID: UUID, executorID: UUID?) async throws -> [UUID]
    /// The body's signed acts with a complaint still to pass to the higher body (APPC 91(4)), the term nearest first.
    func appealsWithComplaintsToPass(bodyID: UUID) async throws -> [UUID]
    /// Cases of the body by index or document title.
    func searchCases(bodyID: UUID, text: String, limit: Int) async throws -> [CaseHit]
    /// The body's appeals holding every word of the search within the worklist's filters, best first (R47).
    func search(_ search: AppealSearch) async throws -> [SearchHit]
}

/// The case files' bytes, content-addressed: the same bytes are kept once, whichever case holds them.
public protocol FileStore: Sendable {
    func store(_ file: StoredFile, content: Data) async throws
    func content(sha256: String) async throws -> Data?
}

/// What the appeal use cases read of the organisation: bodies and the people acting in them.
public protocol OrganisationDirectory: Sendable {
    func body(_ id: UUID) async throws -> AdministrativeBody?
    func bodies() async throws -> [AdministrativeBody]
    func actor(_ userID: UUID) async throws -> Actor?
    /// The body's people.
    func users(bodyID: UUID) async throws -> [Actor]
}

/// The stores, and one transaction over them: everything `body` does through the storage it is given
/// is stored together or not at all.
public protocol Storage: Sendable {
    var appeals: any AppealStore { get }
    var organisation: any OrganisationDirectory { get }
    var files: any FileStore { get }
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T
}

extension FluentAppealStore: AppealStore {}
extension FluentOrganisationStore: OrganisationDirectory {}
