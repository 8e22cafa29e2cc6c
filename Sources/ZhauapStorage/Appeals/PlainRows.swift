import FluentKit
import FluentSQL
import FluentSQLiteDriver
import Foundation
import SQLKit

/// A row read for a list: on SQLite the driver's values as they are, without a `Codable` decoder per column
/// (for a worklist of 100 rows of 12 columns that decoder was a tenth of the request); elsewhere SQLKit's row.
enum PlainRow {
    case sqlite(SQLiteRow)
    case sql(any SQLRow)

    /// A text column (nil for NULL).
    func text(_ column: String) throws -> String? {
        switch self {
        case .sqlite(let r):
            guard let value = r.column(column) else { throw StorageError.unreadableRecord("no column \(column)") }
            switch value {
            case .null: return nil
            case .text(let s): return s
            default:
                guard let s = value.string else { throw StorageError.unreadableRecord("column \(column) is not text") }
                return s
            }
        case .sql(let r): return try r.decode(column: column, as: String?.self)
        }
    }

    /// A text column that is never NULL.
    func required(_ column: String) throws -> String {
        guard let s = try text(column) else { throw StorageError.unreadableRecord("column \(column) is NULL") }
        return s
    }

    /// A UUID column, stored as its text (or, written by another client, its 16 bytes).
    func uuid(_ column: String) throws -> UUID? {
        switch self {
        case .sqlite(let r):
            guard let value = r.column(column) else { throw StorageError.unreadableRecord("no column \(column)") }
            switch value {
            case .null: return nil
            case .text(let s):
                guard let id = UUID(uuidString: s) else { throw StorageError.unreadableRecord("column \(column) is not a UUID") }
                return id
            case .blob(let b) where b.readableBytes == 16:
                let bytes = Array(b.readableBytesView)
                return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                   bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            default: throw StorageError.unreadableRecord("column \(column) is not a UUID")
            }
        case .sql(let r): return try r.decode(column: column, as: UUID?.self)
        }
    }
}

extension FluentAppealStore {
    /// The statement's rows as `PlainRow`s: on SQLite through the driver itself (the statement serialised
    /// by SQLKit, its binds encoded as SQLKit's SQLite driver encodes them), elsewhere through SQLKit.
    func plainRows(_ statement: SQLQueryString) async throws -> [PlainRow] {
        let sql = try sql
        guard let lite = db as? any SQLiteDatabase else { return try await sql.raw(statement).all().map(PlainRow.sql) }
        var s = SQLSerializer(database: sql)
        statement.serialize(to: &s)
        let encoder = SQLiteDataEncoder()
        let binds = try s.binds.map { try encoder.encode($0) }
        return try await lite.query(s.sql, binds).map(PlainRow.sqlite)
    }
}
