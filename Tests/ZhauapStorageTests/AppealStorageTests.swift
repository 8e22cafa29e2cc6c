import Fluent
import FluentKit
import FluentSQL
import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

@Suite("Storage: appeals, numbering and the trail on SQLite and PostgreSQL", .serialized)
struct AppealStorageTests {
    @Test("R1: concurrent registrations get unique, gapless numbers", arguments: TestDatabases.all)
    func concurrentNumbering(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let service = app.appealService
            let received = Date(timeIntervalSince1970: 1_706_155_200)  // 25 Jan 2024 04:00 UTC, a working day in Kazakhstan
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await service.register(Procedure.Draft(channel: .paper, receivedAt: received, essence: "№\(i)"),
                                                   actor: w.registrar, idempotencyKey: nil).appeal.registration.number
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers).count == 40)
            #expect(numbers.sorted() == (1...40).map { String(format: "AKM-2024-%05d", $0) })
        }
    }

    @Test("R45: audit verification catches an edited, a deleted and a reordered trail entry", arguments: TestDatabases.all)
    func tamper(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            var ids: [UUID] = []
            for _ in 0..<3 {
                let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal
                _ = try await s.perform(.assign(executorID: w.executor.userID), on: a.id, actor: w.head)
                _ = try await s.perform(.confirmKind(.request, area: nil, special: nil), on: a.id, actor: w.executor)
                ids.append(a.id)
            }
            let store = FluentAppealStore(database: app.db)
            #expect(try await store.verifyTrails().problems.isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE appeal_events SET reason = 'edited' WHERE appeal_id = \(bind: ids[0]) AND seq = 2").run()
            try await sql.raw("DELETE FROM appeal_events WHERE appeal_id = \(bind: ids[1]) AND seq = 3").run()
            try await sql.raw("UPDATE appeal_events SET seq = 9 WHERE appeal_id = \(bind: ids[2]) AND seq = 1").run()
            let problems = try await store.verifyTrails().problems.joined(separator: "\n")
            let numbers = try await ids.asyncMap { try await store.appeal($0, bodyID: w.bodyA.id)!.appeal.registration.number }
            #expect(problems.contains("\(numbers[0]): entry 2 was changed"))
            #expect(problems.contains("\(numbers[1]): the trail has 2 entries"))
            #expect(problems.contains("\(numbers[2]): entry 1 is missing or out of order"))
        }
    }

    @Test("A step that fails stores nothing: the appeal and its trail stay as they were", arguments: TestDatabases.all)
    func atomic(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let s = app.appealService
            let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now), actor: w.registrar, idempotencyKey: nil).appeal
            await #expect(throws: ProcedureError.self) { try await s.perform(.answer(text: "x", character: .explained), on: a.id, actor: w.registrar) }
            await #expect(throws: ServiceError.invalidTarget) {
                try await s.perform(.forward(targetBodyID: UUID(), targetName: "x", demands: nil), on: a.id, actor: w.head)
            }
            let view = try await s.view(a.id, actor: w.head)
            #expect(view.appeal == a && view.trail.count == 1)
            await #expect(throws: ServiceError.notFound) { try await s.view(a.id, actor: w.outsider) }
        }
    }
}

@Suite("R14: a calendar change recomputes open terms")
struct RecomputeTests {
    @Test("R14: importing a decree moves open due dates and records it on each affected appeal")
    func recompute() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let s = app.appealService
            let receivedAt = ISO8601DateFormatter().date(from: "2028-03-14T10:00:00+05:00")!
            let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: receivedAt), actor: w.registrar, idempotencyKey: nil).appeal
            let closed = try await s.register(Procedure.Draft(channel: .paper, receivedAt: receivedAt), actor: w.registrar, idempotencyKey: nil).appeal
            _ = try await s.perform(.terminate(ground: .withdrawn, note: "кері алынды"), on: closed.id, actor: w.head)
            let before = try #require(a.term(.consideration)?.due)
            let decree = #"{"format":1,"version":"2028-test","years":{"2028":{"status":"confirmed","transfers":[{"dayOff":"2028-03-28","act":{"issuer":"labour-minister","ref":"TEST"}}]}}}"#
            _ = try await app.calendarProvider.importOverride(Data(decree.utf8), importedBy: "test", now: app.now)
            #expect(try await s.recomputeOpenTerms() == 1)
            let view = try await s.view(a.id, actor: w.head)
            let after = try #require(view.appeal.term(.consideration)?.due)
            #expect(after == before.adding(days: 1) || after > before)
            let entry = try #require(view.trail.last)
            #expect(entry.type == "term_recomputed" && entry.details["calendar"]?.contains("2028-test") == true)
            #expect(entry.actorName == "Zhauap")
            #expect(try await s.recomputeOpenTerms() == 0)  // nothing moves twice
            #expect(try await FluentAppealStore(database: app.db).verifyTrails().problems.isEmpty)
        }
    }
}

extension Array {
    func asyncMap<T>(_ f: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await f(e)) }
        return out
    }
}

@Suite("Storage: SQLite file under mixed concurrent writes")
struct SQLiteConcurrencyTests {
    @Test("R1: registrations, steps and other writes at once on one SQLite file all succeed, numbers gapless")
    func mixedWrites() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withZhauapApp(database: .sqliteFile(path: dir.appendingPathComponent("z.sqlite").path)) { app in
            let w = try await World.make(app)
            let service = app.appealService
            let store = FluentOrganisationStore(database: app.db)
            let received = Date(timeIntervalSince1970: 1_706_155_200)
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                // 15 writers at once: enough to interleave every kind of write, few enough that a busy CI machine
                // running the whole suite in parallel never waits past the pool's timeout for its turn.
                for i in 0..<15 {
                    group.addTask {
                        switch i % 3 {
                        case 0:
                            let a = try await service.register(Procedure.Draft(channel: .paper, receivedAt: received), actor: w.registrar,
                                                               idempotencyKey: nil).appeal
                            _ = try await service.perform(.assign(executorID: w.executor.userID), on: a.id, actor: w.head)
                            return a.registration.number
                        case 1:
                            return try await service.register(Procedure.Draft(channel: .email, receivedAt: received), actor: w.registrar,
                                                              idempotencyKey: "k\(i)").appeal.registration.number
                        default:
                            try await store.addToken("t\(i)-\(UUID())", userID: w.executor.userID, expiresAt: app.now.addingTimeInterval(60))
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { if let n = $1 { $0.append(n) } }
            }
            #expect(numbers.sorted() == (1...10).map { String(format: "AKM-2024-%05d", $0) })
            #expect(try await FluentAppealStore(database: app.db).verifyTrails().problems.isEmpty)
        }
    }
}
