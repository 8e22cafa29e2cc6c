import FluentKit
import FluentSQL
import Foundation
import NIOCore
import NIOPosix

/// The single writer for SQLite, with group commit: write transactions that queue while one commits run
/// together in the next transaction, each inside its own savepoint, and are acknowledged after its one
/// commit. A durable commit (WAL, synchronous=FULL) costs a flush of the disk, so many registrations
/// arriving together share one flush instead of queueing for one each.
///
/// Each body keeps its own all-or-nothing: a body that throws is rolled back to its savepoint (its
/// registration number included, so numbers stay gapless) and only its caller gets the error. If the
/// commit itself fails, every caller of that batch gets the error and nothing of the batch is stored.
public actor GroupCommit {
    typealias Body = @Sendable (any Database) async throws -> any Sendable
    struct Job {
        let body: Body
        let done: CheckedContinuation<any Sendable, any Error>
    }

    /// The pool's database: where the file is found, and the context (configuration, logger) the writer's
    /// transactions carry.
    let db: any Database
    let maxBatch: Int
    private var pending: [Job] = []
    private var running = false
    /// The writer's own connection to the database's file, opened at the first write.
    private var handle: SQLiteHandle?

    /// The writer's thread: a batch's statements run on it one after another, synchronously, and so does the
    /// code between them (the stores', the procedure's), with no hand-off to another thread per statement.
    /// One thread for the process; its event loop is the one the writer's transactions report on.
    static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
    let executor = EventLoopTaskExecutor(GroupCommit.loop)

    public init(database: any Database, maxBatch: Int = 64) {
        db = database
        self.maxBatch = max(1, maxBatch)
    }

    /// Runs `body` in a transaction shared with other bodies waiting at the same time; returns once that
    /// transaction has committed.
    public func run<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (c: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Job(body: { try await body($0) }, done: c))
            if !running {
                running = true
                if #available(macOS 15, *) {
                    Task(executorPreference: executor) { await self.drain() }
                } else {  // without task executors (older macOS) the batch runs on the concurrency pool
                    Task { await self.drain() }
                }
            }
        }
        return value as! T
    }

    /// Closes the writer's connection (at shutdown, after the server has stopped taking requests); a later
    /// write opens it again.
    public func close() {
        handle?.close()
        handle = nil
    }

    private func take() -> [Job] {
        let batch = Array(pending.prefix(maxBatch))
        pending.removeFirst(batch.count)
        if batch.isEmpty { running = false }
        return batch
    }

    private func drain() async {
        while true {
            let batch = take()
            if batch.isEmpty { return }
            do {
                let tx = try await connection()
                await Self.commit(batch, on: tx)
                checkpointIfDue(tx.handle)
            } catch {
                for job in batch { job.done.resume(throwing: error) }
            }
        }
    }

    /// Frames in the log past which it is folded into the database (SQLite's automatic checkpoint uses the
    /// same figure): by a pool connection, while the writer goes on; past ten times as many (checkpoints that
    /// cannot keep up) by the writer itself, so the log stays bounded.
    static let checkpointFrames = 1000
    private var checkpointing = false

    private func checkpointIfDue(_ handle: SQLiteHandle) {
        let frames = handle.framesInLog
        if frames >= 10 * Self.checkpointFrames {
            _ = try? handle.query("PRAGMA wal_checkpoint(PASSIVE)", [])
        } else if frames >= Self.checkpointFrames, !checkpointing, let sql = db as? any SQLDatabase {
            checkpointing = true
            Task.detached {
                try? await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                await self.checkpointed()
            }
        }
    }

    private func checkpointed() { checkpointing = false }

    /// The writer's connection, opened on the file the pool's connections use (an in-memory database of
    /// the tests is a temporary file too).
    private func connection() async throws -> WriterDatabase {
        let h: SQLiteHandle
        if let handle { h = handle } else {
            guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
            let files = try await sql.raw("PRAGMA database_list").all()
            guard let main = files.first(where: { (try? $0.decode(column: "name", as: String.self)) == "main" }),
                  let file = try main.decode(column: "file", as: String?.self), !file.isEmpty
            else { throw StorageError.unreadableRecord("the database has no file for its writer") }
            h = try SQLiteHandle(path: file)
            handle = h
        }
        let context = DatabaseContext(configuration: db.context.configuration, logger: db.context.logger, eventLoop: Self.loop,
                                      history: nil, pageSizeLimit: db.context.pageSizeLimit)
        return WriterDatabase(handle: h, context: context, queryLogLevel: .debug)
    }

    /// One transaction for the batch; a savepoint per body (none for a batch of one).
    static func commit(_ batch: [Job], on tx: WriterDatabase) async {
        let results: [Result<any Sendable, any Error>]
        do {
            results = try await Self.immediateTransaction(on: tx) { tx -> [Result<any Sendable, any Error>] in
                if batch.count == 1 { return [.success(try await batch[0].body(tx))] }
                var results: [Result<any Sendable, any Error>] = []
                // Savepoints of one name nest: each job opens its own and never releases it (the commit releases
                // them all), and `ROLLBACK TO` undoes the newest of that name — the failed job's alone. One
                // statement per job instead of two.
                for job in batch {
                    _ = try tx.run("SAVEPOINT zhauap_job", [])
                    do {
                        results.append(.success(try await job.body(tx)))
                    } catch {
                        _ = try tx.run("ROLLBACK TO SAVEPOINT zhauap_job", [])
                        results.append(.failure(error))
                    }
                }
                return results
            }
        } catch {
            // The batch of one threw (rolled back), or the commit failed: nothing of the batch is stored.
            for job in batch { job.done.resume(throwing: error) }
            return
        }
        for (job, result) in zip(batch, results) { job.done.resume(with: result) }
    }

    /// `BEGIN IMMEDIATE`: the transaction takes SQLite's write lock at its start (waiting, under the busy
    /// timeout, while another connection — a sign-in, a session — writes), so it can never fail half-way
    /// with SQLITE_BUSY because someone wrote between its first read and its first write, as a deferred one can.
    static func immediateTransaction<T: Sendable>(on tx: WriterDatabase, _ body: (WriterDatabase) async throws -> T) async throws -> T {
        _ = try tx.run("BEGIN IMMEDIATE", [])
        do {
            let value = try await body(tx)
            _ = try tx.run("COMMIT", [])
            return value
        } catch {
            _ = try? tx.run("ROLLBACK", [])
            throw error
        }
    }
}

/// Runs a task's jobs on one event loop (SE-0417 task executor preference): the writer's code, and the
/// default actors and nonisolated functions it calls, run on the writer's own thread.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {  // immutable; EventLoop is Sendable
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
