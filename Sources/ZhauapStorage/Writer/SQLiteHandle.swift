import FluentKit
import Foundation
import NIOCore
import FluentSQLiteDriver
// SQLite's C interface, as vendored by SQLiteNIO: the same library instance the connection pool uses, so
// its file locks and WAL index are shared correctly between the pool's connections and this one.
import VaporCSQLite

/// One SQLite connection driven synchronously by its caller: the single writer's. Statements are prepared
/// once and kept (by their text) for the life of the connection; each call runs to its end on the calling
/// thread, so a transaction of many statements is not handed to a thread pool and back for each one.
///
/// Calls are serialised by a lock; the writer makes them from one thread at a time anyway.
final class SQLiteHandle: @unchecked Sendable {  // `handle` and `statements` are guarded by `lock`
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Frames in the write-ahead log after the last commit (SQLite's WAL hook writes it, during `COMMIT`).
    private let log = LogFrames()
    final class LogFrames: @unchecked Sendable {  // written by SQLite's WAL hook inside `query`, under `lock`
        var frames: Int32 = 0
    }
    private let lock = NSLock()
    /// Prepared statements kept at most; past it the cache is emptied (writers issue a few dozen shapes).
    static let cacheLimit = 256

    /// Opens an existing database file (never creates one) with the durability settings of the pool's
    /// connections: foreign keys on, WAL, `synchronous=FULL`, a 10 s wait for another writer.
    init(path: String) throws {
        var h: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let rc = sqlite_nio_sqlite3_open_v2(path, &h, flags, nil)
        guard rc == SQLITE_OK, let h else {
            let message = h.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open the database"
            if let h { sqlite_nio_sqlite3_close_v2(h) }
            throw SQLiteWriteError(code: rc, message: message)
        }
        handle = h
        // The writer does not fold the log into the database at its commits (SQLite's automatic checkpoint,
        // which this hook replaces, would stall every registration of the batch while it copies and flushes):
        // it reports the log's length, and the checkpoint runs on another connection (`GroupCommit`).
        sqlite_nio_sqlite3_wal_hook(h, { context, _, _, frames in
            if let context { Unmanaged<LogFrames>.fromOpaque(context).takeUnretainedValue().frames = frames }
            return SQLITE_OK
        }, Unmanaged.passUnretained(log).toOpaque())
        do {
            for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000",
                           // A savepoint's undo pages (one savepoint per job of a batch) kept in memory, not in a temporary file
                           // created and deleted at every transaction.
                           "PRAGMA temp_store=MEMORY"] {
                _ = try query(pragma, [])
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    func close() {
        lock.withLock {
            for s in statements.values { sqlite_nio_sqlite3_finalize(s) }
            statements = [:]
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    /// Frames in the write-ahead log after the last commit.
    var framesInLog: Int { lock.withLock { Int(log.frames) } }

    /// The column names and the rows of one statement with its bound values.
    func query(_ sql: String, _ binds: [SQLiteData]) throws -> (columns: [String], rows: [[SQLiteData]]) {
        try lock.withLock {
            guard let db = handle else { throw SQLiteWriteError(code: SQLITE_MISUSE, message: "the writer's connection is closed") }
            let statement = try prepared(sql, on: db)
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            try bind(binds, to: statement, on: db)
            var rows: [[SQLiteData]] = []
            while true {
                let rc = sqlite_nio_sqlite3_step(statement)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw SQLiteWriteError(code: rc, message: String(cString: sqlite_nio_sqlite3_errmsg(db))) }
                // Counted after the step: a kept statement re-prepared for a changed schema (`SELECT *` after a
                // column was added) may have more columns than when it was first prepared.
                let count = sqlite_nio_sqlite3_column_count(statement)
                var row: [SQLiteData] = []
                row.reserveCapacity(Int(count))
                for i in 0..<count { row.append(Self.value(statement, i)) }
                rows.append(row)
            }
            let columns = (0..<sqlite_nio_sqlite3_column_count(statement)).map { i in sqlite_nio_sqlite3_column_name(statement, i).map { String(cString: $0) } ?? "" }
            return (columns, rows)
        }
    }

    private func prepared(_ sql: String, on db: OpaquePointer) throws -> OpaquePointer {
        if let s = statements[sql] { return s }
        var s: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil)
        guard rc == SQLITE_OK, let s else { throw SQLiteWriteError(code: rc, message: String(cString: sqlite_nio_sqlite3_errmsg(db))) }
        if statements.count >= Self.cacheLimit {
            for old in statements.values { sqlite_nio_sqlite3_finalize(old) }
            statements = [:]
        }
        statements[sql] = s
        return s
    }

    private func bind(_ binds: [SQLiteData], to s: OpaquePointer, on db: OpaquePointer) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in binds.enumerated() {
            let i = Int32(offset + 1)
            let rc: Int32 = switch value {
            case .integer(let v): sqlite_nio_sqlite3_bind_int64(s, i, Int64(v))
            case .float(let v): sqlite_nio_sqlite3_bind_double(s, i, v)
            case .text(let v): sqlite_nio_sqlite3_bind_text64(s, i, v, UInt64(v.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let v): v.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(s, i, $0.baseAddress, UInt64($0.count), transient) }
            case .null: sqlite_nio_sqlite3_bind_null(s, i)
            }
            guard rc == SQLITE_OK else { throw SQLiteWriteError(code: rc, message: String(cString: sqlite_nio_sqlite3_errmsg(db))) }
        }
    }

    private static func value(_ s: OpaquePointer, _ i: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(s, i) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(s, i)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(s, i))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(s, i) else { return .text("") }
            let length = Int(sqlite_nio_sqlite3_column_bytes(s, i))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(s, i))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(s, i) { buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length)) }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// An SQLite error on the writer's connection, with SQLite's (extended) result code and message.
struct SQLiteWriteError: Error, DatabaseError, CustomStringConvertible, Sendable {
    let code: Int32
    let message: String

    var description: String { "SQLite error \(code): \(message)" }
    var isSyntaxError: Bool { code & 0xFF == SQLITE_ERROR }
    var isConstraintFailure: Bool { code & 0xFF == SQLITE_CONSTRAINT }
    var isConnectionClosed: Bool { code == SQLITE_MISUSE }
}
