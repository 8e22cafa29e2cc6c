import FluentKit
import FluentSQL
import NIOCore
import SQLKit
import FluentSQLiteDriver

/// The writer's connection as a Fluent and SQLKit database, inside the writer's open transaction: every
/// statement runs synchronously on `SQLiteHandle` (prepared once, kept), so the stores' code works on it
/// unchanged and a registration's statements follow each other without leaving the writer's thread.
struct WriterDatabase: Database, SQLDatabase {
    let handle: SQLiteHandle
    let context: DatabaseContext
    let queryLogLevel: Logger.Level?

    var inTransaction: Bool { true }
    var dialect: any SQLDialect { SQLiteDialect() }
    var version: (any SQLDatabaseReportedVersion)? { nil }

    /// Runs a statement with its values already encoded for SQLite; returns its rows.
    func run(_ sql: String, _ binds: [SQLiteData]) throws -> [WriterRow] {
        if let level = queryLogLevel { logger.log(level: level, "writer statement", metadata: ["sql": .string(sql)]) }  // the text, never the values
        let result = try handle.query(sql, binds)
        let names = WriterRow.Names(result.columns)
        return result.rows.map { WriterRow(names: names, values: $0) }
    }

    private func run(_ expression: any SQLExpression, _ onRow: @Sendable (any SQLRow) -> Void) throws {
        var serializer = SQLSerializer(database: self)
        expression.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        for row in try run(serializer.sql, try serializer.binds.map { try encoder.encode($0) }) { onRow(row) }
    }

    // SQLDatabase

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    // Database (Fluent's models, through FluentSQL's converter with SQLite's data types)

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        var expression = SQLQueryConverter(delegate: WriterConverterDelegate()).convert(query)
        // As SQLite's Fluent driver does: a created row returns its generated id.
        if case .create = query.action, query.customIDKey != .some(.string("")) {
            expression = SQLKit.SQLList([expression, SQLReturning(.init((query.customIDKey ?? .id).description))], separator: SQLRaw(" "))
        }
        return execute(sql: expression) { onOutput(WriterOutput(row: $0, schema: nil)) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        execute(sql: SQLSchemaConverter(delegate: WriterConverterDelegate()).convert(schema)) { _ in }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { eventLoop.makeSucceededVoidFuture() }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { closure(self) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> { closure(self) }
}

/// A row the writer read: SQLite's values with their column names, decoded as SQLite's driver decodes them.
struct WriterRow: SQLRow {
    /// The statement's column names with their positions, shared by its rows.
    final class Names: Sendable {
        let all: [String]
        let index: [String: Int]
        init(_ names: [String]) {
            all = names
            index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let names: Names
    let values: [SQLiteData]

    var allColumns: [String] { names.all }
    func value(_ column: String) -> SQLiteData? { names.index[column].map { values[$0] } }
    func contains(column: String) -> Bool { names.index[column] != nil }
    func decodeNil(column: String) throws -> Bool { (value(column) ?? .null) == .null }
    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let v = value(column) else { throw StorageError.unreadableRecord("no column \(column)") }
        return try SQLiteDataDecoder().decode(D.self, from: v)
    }
}

/// A writer's row as a Fluent model's output (columns of a joined schema are prefixed `schema_`).
struct WriterOutput: DatabaseOutput {
    let row: any SQLRow
    let schema: String?

    var description: String { String(describing: row) }
    private func column(_ key: FieldKey) -> String { (schema.map { .prefix(.prefix(.string($0), "_"), key) } ?? key).description }
    func schema(_ schema: String) -> any DatabaseOutput { WriterOutput(row: row, schema: schema) }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: column(key)) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: column(key)) }
    func decode<T: Decodable>(_ key: FieldKey, as: T.Type) throws -> T { try row.decode(column: column(key), as: T.self) }
}

/// SQLite's column types for Fluent's data types, as SQLite's Fluent driver maps them.
struct WriterConverterDelegate: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? {
        switch dataType {
        case .string: SQLRaw("TEXT")
        case .datetime: SQLRaw("REAL")
        case .int64: SQLRaw("INTEGER")
        case .enum: SQLRaw("TEXT")
        default: nil
        }
    }
}
