import FluentKit
import FluentSQL
import Foundation

final class SignInAttemptModel: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "wait_until_ms") var waitUntilMs: Int
    @Field(key: "last_ms") var lastMs: Int

    init() {}
}

/// How one kind of key is throttled: so many free failures, then each further attempt waits a delay that
/// doubles with every failure, up to a ceiling; a key quiet for `forgetAfter` starts afresh.
public struct ThrottlePolicy: Sendable, Equatable {
    public var free: Int
    public var firstDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var forgetAfter: TimeInterval

    public init(free: Int, firstDelay: TimeInterval, maxDelay: TimeInterval, forgetAfter: TimeInterval) {
        self.free = free
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
    }

    /// The wait after the `failures`-th failure.
    public func delay(after failures: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 30)
        return min(firstDelay * pow(2, Double(doublings)), maxDelay)
    }
}

/// Counts failed sign-ins per key with compare-and-set on one row per key, so that attempts arriving
/// together are counted one by one: each attempt is counted *before* its password is checked, and an
/// attempt that arrives while its key waits is refused without a check.
public struct SignInAttemptStore: Sendable {
    let db: any Database

    public init(database: any Database) { db = database }

    static func ms(_ d: Date) -> Int { Int(d.timeIntervalSince1970 * 1000) }

    /// Counts an attempt for `key`: nil when it may go ahead, or how long it must still wait.
    public func begin(_ key: String, policy: ThrottlePolicy, now: Date) async throws -> TimeInterval? {
        guard let sql = db as? any SQLDatabase else { throw SignInStoreError.notSQL }
        let nowMs = Self.ms(now)
        for _ in 0..<50 {
            guard let m = try await SignInAttemptModel.find(key, on: db) else {
                let m = SignInAttemptModel()
                m.id = key
                m.failures = 1
                m.waitUntilMs = nowMs + Int(policy.delay(after: 1) * 1000)
                m.lastMs = nowMs
                do { try await m.create(on: db); return nil } catch let e as any DatabaseError where e.isConstraintFailure { continue } // another attempt created it first
            }
            if m.waitUntilMs > nowMs { return Double(m.waitUntilMs - nowMs) / 1000 }
            let failures = nowMs - m.lastMs > Int(policy.forgetAfter * 1000) ? 1 : m.failures + 1
            // Compare-and-set: only the attempt that still sees the count it read changes it.
            let won = try await sql.raw("""
                UPDATE sign_in_attempts SET failures = \(bind: failures), wait_until_ms = \(bind: nowMs + Int(policy.delay(after: failures) * 1000)),
                last_ms = \(bind: nowMs) WHERE key = \(bind: key) AND failures = \(bind: m.failures) AND last_ms = \(bind: m.lastMs) RETURNING key
                """).all()
            if !won.isEmpty { return nil }
        }
        return policy.maxDelay
    }

    /// A successful sign-in forgets the key's failures.
    public func clear(_ key: String) async throws {
        try await SignInAttemptModel.query(on: db).filter(\.$id == key).delete()
    }

    public func failures(_ key: String) async throws -> Int {
        try await SignInAttemptModel.find(key, on: db)?.failures ?? 0
    }
}

enum SignInStoreError: Error { case notSQL }

extension SignInAttemptStore {
    /// Takes back one counted attempt (a sign-in that succeeded was counted before its check).
    public func forgive(_ key: String) async throws {
        guard let sql = db as? any SQLDatabase else { throw SignInStoreError.notSQL }
        try await sql.raw("UPDATE sign_in_attempts SET failures = failures - 1 WHERE key = \(bind: key) AND failures > 0").run()
    }
}
