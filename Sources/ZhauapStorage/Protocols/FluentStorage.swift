import FluentKit

/// The stores over one Fluent database (SQLite or PostgreSQL); a transaction's stores run on the
/// transaction's connection.
public struct FluentStorage: Storage {
    let db: any Database
    /// SQLite's single writer with group commit; nil for PostgreSQL and inside a transaction.
    let group: GroupCommit?

    /// `groupCommit`: queue the transactions through one writer that commits them in groups (SQLite).
    public init(database: any Database, groupCommit: Bool = false) {
        db = database
        group = groupCommit ? GroupCommit(database: database) : nil
        memo = nil
    }

    /// What the transaction has read already (nil outside one).
    let memo: TransactionMemo?

    init(transaction tx: any Database) {
        db = tx
        group = nil
        memo = TransactionMemo()
    }

    /// Closes what the stores hold open of their own (SQLite's writer connection); the pool is the database's.
    public func close() async {
        await group?.close()
    }

    public var appeals: any AppealStore { FluentAppealStore(database: db, memo: memo) }
    public var organisation: any OrganisationDirectory { FluentOrganisationStore(database: db) }
    public var files: any FileStore { FluentFileStore(database: db) }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Storage) async throws -> T) async throws -> T {
        if let group { return try await group.run { tx in try await body(FluentStorage(transaction: tx)) } }
        return try await db.transaction { tx in try await body(FluentStorage(transaction: tx)) }
    }
}
