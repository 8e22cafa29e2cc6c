import Fluent
import Foundation
import Testing
import WorkingCalendar
import ZhauapStorage
import ZhauapTestSupport

@Suite("Storage: calendar overrides on SQLite and PostgreSQL", .serialized)
struct CalendarOverrideStoreTests {
    @Test("PostgreSQL is configured when CI requires it")
    func postgresPresent() {
        if TestDatabases.postgresRequired { #expect(TestDatabases.postgresURL != nil) }
    }

    @Test("Overrides are stored whole and read back in order", arguments: TestDatabases.all)
    func roundTrip(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let store = FluentCalendarOverrideStore(database: app.db)
            #expect(try await store.latestOverrideID() == nil)
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let a = try await store.addOverride(content: override2028, contentSHA256: "aa", label: "2028-order-1",
                                                importedAt: now, importedBy: "admin")
            let b = try await store.addOverride(content: override2028, contentSHA256: "bb", label: "again",
                                                importedAt: now, importedBy: nil)
            #expect(b > a)
            #expect(try await store.latestOverrideID() == b)
            let all = try await store.overrides()
            #expect(all.map(\.id) == [a, b])
            #expect(all[0].content == override2028 && all[0].importedBy == "admin" && all[1].importedBy == nil)
            #expect(all[0].data.version == "2028-order-1")
            #expect(abs(all[0].importedAt.timeIntervalSince(now)) < 1)
        }
    }

    @Test("Importing a year changes the calendar in force for every instance over the database",
          arguments: TestDatabases.all)
    func importApplies(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let store = FluentCalendarOverrideStore(database: app.db)
            let first = CalendarProvider(store: store), second = CalendarProvider(store: store)
            let monday = try CivilDate(iso: "2028-03-20")
            #expect(try await second.current().isWorkingDay(monday))
            let cal = try await first.importOverride(Data(override2028.utf8), importedBy: "test", now: Date())
            #expect(try !cal.isWorkingDay(monday))
            #expect(cal.version.hasPrefix("kz-2026.11.24+2028-order-1#"))
            let seen = try await second.current()
            #expect(try !seen.isWorkingDay(monday))
            #expect(seen.version == cal.version)
            let stored = try await store.overrides()
            #expect(stored.count == 1 && stored[0].contentSHA256.count == 64)
        }
    }

    @Test("An invalid file is refused whole: every problem listed, nothing stored", arguments: TestDatabases.all)
    func importRefused(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let store = FluentCalendarOverrideStore(database: app.db)
            let provider = CalendarProvider(store: store)
            let bad = #"{"format":1,"version":"x","years":{"2028":{"status":"confirmed","transfers":[{"dayOff":"2028-03-18","act":{"issuer":"nobody"}}],"religiousDaysOff":[{"holiday":"nope","date":"2028-01-01"}]}}}"#
            await #expect(throws: CalendarError.self) {
                try await provider.importOverride(Data(bad.utf8), importedBy: nil, now: Date())
            }
            do {
                _ = try await provider.importOverride(Data(bad.utf8), importedBy: nil, now: Date())
            } catch let CalendarError.invalidData(problems) {
                #expect(problems.count >= 4, "\(problems)")
            }
            await #expect(throws: CalendarError.self) {
                try await provider.importOverride(Data("not json".utf8), importedBy: nil, now: Date())
            }
            #expect(try await store.overrides().isEmpty)
        }
    }
}

@Suite("Storage: SQLite durability and database URLs")
struct DatabaseSetupTests {
    @Test("An SQLite file runs in WAL mode with synchronous=FULL")
    func sqliteDurability() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("z.sqlite").path
        try await withZhauapApp(database: .sqliteFile(path: path)) { app in
            let pragmas = try await DatabaseHealth.sqlitePragmas(app.db)
            #expect(pragmas?.journalMode == "wal")
            #expect(pragmas?.synchronous == 2)
            #expect(await DatabaseHealth.ping(app.db) == nil)
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("DATABASE_URL forms are parsed, bad ones explained, passwords redacted")
    func urls() throws {
        #expect(try DatabaseLocation.parse("sqlite:///var/lib/zhauap/z.sqlite").get() == .sqliteFile(path: "/var/lib/zhauap/z.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite://z.sqlite").get() == .sqliteFile(path: "z.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite::memory:").get() == .sqliteMemory)
        let pg = try? DatabaseLocation.parse("postgres://app:secret@127.0.0.1:5432/zhauap").get()
        #expect(pg?.kind == "postgres")
        #expect(pg?.redacted.contains("secret") == false)
        for bad in ["mysql://x/y", "sqlite://", "postgres:///nodb", "postgres://host"] {
            #expect((try? DatabaseLocation.parse(bad).get()) == nil, "\(bad)")
        }
    }
}
