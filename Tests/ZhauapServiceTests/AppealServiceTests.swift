import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport

/// A calendar that has no overrides (the shipped data).
struct NoOverrides: CalendarOverrideStore {
    func overrides() async throws -> [CalendarOverrideRecord] { [] }
    func latestOverrideID() async throws -> Int? { nil }
    func addOverride(content: String, contentSHA256: String, label: String, importedAt: Date, importedBy: String?) async throws -> Int { 0 }
}

/// Two bodies and their people, on storage in memory, with the clock pinned.
struct Office {
    static let a = AdministrativeBody(code: "ALM", nameKk: "Алматы қаласының әкімдігі", nameRu: "Акимат города Алматы")
    static let b = AdministrativeBody(code: "AST", nameKk: "Астана қаласының әкімдігі", nameRu: "Акимат города Астаны")
    static let registrar = Actor(userID: UUID(), bodyID: a.id, name: "Әлия Серікқызы", position: "тіркеуші", roles: [.registrar])
    static let executor = Actor(userID: UUID(), bodyID: a.id, name: "Арман Қасымов", position: "бас маман", roles: [.executor])
    static let head = Actor(userID: UUID(), bodyID: a.id, name: "Бақыт Омаров", position: "басшы", roles: [.head])
    static let executorB = Actor(userID: UUID(), bodyID: b.id, name: "Сергей Ким", position: "маман", roles: [.executor])

    let storage = InMemoryStorage(bodies: [a, b], actors: [registrar, executor, head, executorB])

    /// Local time in Kazakhstan (UTC+5 since 1 March 2024).
    static func kz(_ s: String) -> Date { ISO8601DateFormatter().date(from: s + "+05:00")! }

    func service(at moment: String) throws -> AppealService {
        AppealService(storage: storage, calendars: CalendarProvider(store: NoOverrides()), rules: try TermRules.bundled(),
                      serializeWrites: true, now: { Self.kz(moment) })
    }
}

@Suite("The appeal service: one transaction per step, effects carried out, on storage in memory")
struct AppealServiceTests {
    @Test("R1, R6: register, assign, forward whole to another body — the receiving body registers it, keeping the receipt")
    func forwardInsideInstallation() async throws {
        let office = Office()
        let s = try office.service(at: "2024-06-04T10:00:00")
        let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: Office.kz("2024-06-04T09:30:00"), essence: "Жол жөндеу"),
                                     actor: Office.registrar, idempotencyKey: nil).appeal
        _ = try await s.perform(.assign(executorID: Office.executor.userID), on: a.id, actor: Office.head)
        let forwarded = try await s.perform(.forward(targetBodyID: Office.b.id, targetName: Office.b.nameKk, demands: nil), on: a.id,
                                            actor: Office.executor)
        #expect(forwarded.state == .forwarded)
        let newID = try #require(forwarded.forwardings.last?.newAppealID)
        let received = try #require(office.storage.storedAppeals.first { $0.id == newID })
        #expect(received.bodyID == Office.b.id && received.registration.number == "AST-2024-00001")
        #expect(received.registration.receivedAt == a.registration.receivedAt)
        #expect(received.forwardedFromID == a.id)
        let trail = try await office.storage.appeals.trail(newID)
        #expect(trail.first?.details["forwarded_from"] == a.registration.number)
        #expect(try await office.storage.appeals.trail(a.id).map(\.type) == ["registered", "assigned", "forwarded"])
    }

    @Test("An effect that fails undoes the whole step: assigning another body's executor changes nothing")
    func failingEffectRollsBack() async throws {
        let office = Office()
        let s = try office.service(at: "2024-06-04T10:00:00")
        let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: Office.kz("2024-06-04T09:30:00")),
                                     actor: Office.registrar, idempotencyKey: nil).appeal
        await #expect(throws: ServiceError.invalidExecutor) {
            _ = try await s.perform(.assign(executorID: Office.executorB.userID), on: a.id, actor: Office.head)
        }
        let stored = try #require(try await office.storage.appeals.appeal(a.id, bodyID: Office.a.id))
        #expect(stored.appeal.state == .registered && stored.trailLength == 1)
    }

    @Test("APPC 64(3): after working hours a step is dated on the registration day, never the evening before it")
    func eveningStepDatedOnRegistrationDay() async throws {
        let office = Office()
        // Friday 7 June 2024, 23:46: registered on Monday 10 June.
        let s = try office.service(at: "2024-06-07T23:50:00")
        let a = try await s.register(Procedure.Draft(channel: .email, receivedAt: Office.kz("2024-06-07T23:46:00")),
                                     actor: Office.registrar, idempotencyKey: nil).appeal
        #expect(a.registration.registeredOn == CivilDate("2024-06-10"))
        _ = try await s.perform(.assign(executorID: Office.executor.userID), on: a.id, actor: Office.head)
        let trail = try await office.storage.appeals.trail(a.id)
        #expect(trail.map(\.legalDate) == [CivilDate("2024-06-10")!, CivilDate("2024-06-10")!])
    }

    @Test("Viewing another body's appeal reads that it is not there, and nothing else")
    func otherBodysAppeal() async throws {
        let script = ScriptedStorage(appeal: { _, _ in nil })
        let s = AppealService(storage: script, calendars: CalendarProvider(store: NoOverrides()), rules: try TermRules.bundled(),
                              serializeWrites: false)
        await #expect(throws: ServiceError.notFound) { _ = try await s.view(UUID(), actor: Office.executorB) }
    }

    @Test("A refused step reads the body and the appeal and writes nothing")
    func refusedStepWritesNothing() async throws {
        let office = Office()
        let a = try await office.service(at: "2024-06-04T10:00:00")
            .register(Procedure.Draft(channel: .paper, receivedAt: Office.kz("2024-06-04T09:30:00")), actor: Office.registrar,
                      idempotencyKey: nil).appeal
        let script = ScriptedStorage(body: { _ in Office.a }, appeal: { _, _ in (a, 1) }, allowsTransaction: true)
        let s = AppealService(storage: script, calendars: CalendarProvider(store: NoOverrides()), rules: try TermRules.bundled(),
                              serializeWrites: false, now: { Office.kz("2024-06-04T11:00:00") })
        await #expect(throws: ProcedureError.forbidden(action: "assign")) {
            _ = try await s.perform(.assign(executorID: Office.executor.userID), on: a.id, actor: Office.registrar)
        }
    }
}
