import FluentKit
import FluentSQL
import Foundation
import NIOCore

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

    let db: any Database
    let maxBatch: Int
    private var pending: [Job] = []
    private var running = false

    /// The event loop the database's answers arrive on: the writer runs there, so that going on after each
    /// statement is no hand-off to another thread (three per statement become two).
    let executor: EventLoopTaskExecutor

    public init(database: any Database, maxBatch: Int = 64) {
        db = database
        self.maxBatch = max(1, maxBatch)
        executor = EventLoopTaskExecutor(database.eventLoop)
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
                } else {
                    Task { await self.drain() }
                }
            }
        }
        return value as! T
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
            await Self.commit(batch, on: db)
        }
    }

    /// One transaction for the batch; a savepoint per body (none for a batch of one).
    static func commit(_ batch: [Job], on db: any Database) async {
        let results: [Result<any Sendable, any Error>]
        do {
            results = try await Self.immediateTransaction(on: db) { tx -> [Result<any Sendable, any Error>] in
                if batch.count == 1 { return [.success(try await batch[0].body(tx))] }
                guard let sql = tx as? any SQLDatabase else { throw StorageError.notSQL }
                var results: [Result<any Sendable, any Error>] = []
                // Savepoints of one name nest: each job opens its own and never releases it (the commit releases
                // them all), and `ROLLBACK TO` undoes the newest of that name — the failed job's alone. One
                // statement per job instead of two.
                for job in batch {
                    try await sql.raw("SAVEPOINT zhauap_job").run()
                    do {
                        results.append(.success(try await job.body(tx)))
                    } catch {
                        try await sql.raw("ROLLBACK TO SAVEPOINT zhauap_job").run()
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
    static func immediateTransaction<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { throw StorageError.notSQL }
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let value = try await body(conn)
                try await sql.raw("COMMIT").run()
                return value
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

/// Runs a task's jobs on one event loop (SE-0417 task executor preference): the writer's code, and the
/// default actors and nonisolated functions it calls, go on where the database's answer arrived.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {  // immutable; EventLoop is Sendable
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
