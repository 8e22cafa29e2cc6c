import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport

/// APPC 65 (R6): the competence check is a step of its own that closes the forwarding term, so that an
/// appeal the body keeps never shows as overdue while its answer term runs.
@Suite("R6: the competence check and the worklist's terms")
struct CompetenceTests {
    /// Tuesday 4 June 2024, 09:30: the forwarding term ends on Thursday 6 June (3 working days, the day of
    /// arrival counted), the answer term 15 working days after registration.
    func registered(_ office: Office) async throws -> Appeal {
        try await office.service(at: "2024-06-04T10:00:00")
            .register(Procedure.Draft(channel: .paper, receivedAt: Office.kz("2024-06-04T09:30:00"),
                                      applicant: Applicant(kind: .individual, surname: "Нұрланова", givenName: "Айгерім"),
                                      essence: "Аулада түнгі жарық жоқ, шамдарды жөндеуді сұраймын"),
                      actor: Office.registrar, idempotencyKey: nil).appeal
    }

    @Test("R6: competent in whole — the registrar answers at once, the forwarding term is met, the worklist shows the answer term")
    func wholeClosesForwarding() async throws {
        let office = Office()
        let a = try await registered(office)
        #expect(a.term(.forwarding)?.due == CivilDate("2024-06-06"))
        #expect(Permissions.available(actor: Office.registrar, appeal: a).contains(.checkCompetence))
        let s = try office.service(at: "2024-06-05T10:00:00")
        let checked = try await s.perform(.checkCompetence(.whole), on: a.id, actor: Office.registrar)
        #expect(checked.competence?.competence == .whole && checked.competence?.decidedOn == CivilDate("2024-06-05"))
        #expect(checked.term(.forwarding) == nil)
        #expect(checked.terms.first { $0.purpose == .forwarding }?.status == .met)
        #expect(!Permissions.available(actor: Office.registrar, appeal: checked).contains(.checkCompetence))
        // Ten days later (past the forwarding term, before the answer term) nothing is overdue.
        let later = try office.service(at: "2024-06-14T10:00:00")
        let overdue = try await later.worklist(actor: Office.head, mine: false, dueWithinWorkingDays: nil, overdue: true, state: nil, kind: nil, limit: 10)
        #expect(overdue.isEmpty)
        let row = try #require(try await later.worklist(actor: Office.head, mine: false, dueWithinWorkingDays: nil, overdue: false,
                                                        state: nil, kind: nil, limit: 10).first)
        let final = try #require(checked.term(.consideration)?.due.description)
        #expect(final > "2024-06-14" && row.finalDue == final && row.nextDue == final && row.nearPurpose == nil)
        #expect(row.applicant == "Нұрланова Айгерім" && row.subject?.hasPrefix("Аулада түнгі жарық") == true)
    }

    @Test("R6: without the check the forwarding term is the nearest, named by its purpose, and overdue the day after it")
    func uncheckedForwardingTermIsNamed() async throws {
        let office = Office()
        let a = try await registered(office)
        let row = WorklistRow(a)
        #expect(row.nearPurpose == "forwarding" && row.nearDue == "2024-06-06" && row.finalDue == a.term(.consideration)?.due.description)
        for (moment, expected) in [("2024-06-06T17:00:00", 0), ("2024-06-07T10:00:00", 1)] {
            let s = try office.service(at: moment)
            let overdue = try await s.worklist(actor: Office.head, mine: false, dueWithinWorkingDays: nil, overdue: true, state: nil, kind: nil, limit: 10)
            #expect(overdue.count == expected, "on \(moment)")
        }
    }

    @Test("R6: competent in part or not at all — the forwarding term stays open until the demands are forwarded; late when after it")
    func partKeepsForwardingOpen() async throws {
        for competence in [Competence.part, .none] {
            let office = Office()
            let a = try await registered(office)
            let s = try office.service(at: "2024-06-06T12:00:00")
            let checked = try await s.perform(.checkCompetence(competence), on: a.id, actor: Office.head)
            #expect(checked.term(.forwarding)?.due == CivilDate("2024-06-06"))
            #expect(Permissions.available(actor: Office.head, appeal: checked).contains(.forward))
            let late = try office.service(at: "2024-06-07T12:00:00")
            let forwarded = try await late.perform(.forward(targetBodyID: nil, targetName: "Полиция департаменті",
                                                            demands: competence == .part ? ["Шу туралы"] : nil), on: a.id, actor: Office.head)
            #expect(forwarded.term(.forwarding) == nil)
            let trail = try await office.storage.appeals.trail(a.id)
            #expect(trail.first { $0.type == "forwarded" }?.details["late"] == "true")
            #expect(trail.first { $0.type == "competence_checked" }?.details["competence"] == competence.rawValue)
        }
    }

    @Test("R6: the check is late the day after the forwarding term, not on its last day")
    func lateFlagAtTheEdge() async throws {
        for (moment, late) in [("2024-06-05T10:00:00", "false"), ("2024-06-06T18:00:00", "false"), ("2024-06-07T09:00:00", "true")] {
            let office = Office()
            let a = try await registered(office)
            _ = try await office.service(at: moment).perform(.checkCompetence(.whole), on: a.id, actor: Office.registrar)
            let trail = try await office.storage.appeals.trail(a.id)
            #expect(trail.last?.details["late"] == late, "on \(moment)")
        }
    }

    @Test("R6: an area that is not the body's is refused, naming it; an executor not assigned may not answer the question")
    func refusals() async throws {
        let office = Office()
        let a = try await registered(office)
        let s = try office.service(at: "2024-06-05T10:00:00")
        await #expect(throws: ProcedureError.unknownArea("roads")) { _ = try await s.perform(.checkCompetence(.whole, area: "roads"), on: a.id, actor: Office.head) }
        await #expect(throws: ProcedureError.forbidden(action: "check_competence")) {
            _ = try await s.perform(.checkCompetence(.whole), on: a.id, actor: Office.executor)
        }
        let stored = try #require(try await office.storage.appeals.appeal(a.id, bodyID: Office.a.id))
        #expect(stored.appeal.competence == nil && stored.trailLength == 1)
    }

    @Test("APPC 9: while a recusal request waits, the executor it concerns takes no step; after a refusal he takes them again")
    func pendingRecusalBlocksTheExecutor() async throws {
        let office = Office()
        let a = try await registered(office)
        let s = try office.service(at: "2024-06-05T10:00:00")
        let assigned = try await s.perform(.assign(executorID: Office.executor.userID), on: a.id, actor: Office.head)
        #expect(Permissions.available(actor: Office.executor, appeal: assigned).contains(.checkCompetence))
        let recused = try await s.perform(.requestRecusal(source: .selfRecusal, reason: "Өтініш беруші — туысым"), on: a.id, actor: Office.executor)
        #expect(recused.recusalPending)
        #expect(Permissions.available(actor: Office.executor, appeal: recused).isEmpty)
        await #expect(throws: ProcedureError.self) { _ = try await s.perform(.checkCompetence(.whole), on: a.id, actor: Office.executor) }
        let refused = try await s.perform(.decideRecusal(accept: false, newExecutorID: nil), on: a.id, actor: Office.head)
        #expect(!refused.recusalPending && Permissions.available(actor: Office.executor, appeal: refused).contains(.checkCompetence))
    }

    @Test("The worklist's subject is the essence's start, cut at a word")
    func subjectCut() {
        #expect(WorklistRow.subject(of: "Қысқа мәтін") == "Қысқа мәтін")
        let long = String(repeating: "жол ", count: 40)
        let cut = WorklistRow.subject(of: long)
        #expect(cut.count <= 91 && cut.hasSuffix("жол…"))
        #expect(WorklistRow.subject(of: "бір\n\n  екі") == "бір екі")
    }
}
