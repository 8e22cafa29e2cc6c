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

@Suite("R1: registration numbers at their edges, on SQLite and PostgreSQL", .serialized)
struct NumberingEdgeTests {
    /// Local time in Kazakhstan (UTC+5 since 1 March 2024).
    static func kz(_ s: String) -> Date { ISO8601DateFormatter().date(from: s + "+05:00")! }

    @Test("R1: the counter restarts with each year of the registration day, and each year keeps its own count", arguments: TestDatabases.all)
    func newYear(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            func number(_ at: String) async throws -> String {
                try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: Self.kz(at)), actor: w.registrar,
                                                     idempotencyKey: nil).appeal.registration.number
            }
            #expect(try await number("2024-12-27T10:00:00") == "AKM-2024-00001")
            #expect(try await number("2024-12-27T11:00:00") == "AKM-2024-00002")
            #expect(try await number("2025-01-09T10:00:00") == "AKM-2025-00001")
            #expect(try await number("2024-12-27T12:00:00") == "AKM-2024-00003")
            #expect(try await number("2025-01-09T11:00:00") == "AKM-2025-00002")
        }
    }

    @Test("R1: a registration that fails after its number was drawn gives the number back (drawn inside its transaction)",
          arguments: TestDatabases.all)
    func numberInsideTransaction(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let sql = try #require(app.db as? any SQLDatabase)
            // The database itself refuses one appeal, after the service has drawn its number.
            if sql.dialect.name == "sqlite" {
                try await sql.raw("""
                    CREATE TRIGGER refuse_marked BEFORE INSERT ON appeals WHEN NEW.document LIKE '%REFUSE-ME%'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """).run()
            } else {
                try await sql.raw("""
                    CREATE FUNCTION refuse_marked() RETURNS trigger AS $$ BEGIN
                      IF NEW.document LIKE '%REFUSE-ME%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql
                    """).run()
                try await sql.raw("CREATE TRIGGER refuse_marked BEFORE INSERT ON appeals FOR EACH ROW EXECUTE FUNCTION refuse_marked()").run()
            }
            let at = Self.kz("2024-06-04T10:00:00")
            await #expect(throws: (any Error).self) {
                _ = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: at, essence: "REFUSE-ME"),
                                                         actor: w.registrar, idempotencyKey: nil)
            }
            // Refused by the procedure (an executor does not register), also after the number was drawn.
            await #expect(throws: ProcedureError.forbidden(action: "register")) {
                _ = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: at), actor: w.executor, idempotencyKey: nil)
            }
            let next = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: at, essence: "ok"),
                                                            actor: w.registrar, idempotencyKey: nil).appeal
            #expect(next.registration.number == "AKM-2024-00001")
        }
    }
}
