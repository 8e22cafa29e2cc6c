import Fluent
import FluentKit
import FluentSQL
import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap bench http`: the real server (`zhauap serve`, a subprocess on 127.0.0.1 with a port of its own
/// choosing) over a scratch database, measured over HTTP side by side with the raw database work in the
/// same run:
///
/// 1. raw durable one-row inserts (one transaction each, the server's synchronous settings) per second;
/// 2. registrations per second over HTTP (closed loop), and p50/p99 latency at a fixed offered rate;
/// 3. the "due within 3 working days" worklist per second over HTTP against the same SQL query in
///    process, and the server's resident memory;
/// 4. the head's page, the journal of a crowded day and the unfiltered list over a large database.
///
/// Every phase has a bounded number of requests and a time limit; the server is stopped at the end.
struct HTTPBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "appeals", help: "appeals to fill for the worklist and pages (default 100000)") var appeals: Int?
        @Option(name: "registrations", help: "registrations in the closed-loop phase (default 2000)") var registrations: Int?
        @Option(name: "concurrency", help: "requests in flight in the closed-loop phases (default 16)") var concurrency: Int?
        @Option(name: "rate", help: "offered registrations per second in the latency phase (default 500)") var rate: Int?
        @Option(name: "seconds", help: "length of the latency phase in seconds (default 5)") var seconds: Int?
        @Option(name: "worklists", help: "worklist requests (default 3000)") var worklists: Int?
        @Option(name: "raw-inserts", help: "raw one-row inserts (default 3000)") var rawInserts: Int?
        @Option(name: "server-log-level", help: "LOG_LEVEL of the server (default info, as in production)") var serverLogLevel: String?
        @Option(name: "database-url", help: "scratch database (default: a new SQLite file in the temp directory); it must be empty")
        var databaseURL: String?
        @Option(name: "file", help: "the SQLite file to fill (it must not exist) and keep afterwards, to look at its plans")
        var file: String?
    }

    var help: String { "Time registrations, worklists and pages over real HTTP against the raw database work" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let options = Options(appeals: s.appeals ?? 100_000, registrations: s.registrations ?? 2000, concurrency: s.concurrency ?? 16,
                              rate: s.rate ?? 500, seconds: s.seconds ?? 5, worklists: s.worklists ?? 3000,
                              rawInserts: s.rawInserts ?? 3000, serverLogLevel: s.serverLogLevel ?? "info")
        guard options.appeals >= 0, options.registrations > 0, options.concurrency > 0, options.rate > 0, options.seconds > 0,
              options.worklists > 0, options.rawInserts > 0 else { throw CLIError("every count must be positive") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-http-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let location: DatabaseLocation, url: String
        if let u = s.databaseURL {
            guard case .success(let l) = DatabaseLocation.parse(u) else { throw CLIError("--database-url is not valid") }
            location = l
            url = u
        } else {
            if let f = s.file, FileManager.default.fileExists(atPath: f) { throw CLIError("--file \(f) exists already") }
            let path = s.file ?? dir.appendingPathComponent("bench.sqlite").path
            location = .sqliteFile(path: path)
            url = "sqlite://" + path
        }
        let console = context.console
        let app = try await Application.make(.testing)
        let bench = Run(app: app, location: location, url: url, dir: dir, options: options, say: { console.print($0) })
        do {
            try configure(app, config: AppConfig(database: location, host: "127.0.0.1", port: 0, logLevel: "warning"))
            try await prepareDatabase(app)
            try await bench.all()
        } catch {
            bench.stopServer()
            try? await app.asyncShutdown()
            throw error
        }
        bench.stopServer()
        try await app.asyncShutdown()
    }

    struct Options {
        var appeals, registrations, concurrency, rate, seconds, worklists, rawInserts: Int
        var serverLogLevel: String
    }

    /// One run: the scratch database, the server process and the client.
    final class Run: @unchecked Sendable {
        let app: Application
        let location: DatabaseLocation
        let url: String
        let dir: URL
        let o: Options
        let say: (String) -> Void
        var server: Process?
        var port = 0
        let token = "bench-" + UUID().uuidString
        let password = "bench-password-" + UUID().uuidString
        let login = "bench-head"

        init(app: Application, location: DatabaseLocation, url: String, dir: URL, options: Options, say: @escaping (String) -> Void) {
            self.app = app
            self.location = location
            self.url = url
            self.dir = dir
            self.o = options
            self.say = say
        }

        var sql: any SQLDatabase { app.db as! any SQLDatabase }

        func all() async throws {
            guard app.db is any SQLDatabase else { throw StorageError.notSQL }
            say("zhauap bench http: \(location.kind), \(ProcessInfo.processInfo.activeProcessorCount) cores")
            // The bench's own body and a head who is also registrar and executor, with an API token.
            let bodies = (0..<10).map { i in AdministrativeBody(code: "B\(i)", nameKk: "Орган \(i)", nameRu: "Орган \(i)") }
            let org = FluentOrganisationStore(database: app.db)
            for b in bodies { try await org.add(b) }
            let body = bodies[3]
            let userID = try await org.addUser(bodyID: body.id, login: login, passwordHash: try app.password.hash(password),
                                               name: "Bench Head", position: "head", roles: [.head, .registrar, .executor])
            try await org.addToken(token, userID: userID, expiresAt: Date().addingTimeInterval(86_400))

            let document = String(repeating: "x", count: 2000)
            let raw = try await rawInserts(document: document)
            try await startServer()
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration(connections: max(o.concurrency, 64)))
            do {
                try await phases(client: client, raw: raw, bodies: bodies, body: body, userID: userID)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }

        static func clientConfiguration(connections: Int) -> HTTPClient.Configuration {
            var c = HTTPClient.Configuration()
            c.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
            c.timeout = .init(connect: .seconds(10), read: .seconds(60))
            return c
        }

        func phases(client: HTTPClient, raw: Double, bodies: [AdministrativeBody], body: AdministrativeBody, userID: UUID) async throws {
            // 2. Registrations, closed loop.
            _ = try await register(client, n: min(50, o.registrations), concurrency: 4)  // warm-up
            let cpu0 = serverCPUSeconds()
            let (regCount, regTime) = try await register(client, n: o.registrations, concurrency: o.concurrency)
            let cpu = (serverCPUSeconds() - cpu0) * 1000 / Double(regCount)
            let regRate = Double(regCount) / regTime
            say("registrations over HTTP: \(f0(regRate))/s (\(regCount) with \(o.concurrency) in flight, \(f1(regTime * 1000 / Double(regCount))) ms each on average, server CPU \(f2(cpu)) ms each)")
            say("  ratio to raw durable one-row inserts: \(f3(regRate / raw)) (target ≥ 0.5)")
            // Latency at a fixed offered rate (open loop: each request timed from its scheduled start).
            let lat = try await openLoop(client, rate: o.rate, seconds: o.seconds)
            say("registrations at \(o.rate) offered/s for \(o.seconds) s: p50 \(f1(lat.p50)) ms, p99 \(f1(lat.p99)) ms, max \(f1(lat.max)) ms, \(lat.failed) failed (target p99 ≤ 20 ms)")
            say("  server memory: \(memory())")

            // 3. Worklists over a large database.
            let template = try await sql.raw("SELECT document FROM appeals WHERE body_id = \(bind: body.id) LIMIT 1").first()?
                .decode(column: "document", as: String.self) ?? "{}"
            let today = RegistrationDay.local(Date(), timeZone: body.timeZone).date
            let journalDay = today.adding(days: -7)
            let t0 = ContinuousClock.now
            try await fill(bodies: bodies, document: template, today: today, journalDay: journalDay)
            say("filled \(o.appeals) appeals over 10 bodies in \(f1(seconds(since: t0))) s (documents \(template.utf8.count) bytes)")
            let calendar = try await app.calendarProvider.current()
            let q = try AppealService.query(bodyID: body.id, executorID: nil, today: today, calendar: calendar, dueWithinWorkingDays: 3,
                                            overdue: false, state: nil, kind: nil, limit: 100)
            // The statement the API runs for this worklist (`FluentAppealStore.worklistRows`), its columns and order.
            let rawSQL: SQLQueryString = """
                SELECT id, reg_number, state, kind, executor_id, registered_on, next_due, final_due, near_purpose, near_due, applicant, subject
                FROM appeals
                WHERE body_id = \(bind: body.id) AND next_due IS NOT NULL AND next_due >= \(bind: q.dueOnOrAfter!.description)
                AND next_due <= \(bind: q.dueOnOrBefore!.description) ORDER BY next_due, reg_number LIMIT 100
                """
            let sqlRows = try await sql.raw(rawSQL).all().count
            let sqlRate = try await closedLoop(n: o.worklists, concurrency: o.concurrency) { _ in
                _ = try await self.sql.raw(rawSQL).all()
            }
            let path = "/api/v1/appeals?dueWithin=3&mine=false"
            _ = try await get(client, path, bearer: true)
            let httpRows = try await get(client, path, bearer: true).body.map { String(buffer: $0) }?.components(separatedBy: "\"number\"").count ?? 1
            let wcpu0 = serverCPUSeconds()
            let httpRate = try await closedLoop(n: o.worklists, concurrency: o.concurrency) { _ in
                let r = try await self.get(client, path, bearer: true)
                guard r.status == .ok else { throw CLIError("worklist answered \(r.status.code)") }
            }
            let wcpu = (serverCPUSeconds() - wcpu0) * 1000 / Double(o.worklists)
            say("worklist 'due within 3 working days' over \(o.appeals) appeals (\(httpRows - 1) rows over HTTP, \(sqlRows) in SQL):")
            say("  HTTP \(f0(httpRate))/s (server CPU \(f2(wcpu)) ms each), the same SQL query in process \(f0(sqlRate))/s, ratio \(f3(httpRate / sqlRate)) (target ≥ 0.3)")
            say("  server memory: \(memory()) (target ≤ 150 MB)")

            // 4. Pages and the unfiltered list.
            let cookie = try await signIn(client)
            for (name, p) in [("head's page /head", "/head"), ("journal of a crowded day /journal", "/journal?day=\(journalDay)"),
                              ("unfiltered list GET /api/v1/appeals", "/api/v1/appeals?mine=false")] {
                var times: [Double] = []
                var status: UInt = 0
                for _ in 0..<7 {
                    let t = ContinuousClock.now
                    let r = p.hasPrefix("/api") ? try await get(client, p, bearer: true) : try await get(client, p, cookie: cookie)
                    times.append(seconds(since: t) * 1000)
                    status = r.status.code
                }
                times.sort()
                say("\(name): median \(f1(times[3])) ms, max \(f1(times.last!)) ms (status \(status); target ≤ 200 ms)")
            }
            let listRate = try await closedLoop(n: min(o.worklists, 1000), concurrency: o.concurrency) { _ in
                _ = try await self.get(client, "/api/v1/appeals?mine=false", bearer: true)
            }
            say("unfiltered list over HTTP: \(f0(listRate))/s")
            say("server memory at the end: \(memory()) (target ≤ 150 MB)")
        }

        // MARK: 1. Raw durable inserts

        /// One-row inserts, each its own transaction, on one connection with the server's settings (WAL and
        /// synchronous=FULL on SQLite).
        func rawInserts(document: String) async throws -> Double {
            try await sql.raw("CREATE TABLE bench_raw (id VARCHAR(36) PRIMARY KEY, body_id VARCHAR(36) NOT NULL, seq INTEGER NOT NULL, document TEXT NOT NULL)").run()
            let n = o.rawInserts
            let kind = location.kind
            let elapsed = try await app.db.withConnection { conn -> Double in
                guard let c = conn as? any SQLDatabase else { throw StorageError.notSQL }
                if kind == "sqlite" {
                    try await c.raw("PRAGMA journal_mode=WAL").run()
                    try await c.raw("PRAGMA synchronous=FULL").run()
                }
                let body = UUID().uuidString
                let t0 = ContinuousClock.now
                for i in 0..<n {
                    try await c.raw("INSERT INTO bench_raw (id, body_id, seq, document) VALUES (\(bind: UUID().uuidString), \(bind: body), \(bind: i), \(bind: document))").run()
                }
                return self.seconds(since: t0)
            }
            let rate = Double(n) / elapsed
            say("raw durable one-row inserts: \(f0(rate))/s (\(n), one transaction each, \(f3(elapsed * 1000 / Double(n))) ms each)")
            try await sql.raw("DROP TABLE bench_raw").run()
            return rate
        }

        // MARK: 2. Registrations

        static let registration = #"""
            {"channel":"paper","language":"kk","essence":"Жер учаскесін беруіңізді сұраймын. Прошу предоставить земельный участок.",
             "applicant":{"kind":"individual","surname":"Сапаров","givenName":"Ерлан","patronymic":"Бекұлы","iin":"900101300123",
             "postalAddress":"Алматы қ., Абай даңғылы 1","phone":"+77010000000"}}
            """#

        func register(_ client: HTTPClient, n: Int, concurrency: Int) async throws -> (Int, Double) {
            let t0 = ContinuousClock.now
            _ = try await closedLoop(n: n, concurrency: concurrency) { _ in
                let r = try await self.post(client, "/api/v1/appeals", body: Self.registration)
                guard r.status == .created else { throw CLIError("registration answered \(r.status.code): \(r.body.map { String(buffer: $0) } ?? "")") }
            }
            return (n, seconds(since: t0))
        }

        struct Latency { var p50, p99, max: Double; var failed: Int }

        func openLoop(_ client: HTTPClient, rate: Int, seconds duration: Int) async throws -> Latency {
            let total = rate * duration
            let start = ContinuousClock.now
            let interval = Duration.nanoseconds(1_000_000_000 / rate)
            let results = Results()
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<total {
                    let due = start + interval * i
                    try? await Task.sleep(until: due, clock: .continuous)
                    group.addTask {
                        var ok = false
                        if let r = try? await self.post(client, "/api/v1/appeals", body: Self.registration) { ok = r.status == .created }
                        let d = ContinuousClock.now - due
                        results.add(ok ? Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 : nil)
                    }
                }
                await group.waitForAll()
            }
            let (collected, failed) = results.values()
            var times = collected
            times.sort()
            guard !times.isEmpty else { return Latency(p50: .nan, p99: .nan, max: .nan, failed: failed) }
            return Latency(p50: times[times.count / 2], p99: times[min(times.count - 1, times.count * 99 / 100)], max: times.last!, failed: failed)
        }

        // MARK: 3. The fill

        /// Appeals spread over the bodies by raw multi-row inserts: due dates over a year around today (none for
        /// closed appeals), a quarter of body B3's appeals registered on `journalDay`, every document the same
        /// real one.
        func fill(bodies: [AdministrativeBody], document: String, today: CivilDate, journalDay: CivilDate) async throws {
            let states = ["registered", "under_consideration", "awaiting_correction", "answered", "terminated"]
            let kinds = ["request", "proposal", "report", "response", "complaint"]
            var rng = SplitMix64(seed: 42)
            var sequences = [Int](repeating: 0, count: bodies.count)
            let batch = 300
            var inserted = 0
            let now = Date()
            while inserted < o.appeals {
                let n = min(batch, o.appeals - inserted)
                var rows: [SQLQueryString] = []
                for _ in 0..<n {
                    let b = Int(rng.next() % UInt64(bodies.count))
                    sequences[b] += 1
                    let seq = sequences[b]
                    let state = states[Int(rng.next() % UInt64(states.count))]
                    let closed = state == "answered" || state == "terminated"
                    let kind: String? = state == "registered" ? nil : kinds[Int(rng.next() % UInt64(kinds.count))]
                    let due = closed ? nil : today.adding(days: Int(rng.next() % 365) - 120).description
                    let registered = b == 3 && seq % 4 == 0 ? journalDay : today.adding(days: -Int(rng.next() % 400))
                    // Answered appeals: the answer's day and whether it was late; one open appeal in 500 waits for a
                    // recusal decision, one in 500 for an extension decision.
                    let answered = state == "answered" ? min(today, registered.adding(days: Int(rng.next() % 30))).description : nil
                    let late: Int? = answered == nil ? nil : (rng.next() % 5 == 0 ? 1 : 0)
                    let recusal: Int? = !closed && rng.next() % 500 == 0 ? 1 : nil
                    let extensionUntil = !closed && rng.next() % 500 == 0 ? today.adding(days: 30).description : nil
                    rows.append("(\(bind: UUID()), \(bind: bodies[b].id), 2020, \(bind: seq), \(bind: "\(bodies[b].code)-2020-F\(seq)"), 'BENCHFIL', \(bind: registered.description), \(bind: state), \(bind: kind), NULL, \(bind: due), \(bind: document), 1, 'x', \(bind: now), \(bind: answered), \(bind: late), \(bind: recusal), \(bind: extensionUntil))")
                }
                let statement: SQLQueryString = """
                    INSERT INTO appeals (id, body_id, reg_year, reg_sequence, reg_number, tracking_code, registered_on, state, kind,
                      executor_id, next_due, document, trail_length, trail_head, updated_at, answered_on, answered_late, recusal_pending,
                      extension_until) VALUES \(rows.joined(separator: ", "))
                    """
                try await app.db.transaction { tx in try await (tx as! any SQLDatabase).raw(statement).run() }
                inserted += n
                if inserted % 200_000 == 0 { say("  \(inserted) appeals…") }
            }
            if location.kind == "sqlite" { try await sql.raw("ANALYZE").run() } else { try await sql.raw("ANALYZE appeals").run() }
        }

        // MARK: The server

        func startServer() async throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            p.arguments = ["serve", "--hostname", "127.0.0.1", "--port", "0"]
            p.currentDirectoryURL = dir
            var env = ProcessInfo.processInfo.environment
            env["DATABASE_URL"] = url
            env["LOG_LEVEL"] = o.serverLogLevel
            env["CHROMIUM_PATH"] = "off"
            env["PORT"] = nil
            env["HOST"] = nil
            p.environment = env
            let err = dir.appendingPathComponent("serve.err")
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = try FileHandle(forWritingTo: err)
            try p.run()
            server = p
            for _ in 0..<600 {
                try await Task.sleep(for: .milliseconds(100))
                // Only the first few kilobytes: the start-up lines.
                let log = (try? FileHandle(forReadingFrom: err).read(upToCount: 8192)).flatMap { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ""
                if let r = log.range(of: "Server started on http://127.0.0.1:") {
                    let digits = log[r.upperBound...].prefix { $0.isNumber }
                    if let port = Int(digits) {
                        self.port = port
                        say("server: pid \(p.processIdentifier), http://127.0.0.1:\(port), LOG_LEVEL=\(o.serverLogLevel)")
                        return
                    }
                }
                if !p.isRunning { break }
            }
            stopServer()
            throw CLIError("zhauap serve did not start; see its log")
        }

        func stopServer() {
            guard let p = server, p.isRunning else { return }
            kill(p.processIdentifier, SIGINT)
            for _ in 0..<100 where p.isRunning { usleep(50_000) }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
        }

        /// User and system CPU time the server process has used (from /proc/<pid>/stat, in clock ticks).
        func serverCPUSeconds() -> Double {
            guard let pid = server?.processIdentifier, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = text.lastIndex(of: ")") else { return .nan }
            // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
            return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        }

        /// VmRSS (and the peak, VmHWM) of the server process.
        func memory() -> String {
            guard let pid = server?.processIdentifier,
                  let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return "unknown" }
            func field(_ name: String) -> String {
                guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                      let kb = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }?.trimmingCharacters(in: .whitespaces) ?? "")
                else { return "?" }
                return "\(kb / 1024) MB"
            }
            return "VmRSS \(field("VmRSS")), peak VmHWM \(field("VmHWM"))"
        }

        // MARK: HTTP

        func post(_ client: HTTPClient, _ path: String, body: String) async throws -> HTTPClient.Response {
            var headers = HTTPHeaders()
            headers.add(name: "authorization", value: "Bearer \(token)")
            headers.add(name: "content-type", value: "application/json")
            let req = try HTTPClient.Request(url: "http://127.0.0.1:\(port)\(path)", method: .POST, headers: headers, body: .string(body))
            return try await client.execute(request: req).get()
        }

        func get(_ client: HTTPClient, _ path: String, bearer: Bool = false, cookie: String? = nil) async throws -> HTTPClient.Response {
            var headers = HTTPHeaders()
            if bearer { headers.add(name: "authorization", value: "Bearer \(token)") }
            if let cookie { headers.add(name: "cookie", value: cookie) }
            let req = try HTTPClient.Request(url: "http://127.0.0.1:\(port)\(path)", method: .GET, headers: headers)
            return try await client.execute(request: req).get()
        }

        /// Signs in through `POST /session`; returns the session cookie.
        func signIn(_ client: HTTPClient) async throws -> String {
            var headers = HTTPHeaders()
            headers.add(name: "content-type", value: "application/json")
            let body = try String(decoding: JSONEncoder().encode(["login": login, "password": password]), as: UTF8.self)
            let req = try HTTPClient.Request(url: "http://127.0.0.1:\(port)/session", method: .POST, headers: headers, body: .string(body))
            let r = try await client.execute(request: req).get()
            guard r.status == .ok, let set = r.headers.first(name: "set-cookie"), let pair = set.split(separator: ";").first else {
                throw CLIError("signing in answered \(r.status.code)")
            }
            return String(pair)
        }

        // MARK: Helpers

        /// Runs `n` operations with `concurrency` in flight; returns operations per second.
        func closedLoop(n: Int, concurrency: Int, _ op: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
            let next = Counter()
            let t0 = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        while let i = next.take(below: n) { try await op(i) }
                    }
                }
                try await group.waitForAll()
            }
            return Double(n) / seconds(since: t0)
        }

        func seconds(since t: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - t
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }

        func f0(_ x: Double) -> String { String(format: "%.0f", x) }
        func f1(_ x: Double) -> String { String(format: "%.1f", x) }
        func f2(_ x: Double) -> String { String(format: "%.2f", x) }
        func f3(_ x: Double) -> String { String(format: "%.3f", x) }
    }

    /// Latencies collected from concurrent requests (nil: a failed request).
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Double] = []
        private var failed = 0

        func add(_ t: Double?) {
            lock.lock()
            defer { lock.unlock() }
            if let t { times.append(t) } else { failed += 1 }
        }

        func values() -> ([Double], Int) {
            lock.lock()
            defer { lock.unlock() }
            return (times, failed)
        }
    }

    /// Hands out 0, 1, 2 … to the workers of a closed loop.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below n: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < n else { return nil }
            value += 1
            return value - 1
        }
    }
}
