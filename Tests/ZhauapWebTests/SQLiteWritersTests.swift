import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// SQLite takes one writer at a time; registrations queue through group commit, but sign-ins, sessions and
/// reads of an IIN write on other connections at the same moment. A writer that finds the file busy waits
/// for the other's commit: no registration fails because someone was signing in.
@Suite("SQLite: writers on several connections wait for each other")
struct SQLiteWritersTests {
    @Test("R1: 60 registrations while 60 sign-ins fail at the same moment, on an SQLite file: every registration is stored")
    func registrationsDuringSignIns() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withZhauapApp(database: .sqliteFile(path: dir.appendingPathComponent("z.sqlite").path)) { app in
            let w = try await World.make(app)
            let service = app.appealService
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        do {
                            _ = try await service.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "№\(i)"),
                                                           actor: w.registrar, idempotencyKey: "k\(i)")
                            return true
                        } catch { return false }
                    }
                    group.addTask {
                        _ = try await SignInThrottleTests.login(app, "wrong", as: "nobody\(i % 7)")
                        return true
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) registrations failed")
            #expect(try await FluentAppealStore(database: app.db).verifyTrails().appeals == 60)
        }
    }
}
