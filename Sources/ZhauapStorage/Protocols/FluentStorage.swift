import FluentKit

/// The stores over one Fluent database (SQLite or PostgreSQL); a transaction's stores run on the
/// transaction's connection.
public struct FluentStorage: Storage {
    let db: any Database

    public init(database: any Database) { db = database }

    public var appeals: any AppealStore { FluentAppealStore(database: db) }
    public var organisation: any OrganisationDirectory { FluentOrganisationStore(database: db) }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T {
        try await db.transaction { tx in try await body(FluentStorage(database: tx)) }
    }
}
