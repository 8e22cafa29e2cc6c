import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapStorage
import ZhauapWeb

/// The databases the storage tests run on: in-memory SQLite always, PostgreSQL when
/// `ZHAUAP_TEST_POSTGRES_URL` is set (CI sets it; with `ZHAUAP_REQUIRE_POSTGRES=1` its absence fails).
public enum TestDatabases {
    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["ZHAUAP_TEST_POSTGRES_URL"]
        return (url?.isEmpty ?? true) ? nil : url
    }

    public static var postgresRequired: Bool {
        ProcessInfo.processInfo.environment["ZHAUAP_REQUIRE_POSTGRES"] == "1"
    }

    public static var all: [DatabaseLocation] {
        [.sqliteMemory] + (postgresURL.map { [DatabaseLocation.postgres(url: $0)] } ?? [])
    }
}

/// Runs `body` with a configured, migrated application on `database`. On PostgreSQL each call gets a
/// database of its own (created from the given URL's server and dropped afterwards), so tests run in
/// parallel without seeing each other's rows.
/// The moment the tests' clock stands at unless a test moves it: Tuesday 9 June 2026, 11:00 in
/// Kazakhstan, a working day in working hours.
public let pinnedMoment = ISO8601DateFormatter().date(from: "2026-06-09T11:00:00+05:00")!

public func withZhauapApp(
    database: DatabaseLocation = .sqliteMemory,
    clock: TestClock = TestClock(pinnedMoment),
    _ body: (Application) async throws -> Void
) async throws {
    var location = database
    var scratch: (admin: String, name: String)? = nil
    if case .postgres(let url) = database {
        let name = "zhauap_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await PostgresScratch.run("CREATE DATABASE \(name)", on: url)
        scratch = (url, name)
        var c = URLComponents(string: url)!
        c.path = "/" + name
        location = .postgres(url: c.string!)
    }
    let app = try await Application.make(.testing)
    var failure: (any Error)? = nil
    do {
        try configure(app, config: AppConfig(database: location, host: "127.0.0.1", port: 0, logLevel: "warning"), now: { clock.now })
        try await prepareDatabase(app)
        try await body(app)
    } catch {
        failure = error
    }
    try? await app.asyncShutdown()
    if let scratch { try? await PostgresScratch.run("DROP DATABASE IF EXISTS \(scratch.name)", on: scratch.admin) }
    if let failure { throw failure }
}

/// Runs one statement on the PostgreSQL server of `url` (for creating and dropping test databases).
public enum PostgresScratch {
    /// A new empty database on the server of `url`; returns its URL.
    public static func create(on url: String) async throws -> (url: String, name: String) {
        let name = "zhauap_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await run("CREATE DATABASE \(name)", on: url)
        var c = URLComponents(string: url)!
        c.path = "/" + name
        return (c.string!, name)
    }

    public static func run(_ statement: String, on url: String) async throws {
        let app = try await Application.make(.testing)
        do {
            try configure(app, config: AppConfig(database: .postgres(url: url), host: "127.0.0.1", port: 0, logLevel: "warning"))
            guard let sql = app.db as? any SQLDatabase else { throw StorageError.notSQL }
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// A fresh temporary directory, removed by the caller.
public func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A valid override adding 2028 with a decreed transfer (Mon 20 Mar 2028 off, Sat 18 Mar worked).
public let override2028 = """
{"format": 1, "version": "2028-order-1",
 "years": {"2028": {"status": "confirmed",
    "religiousDaysOff": [{"holiday": "kurban-ait", "date": "2028-05-05", "source": "test fixture"}],
    "transfers": [{"dayOff": "2028-03-20", "workingDay": "2028-03-18",
                   "act": {"issuer": "labour-minister", "ref": "TEST-2028-1"}}]}}}
"""
