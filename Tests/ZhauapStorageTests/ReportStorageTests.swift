import Fluent
import FluentKit
import FluentSQL
import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapService
@testable import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

@Suite("Storage: migrations, statistics from columns, the journal and list order", .serialized)
struct ReportStorageTests {
    @Test("Migrations keep their names and order (installed databases have them recorded); new ones are appended")
    func migrationNames() {
        #expect(ZhauapMigrations.all.map(\.name) == [
            "0001-create-calendar-overrides", "0002-create-bodies-users-tokens", "0003-create-appeals", "0004-create-login-failures",
            "0005-add-user-language", "0006-add-user-session-epoch", "0007-add-appeal-report-columns", "0008-add-appeal-report-indexes",
            "0009-move-terms-and-sendings", "0010-add-worklist-columns", "0011-add-position-ru-and-contacts", "0012-create-identification-reads",
            "0013-create-web-sessions", "0014-create-sign-in-attempts", "0015-add-trail-coverage", "0016-create-case-file",
            "0017-create-search-index",
            "0018-add-applicant-key",
            "0019-reshape-search-index",
            "0020-create-law-registry", "0021-add-sending-delivery", "0022-add-open-arguments", "0023-index-waiting-arguments", "0024-index-applicant-recent",
        ])
    }

    /// Registers, assigns, confirms the kind and answers; `receivedAt` in 2024 makes the answer late.
    static func answered(_ s: AppealService, _ w: World, receivedAt: Date) async throws -> Appeal {
        let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: receivedAt), actor: w.registrar, idempotencyKey: nil).appeal
        _ = try await s.perform(.assign(executorID: w.executor.userID), on: a.id, actor: w.head)
        _ = try await s.perform(.confirmKind(.request, area: nil, special: nil), on: a.id, actor: w.executor)
        return try await s.perform(.answer(text: "Жауап", character: .explained), on: a.id, actor: w.executor)
    }

    @Test("R47: head statistics are counted from columns, not from documents or trail text", arguments: TestDatabases.all)
    func statistics(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            let onTime = try await Self.answered(s, w, receivedAt: app.now)
            let late = try await Self.answered(s, w, receivedAt: Date(timeIntervalSince1970: 1_706_155_200))  // 25 Jan 2024
            let open = try await s.register(Procedure.Draft(channel: .portal, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal
            _ = try await s.perform(.assign(executorID: w.executor.userID), on: open.id, actor: w.head)
            _ = try await s.perform(.requestRecusal(source: .selfRecusal, reason: "туысым"), on: open.id, actor: w.executor)
            let store = FluentAppealStore(database: app.db)
            let today = RegistrationDay.local(app.now, timeZone: w.bodyA.timeZone).date
            let st = try await store.statistics(bodyID: w.bodyA.id, since: today.adding(days: -30))
            #expect(st.answered == 2 && st.answeredOnTime == 1)
            #expect(st.byState == ["answered": 2, "under_consideration": 1])
            #expect(st.byKind == ["request": 2, "unknown": 1])
            #expect(st.openByExecutor == [w.executor.userID: 1])
            #expect(st.pendingRecusals.map(\.id) == [open.id])
            #expect(st.answeredPerDay == [today: 2])
            #expect(st.receivedPerDay.values.reduce(0, +) == 2, "the 2024 registration is before the window")
            // Counted from the columns: changing the trail's text changes nothing, changing the column does.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE appeal_events SET details = '{\"late\":\"false\"}' WHERE type = 'answered'").run()
            #expect(try await store.statistics(bodyID: w.bodyA.id, since: today).answeredOnTime == 1)
            try await sql.raw("UPDATE appeals SET answered_late = 0 WHERE id = \(bind: late.id)").run()
            #expect(try await store.statistics(bodyID: w.bodyA.id, since: today).answeredOnTime == 2)
            _ = onTime
            // Another body sees none of it.
            #expect(try await store.statistics(bodyID: w.bodyB.id, since: today).answered == 0)
        }
    }

    @Test("Stored columns follow the appeal: answered late or not, recusal and extension waiting only while open")
    func columns() throws {
        let body = AdministrativeBody(code: "AKM", nameKk: "А", nameRu: "А")
        let calendar = try WorkingDayCalendar.kazakhstan()
        let rules = try TermRules.bundled()
        let registrar = Actor(userID: UUID(), bodyID: body.id, name: "R", position: "", roles: [.registrar, .head])
        let executor = Actor(userID: UUID(), bodyID: body.id, name: "E", position: "", roles: [.executor])
        func context(_ actor: Actor, _ day: String) -> ProcedureContext {
            ProcedureContext(actor: actor, body: body, today: CivilDate(day)!, calendar: calendar, rules: rules)
        }
        let (a, _) = try Procedure.register(Procedure.Draft(channel: .paper, receivedAt: Date(timeIntervalSince1970: 1_706_155_200)), id: UUID(),
                                            sequence: 1, recordedAt: Date(), trackingCode: "ACDEFGHJ", context: context(registrar, "2024-01-25"))
        var c = try FluentAppealStore.columns(a)
        #expect(c.state == "registered" && c.answeredOn == nil && c.recusalPending == nil && c.extensionUntil == nil && c.nextDue != nil)
        let (assigned, _) = try Procedure.apply(.assign(executorID: executor.userID), to: a, context: context(registrar, "2024-01-25"))
        let (kind, _) = try Procedure.apply(.confirmKind(.request, area: nil, special: nil), to: assigned, context: context(executor, "2024-01-26"))
        let (asked, _) = try Procedure.apply(.requestExtension(until: CivilDate("2024-03-14")!, reason: "сараптама"), to: kind,
                                             context: context(executor, "2024-02-01"))
        c = try FluentAppealStore.columns(asked)
        #expect(c.extensionUntil == "2024-03-14")
        let (recusal, _) = try Procedure.apply(.requestRecusal(source: .selfRecusal, reason: "туысым"), to: kind, context: context(executor, "2024-01-29"))
        #expect(try FluentAppealStore.columns(recusal).recusalPending == 1)
        let due = try #require(kind.term(.consideration)?.due)
        let (inTime, _) = try Procedure.apply(.answer(text: "Жауап", character: .explained), to: kind, context: context(executor, due.description))
        c = try FluentAppealStore.columns(inTime)
        #expect(c.answeredOn == due.description && c.answeredLate == 0 && c.nextDue == nil)
        let (after, _) = try Procedure.apply(.answer(text: "Жауап", character: .explained), to: kind,
                                             context: context(executor, due.adding(days: 1).description))
        #expect(try FluentAppealStore.columns(after).answeredLate == 1)
        // Answered, the waiting extension request no longer counts as waiting.
        let (answeredAsked, _) = try Procedure.apply(.answer(text: "Жауап", character: .explained), to: asked, context: context(executor, "2024-02-02"))
        #expect(try FluentAppealStore.columns(answeredAsked).extensionUntil == nil)
    }

    @Test("The journal pages through one day in number order over the body-and-day index", arguments: TestDatabases.all)
    func journal(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            let received = Date(timeIntervalSince1970: 1_706_155_200)  // registered on 25 Jan 2024
            for _ in 0..<5 { _ = try await s.register(Procedure.Draft(channel: .paper, receivedAt: received), actor: w.registrar, idempotencyKey: nil) }
            _ = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil)
            let store = FluentAppealStore(database: app.db)
            let day = CivilDate("2024-01-25")!
            let first = try await store.register(bodyID: w.bodyA.id, day: day, limit: 3)
            #expect(first.map(\.registration.sequence) == [1, 2, 3])
            let rest = try await store.register(bodyID: w.bodyA.id, day: day, after: 3, limit: 3)
            #expect(rest.map(\.registration.sequence) == [4, 5])
            #expect(try await store.registerCount(bodyID: w.bodyA.id, day: day) == 5)
            #expect(try await store.register(bodyID: w.bodyB.id, day: day).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            if sql.dialect.name == "sqlite" {
                let plan = try await sql.raw("""
                    EXPLAIN QUERY PLAN SELECT document FROM appeals WHERE body_id = \(bind: w.bodyA.id) AND registered_on = '2024-01-25'
                      AND reg_sequence > 0 ORDER BY reg_sequence LIMIT 100
                    """).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                #expect(plan.contains("appeals_body_day") && !plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    @Test("Lists put appeals with nothing due after every appeal with a due date, on either database", arguments: TestDatabases.all)
    func listOrder(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            var ids: [UUID] = []
            for _ in 0..<4 { ids.append(try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal.id) }
            let sql = try #require(app.db as? any SQLDatabase)
            // The first two have nothing due (as closed appeals); the last is due before the third.
            try await sql.raw("UPDATE appeals SET next_due = NULL WHERE id IN (\(bind: ids[0]), \(bind: ids[1]))").run()
            try await sql.raw("UPDATE appeals SET next_due = '2000-01-01' WHERE id = \(bind: ids[3])").run()
            let store = FluentAppealStore(database: app.db)
            let all = try await store.worklist(WorklistQuery(bodyID: w.bodyA.id, limit: 10)).map(\.id)
            #expect(all == [ids[3], ids[2], ids[0], ids[1]])
            #expect(try await store.worklist(WorklistQuery(bodyID: w.bodyA.id, limit: 3)).map(\.id) == [ids[3], ids[2], ids[0]])
            var due = WorklistQuery(bodyID: w.bodyA.id, limit: 10)
            due.dueOnOrBefore = CivilDate("2000-01-02")
            #expect(try await store.worklist(due).map(\.id) == [ids[3]], "a due filter never lists appeals with nothing due")
            if sql.dialect.name == "sqlite" {
                let plan = try await sql.raw("""
                    EXPLAIN QUERY PLAN SELECT id FROM appeals WHERE body_id = \(bind: w.bodyA.id) AND next_due IS NULL ORDER BY reg_number LIMIT 100
                    """).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
            }
            // Open appeals only (the desk): with nothing due they are found by state, not by walking closed ones.
            var open = WorklistQuery(bodyID: w.bodyA.id, limit: 10)
            open.states = AppealState.open.map(\.rawValue)
            try await sql.raw("UPDATE appeals SET state = 'answered' WHERE id = \(bind: ids[0])").run()
            #expect(try await store.worklist(open).map(\.id) == [ids[3], ids[2], ids[1]])
        }
    }

    /// SQLite's plan for a statement, its steps joined.
    static func plan(_ sql: any SQLDatabase, _ statement: SQLQueryString) async throws -> String {
        try await sql.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
    }

    @Test("R8: the same applicant's latest appeals are read newest first from their own index, never by walking the body's appeals",
          arguments: TestDatabases.all)
    func earlierAppealsIndex(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            func register(_ surname: String, _ essence: String) async throws -> Appeal {
                try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now,
                                                     applicant: Applicant(surname: surname, givenName: "Ерлан", iin: nil, postalAddress: "Алматы, Абай 1"),
                                                     essence: essence), actor: w.registrar, idempotencyKey: nil).appeal
            }
            var mine: [Appeal] = []
            for i in 0..<4 { mine.append(try await register("Сапаров", "Жер учаскесі туралы \(i)")) }
            _ = try await register("Омаров", "Жол жөндеу")
            let key = try #require(mine[0].applicant.matchKey)
            let store = FluentAppealStore(database: app.db)
            let found = try await store.earlierAppeals(bodyID: w.bodyA.id, applicantKey: key, limit: 3)
            #expect(found.map(\.id) == [mine[3].id, mine[2].id, mine[1].id], "newest first, at most the limit, the other applicant's not among them")
            #expect(try await store.earlierAppeals(bodyID: w.bodyB.id, applicantKey: key, limit: 20).isEmpty)
            #expect(try await store.earlierAppeals(bodyID: w.bodyA.id, applicantKey: key, limit: 0).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            if sql.dialect.name == "sqlite" {
                let plan = try await Self.plan(sql, FluentAppealStore.earlierAppealsStatement(bodyID: w.bodyA.id, applicantKey: key, limit: 20))
                #expect(plan.contains("appeals_body_applicant_recent") && !plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    @Test("R40: appeals with unanswered objections are listed newest first from their own index, never by walking the body's appeals",
          arguments: TestDatabases.all)
    func waitingArguments(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            var ids: [UUID] = []
            for _ in 0..<5 { ids.append(try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal.id) }
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE appeals SET open_arguments = 2 WHERE id IN (\(bind: ids[1]), \(bind: ids[3]))").run()
            let store = FluentAppealStore(database: app.db)
            #expect(try await store.appealsWithObjections(bodyID: w.bodyA.id, executorID: nil) == [ids[3], ids[1]])
            #expect(try await store.appealsWithObjections(bodyID: w.bodyB.id, executorID: nil).isEmpty)
            #expect(try await store.appealsWithObjections(bodyID: w.bodyA.id, executorID: w.executor.userID).isEmpty)
            if sql.dialect.name == "sqlite" {
                let plan = try await Self.plan(sql, """
                    SELECT id FROM appeals INDEXED BY appeals_waiting_arguments WHERE body_id = \(bind: w.bodyA.id)
                    AND open_arguments > 0 ORDER BY reg_year DESC, reg_sequence DESC LIMIT 200
                    """)
                #expect(plan.contains("appeals_waiting_arguments") && !plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    struct Refused: Error {}

    @Test("Group commit: bodies that fail inside a shared transaction leave no trace, the others keep gapless numbers")
    func groupCommit() async throws {
        try await withZhauapApp { app in
            let writer = GroupCommit(database: app.db)
            let body = UUID()
            let outcomes = await withTaskGroup(of: Int?.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try? await writer.run { tx -> Int in
                            let n = try await FluentAppealStore(database: tx).nextSequence(bodyID: body, year: 2024)
                            if i % 3 == 0 { throw Refused() }  // after taking a number: it must be given back
                            return n
                        }
                    }
                }
                return await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            let numbers = outcomes.compactMap { $0 }.sorted()
            #expect(outcomes.count == 40 && numbers == Array(1...numbers.count) && numbers.count == 26)
            let next = try await writer.run { tx in try await FluentAppealStore(database: tx).nextSequence(bodyID: body, year: 2024) }
            #expect(next == 27)
        }
    }

    @Test("Registering writes the same trail it answers with, and the audit verifies it", arguments: TestDatabases.all)
    func registrationTrail(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let r = try await app.appealService.registerViewing(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar,
                                                                body: nil, idempotencyKey: "k-1")
            let stored = try await FluentAppealStore(database: app.db).trail(r.appeal.id)
            #expect(r.trail == stored && r.trail.count == 1 && !r.replayed)
            let again = try await app.appealService.registerViewing(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar,
                                                                    body: w.bodyA, idempotencyKey: "k-1")
            #expect(again.replayed && again.appeal.id == r.appeal.id && again.trail == stored)
            #expect(try await FluentAppealStore(database: app.db).verifyTrails().problems.isEmpty)
        }
    }
}
