import WorkingCalendar
import Foundation
import Testing
import ZhauapDomain
import ZhauapStorage

/// Storage that answers only what a test scripted and records an issue for any other call: a test
/// states exactly which storage work a use case may do.
public struct ScriptedStorage: Storage {
    public var body: (@Sendable (UUID) -> AdministrativeBody?)?
    public var appeal: (@Sendable (UUID, UUID) -> (appeal: Appeal, trailLength: Int)?)?
    public var allowsTransaction = false

    public init(body: (@Sendable (UUID) -> AdministrativeBody?)? = nil,
                appeal: (@Sendable (UUID, UUID) -> (appeal: Appeal, trailLength: Int)?)? = nil, allowsTransaction: Bool = false) {
        self.body = body
        self.appeal = appeal
        self.allowsTransaction = allowsTransaction
    }

    struct UnexpectedCall: Error, CustomStringConvertible {
        var name: String
        var description: String { "unexpected storage call: \(name)" }
    }

    static func unexpected(_ name: String) -> UnexpectedCall {
        Issue.record("unexpected storage call: \(name)")
        return UnexpectedCall(name: name)
    }

    public var appeals: any AppealStore { Appeals(script: self) }
    public var organisation: any OrganisationDirectory { Directory(script: self) }
    public var files: any FileStore { Files() }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T {
        guard allowsTransaction else { throw Self.unexpected("transaction") }
        return try await body(self)
    }

    struct Directory: OrganisationDirectory {
        let script: ScriptedStorage
        func body(_ id: UUID) async throws -> AdministrativeBody? {
            guard let f = script.body else { throw ScriptedStorage.unexpected("body") }
            return f(id)
        }
        func bodies() async throws -> [AdministrativeBody] { throw ScriptedStorage.unexpected("bodies") }
        func actor(_ userID: UUID) async throws -> Actor? { throw ScriptedStorage.unexpected("actor") }
        func users(bodyID: UUID) async throws -> [Actor] { throw ScriptedStorage.unexpected("users") }
    }

    struct Appeals: AppealStore {
        let script: ScriptedStorage
        func nextSequence(bodyID: UUID, year: Int) async throws -> Int { throw ScriptedStorage.unexpected("nextSequence") }
        func insert(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date) async throws -> [TrailEntry] {
            throw ScriptedStorage.unexpected("insert")
        }
        func update(_ appeal: Appeal, events: [AppealEvent], actor: Actor, recordedAt: Date, expectedTrailLength: Int) async throws {
            throw ScriptedStorage.unexpected("update")
        }
        func appeal(_ id: UUID, bodyID: UUID) async throws -> (appeal: Appeal, trailLength: Int)? {
            guard let f = script.appeal else { throw ScriptedStorage.unexpected("appeal") }
            return f(id, bodyID)
        }
        func appeal(number: String, trackingCode: String) async throws -> Appeal? { throw ScriptedStorage.unexpected("appeal(number:)") }
        func trail(_ appealID: UUID) async throws -> [TrailEntry] { throw ScriptedStorage.unexpected("trail") }
        func worklist(_ query: WorklistQuery) async throws -> [WorklistRow] { throw ScriptedStorage.unexpected("worklist") }
        func openAppealIDs() async throws -> [(UUID, UUID)] { throw ScriptedStorage.unexpected("openAppealIDs") }
        func register(bodyID: UUID, day: CivilDate, after: Int, limit: Int) async throws -> [Appeal] {
            throw ScriptedStorage.unexpected("register")
        }
        func registerCount(bodyID: UUID, day: CivilDate) async throws -> Int { throw ScriptedStorage.unexpected("registerCount") }
        func statistics(bodyID: UUID, since: CivilDate) async throws -> BodyStatistics { throw ScriptedStorage.unexpected("statistics") }
        func idempotentAppealID(userID: UUID, key: String) async throws -> UUID? { throw ScriptedStorage.unexpected("idempotentAppealID") }
        func rememberIdempotency(userID: UUID, key: String, appealID: UUID, recordedAt: Date) async throws {
            throw ScriptedStorage.unexpected("rememberIdempotency")
        }

        func recordIdentificationRead(appealID: UUID, bodyID: UUID, userID: UUID, at: Date) async throws {
            throw ScriptedStorage.unexpected("recordIdentificationRead")
        }
        func nomenclature(bodyID: UUID, year: Int) async throws -> CaseNomenclature? { throw ScriptedStorage.unexpected("nomenclature") }
        func earlierAppeals(bodyID: UUID, applicantKey: String, limit: Int) async throws -> [RepeatCheck.Earlier] { [] }
        func setNomenclature(_ n: CaseNomenclature, bodyID: UUID, year: Int) async throws { throw ScriptedStorage.unexpected("setNomenclature") }
        func requestsNeedingAttention(bodyID: UUID, today: CivilDate, executorID: UUID?) async throws -> [RequestAlert] {
            throw ScriptedStorage.unexpected("requestsNeedingAttention")
        }
        func searchCases(bodyID: UUID, text: String, limit: Int) async throws -> [CaseHit] { throw ScriptedStorage.unexpected("searchCases") }
        func appealsWithObjections(bodyID: UUID, executorID: UUID?) async throws -> [UUID] { throw ScriptedStorage.unexpected("appealsWithObjections") }
        func appealsWithComplaintsToPass(bodyID: UUID) async throws -> [UUID] { throw ScriptedStorage.unexpected("appealsWithComplaintsToPass") }
        func search(_ search: AppealSearch) async throws -> [SearchHit] { throw ScriptedStorage.unexpected("search") }
    }

    struct Files: FileStore {
        func store(_ file: StoredFile, content: Data) async throws { throw ScriptedStorage.unexpected("store") }
        func content(sha256: String) async throws -> Data? { throw ScriptedStorage.unexpected("content") }
    }
}
