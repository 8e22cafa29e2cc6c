import Fluent
import FluentSQL
import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap bench worklist`: fills a scratch database with appeals and times the "due within 3 working
/// days" worklist of one body (the index-backed query the API runs). Build with `-c release`.
struct WorklistBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "appeals", help: "appeals to create (default 1000000)") var appeals: Int?
        @Option(name: "runs", help: "timed queries (default 50)") var runs: Int?
        @Option(name: "database-url", help: "scratch database (default: a new SQLite file in the temp directory)")
        var databaseURL: String?
    }

    var help: String { "Time the 'due within 3 working days' worklist over many appeals" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let total = s.appeals ?? 1_000_000, runs = s.runs ?? 50
        guard total > 0, runs > 0 else { throw CLIError("--appeals and --runs must be positive") }
        let (location, path) = try BenchDatabase.location(s.databaseURL)
        defer { BenchDatabase.remove(path) }
        let app = try await Application.make(.testing)
        do {
            try configure(app, config: AppConfig(database: location, host: "127.0.0.1", port: 0, logLevel: "warning"))
            try await prepareDatabase(app)
            let result = try await Self.measure(app, total: total, runs: runs, console: context.console)
            context.console.print(result)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func measure(_ app: Application, total: Int, runs: Int, console: any Console) async throws -> String {
        guard let sql = app.db as? any SQLDatabase else { throw StorageError.notSQL }
        let bodies = (0..<10).map { i in AdministrativeBody(code: "B\(i)", nameKk: "Орган \(i)", nameRu: "Орган \(i)") }
        let store = FluentOrganisationStore(database: app.db)
        for b in bodies { try await store.add(b) }
        let calendar = try await app.calendarProvider.current()
        let today = CivilDate(year: 2026, month: 11, day: 24)!
        let states = ["registered", "under_consideration", "awaiting_correction", "answered", "terminated"]
        var rng = SplitMix64(seed: 42)
        let started = ContinuousClock.now
        let batch = 500
        var inserted = 0
        while inserted < total {
            let n = min(batch, total - inserted)
            var rows: [SQLQueryString] = []
            for k in 0..<n {
                let i = inserted + k
                let body = bodies[Int(rng.next() % UInt64(bodies.count))]
                let state = states[Int(rng.next() % UInt64(states.count))]
                // Due dates spread over a year around today; closed appeals have none.
                let due = state == "answered" || state == "terminated" ? nil : today.adding(days: Int(rng.next() % 365) - 120).description
                rows.append("(\(bind: UUID()), \(bind: body.id), 2026, \(bind: i + 1), \(bind: "B-\(i + 1)"), 'X', '2026-01-01', \(bind: state), NULL, NULL, \(bind: due), '{}', 0, '', \(bind: Date()))")
            }
            let statement: SQLQueryString = """
                INSERT INTO appeals (id, body_id, reg_year, reg_sequence, reg_number, tracking_code, registered_on, state, kind,
                  executor_id, next_due, document, trail_length, trail_head, updated_at) VALUES \(rows.joined(separator: ", "))
                """
            try await app.db.transaction { tx in
                guard let tx = tx as? any SQLDatabase else { throw StorageError.notSQL }
                try await tx.raw(statement).run()
            }
            inserted += n
            if inserted % 100_000 == 0 { console.print("  \(inserted) appeals…") }
        }
        let fill = ContinuousClock.now - started
        try await sql.raw("ANALYZE").run()
        let q = try AppealService.query(bodyID: bodies[3].id, executorID: nil, today: today, calendar: calendar,
                                        dueWithinWorkingDays: 3, overdue: false, state: nil, kind: nil, limit: 100)
        let appeals = FluentAppealStore(database: app.db)
        var times: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let t0 = ContinuousClock.now
            rows = try await appeals.worklist(q).count
            let d = ContinuousClock.now - t0
            times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }
        times.sort()
        let plan = try await sql.raw(SQLQueryString(sql.dialect.name == "sqlite"
            ? "EXPLAIN QUERY PLAN SELECT id FROM appeals WHERE body_id = '\(bodies[3].id)' AND next_due IS NOT NULL AND next_due >= '\(q.dueOnOrAfter!)' AND next_due <= '\(q.dueOnOrBefore!)' ORDER BY next_due LIMIT 100"
            : "EXPLAIN SELECT id FROM appeals WHERE body_id = '\(bodies[3].id)' AND next_due >= '\(q.dueOnOrAfter!)' AND next_due <= '\(q.dueOnOrBefore!)' ORDER BY next_due LIMIT 100"))
            .all().map { row in (try? row.decode(column: sql.dialect.name == "sqlite" ? "detail" : "QUERY PLAN", as: String.self)) ?? "?" }
        return """
            worklist "due within 3 working days" (\(q.dueOnOrAfter!)…\(q.dueOnOrBefore!)), one body of 10, \(total) appeals on \(sql.dialect.name):
              filled in \(fill)
              \(rows) rows per answer; median \(String(format: "%.2f", times[times.count / 2])) ms, p95 \(String(format: "%.2f", times[min(times.count - 1, times.count * 95 / 100)])) ms, max \(String(format: "%.2f", times.last!)) ms over \(runs) runs
              plan: \(plan.joined(separator: "; "))
            """
    }
}

/// The scratch database a benchmark runs on: the one named, or a new SQLite file in the temp directory.
enum BenchDatabase {
    static func location(_ url: String?) throws -> (DatabaseLocation, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-bench-\(UUID().uuidString).sqlite").path
        guard let url else { return (.sqliteFile(path: path), path) }
        guard case .success(let l) = DatabaseLocation.parse(url) else { throw CLIError("--database-url is not valid") }
        return (l, path)
    }

    /// Removes the scratch SQLite file and its journal (nothing when another database was named).
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
