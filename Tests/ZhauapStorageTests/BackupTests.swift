import Fluent
import FluentSQL
import Foundation
import SQLKit
import Vapor
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

/// Nothing lost, ever: a backup taken while appeals are being registered holds every appeal acknowledged
/// before it began, and its trails verify; restore never overwrites a database.
@Suite("Backups: a consistent copy under load, restored", .serialized)
struct BackupTests {
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [UUID] = []
        func add(_ id: UUID) { lock.withLock { ids.append(id) } }
        var all: [UUID] { lock.withLock { ids } }
        /// Those acknowledged when the backup began, and what the backup held.
        var before: [UUID] = []
        var summary = SQLiteBackup.Summary(appeals: 0, trailEntries: 0)
    }

    @Test("A backup under registration load holds every appeal acknowledged before it, and every chain verifies; restore refuses a live file")
    func underLoad() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let live = dir.appendingPathComponent("live.sqlite").path, copy = dir.appendingPathComponent("copy.sqlite").path
        let acked = Acknowledged()
        try await withZhauapApp(database: .sqliteFile(path: live)) { app in
            let w = try await World.make(app)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<4 {
                    group.addTask {
                        for n in 0..<40 {
                            let a = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "Жолданым \(i)-\(n)"),
                                                                         actor: w.registrar, idempotencyKey: nil).appeal
                            acked.add(a.id)
                        }
                    }
                }
                group.addTask {
                    // Once registrations are under way (a quarter acknowledged), while the rest go on.
                    while acked.all.count < 40 { try await Task.sleep(for: .milliseconds(2)) }
                    acked.before = acked.all
                    acked.summary = try await SQLiteBackup.backup(app.db, to: copy)
                }
                try await group.waitForAll()
            }
            #expect(acked.all.count == 160)
        }
        let before = acked.before
        #expect(before.count >= 40, "the backup ran while appeals were being registered")
        #expect(acked.summary.appeals >= before.count)
        try await withZhauapApp(database: .sqliteFile(path: copy)) { app in
            let store = FluentAppealStore(database: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let ids = Set(try await sql.raw("SELECT id FROM appeals").all().map { try $0.decode(column: "id", as: UUID.self) })
            #expect(before.allSatisfy(ids.contains), "every appeal acknowledged before the backup is in it")
            let (appeals, _, problems) = try await store.verifyTrails()
            #expect(appeals == ids.count && problems.isEmpty, "\(problems)")
        }
        #expect(throws: BackupError.self) { try SQLiteBackup.restore(from: copy, to: live) }
        let restored = dir.appendingPathComponent("restored.sqlite").path
        try SQLiteBackup.restore(from: copy, to: restored)
        #expect(FileManager.default.contentsEqual(atPath: copy, andPath: restored))
        try await withZhauapApp(database: .sqliteFile(path: live)) { app in
            await #expect(throws: BackupError.self, "a backup never overwrites a file") { _ = try await SQLiteBackup.backup(app.db, to: copy) }
        }
    }
}
