import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where Zhauap keeps its data: an SQLite file (the default), an in-memory SQLite database (tests), or
/// PostgreSQL (several stateless app instances over one database). Parsed from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultSQLitePath = "zhauap.sqlite"
    /// PostgreSQL connections an instance keeps per event loop.
    public static let postgresConnectionsPerLoop = 4
    /// How long a request waits for a free PostgreSQL connection before it fails.
    public static let postgresPoolWaitSeconds: Int64 = 60

    /// Accepts `sqlite:///absolute/path`, `sqlite://relative/path`, `sqlite::memory:`, `postgres://…`
    /// and `postgresql://…`. Returns a message naming the problem otherwise.
    public static func parse(_ url: String) -> Result<DatabaseLocation, DatabaseURLError> {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text == "sqlite::memory:" || text == "sqlite://:memory:" { return .success(.sqliteMemory) }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            return path.isEmpty ? .failure(.init("sqlite URL has no file path (sqlite:///path/to/zhauap.sqlite)"))
                : .success(.sqliteFile(path: path))
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let comps = URLComponents(string: text), comps.host?.isEmpty == false else {
                return .failure(.init("postgres URL needs a host (postgres://user:password@host:5432/database)"))
            }
            guard comps.path.count > 1 else { return .failure(.init("postgres URL needs a database name")) }
            return .success(.postgres(url: text))
        }
        return .failure(.init("unsupported scheme: use sqlite:///path or postgres://user:password@host/db"))
    }

    /// `sqlite` or `postgres`.
    public var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// A description safe for logs and `/health`: never the password.
    public var redacted: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var c = URLComponents(string: url) else { return "postgres://…" }
            if c.password != nil { c.password = "***" }
            return c.string ?? "postgres://…"
        }
    }

    public var databaseID: DatabaseID {
        switch self {
        case .sqliteFile, .sqliteMemory: .sqlite
        case .postgres: .psql
        }
    }

    public func configurationFactory() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(.file(path), sqlLogLevel: .debug)
        case .sqliteMemory:
            return .sqlite(.memory, sqlLogLevel: .debug)
        case .postgres(let url):
            // A body's registrations take its numbering row's lock one after another (R1: gapless numbers): in a
            // burst on a busy machine the last of them may wait its turn for longer than the pool's usual 10 s,
            // and an appeal is never refused (R1) for waiting. Four connections per event loop, so that pages
            // and reads are not queued behind the waiting registrations.
            return try .postgres(configuration: .init(url: url), maxConnectionsPerEventLoop: Self.postgresConnectionsPerLoop,
                                 connectionPoolTimeout: .seconds(Self.postgresPoolWaitSeconds), sqlLogLevel: .debug)
        }
    }
}

public struct DatabaseURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension DatabaseLocation: CustomStringConvertible {
    public var description: String { redacted }
}
