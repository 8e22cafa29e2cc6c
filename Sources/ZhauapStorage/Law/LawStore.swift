import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// The registry of normative acts as stored: every saved revision is kept (who saved it, when), the
/// newest is the registry in force. While none was saved, the bundled starter set applies.
public protocol LawStore: Sendable {
    /// The newest revision's number, or nil while none was saved (a cheap read, to keep a cache fresh).
    func revision() async throws -> Int?
    /// The newest revision and its registry.
    func registry() async throws -> (revision: Int, registry: LawRegistry)?
    /// Stores a new revision after `expectedRevision` (nil: the first); `StorageError.concurrentChange`
    /// when another one was saved meanwhile. Returns the new revision's number.
    func save(_ registry: LawRegistry, expectedRevision: Int?, by userID: UUID, at: Date) async throws -> Int
    /// The revisions saved, newest first: number, version, who and when.
    func revisions(limit: Int) async throws -> [LawRevision]
}

public struct LawRevision: Sendable, Hashable {
    public var revision: Int
    public var version: String
    public var savedBy: UUID
    public var savedAt: Date
}

/// Storage that keeps no registry (tests of other matters): the bundled one applies, saving is refused.
struct NoLawStore: LawStore {
    func revision() async throws -> Int? { nil }
    func registry() async throws -> (revision: Int, registry: LawRegistry)? { nil }
    func save(_ registry: LawRegistry, expectedRevision: Int?, by userID: UUID, at: Date) async throws -> Int { throw StorageError.concurrentChange }
    func revisions(limit: Int) async throws -> [LawRevision] { [] }
}

extension Storage {
    public var law: any LawStore { (self as? FluentStorage).map { FluentLawStore(database: $0.db) } ?? NoLawStore() }
}

/// `law_registry` (migration 0020): one row per revision, the registry as canonical JSON.
public struct FluentLawStore: LawStore {
    let db: any Database
    public init(database: any Database) { db = database }
    var sql: any SQLDatabase { get throws { guard let s = db as? any SQLDatabase else { throw StorageError.notSQL }; return s } }

    public func revision() async throws -> Int? {
        try await sql.raw("SELECT MAX(revision) AS r FROM law_registry").first()?.decode(column: "r", as: Int?.self)
    }

    public func registry() async throws -> (revision: Int, registry: LawRegistry)? {
        guard let row = try await sql.raw("SELECT revision, document FROM law_registry ORDER BY revision DESC LIMIT 1").first() else { return nil }
        let doc = try row.decode(column: "document", as: String.self)
        return (try row.decode(column: "revision", as: Int.self), try LawRegistry.decode(Data(doc.utf8)))
    }

    public func save(_ registry: LawRegistry, expectedRevision: Int?, by userID: UUID, at: Date) async throws -> Int {
        let next = (expectedRevision ?? 0) + 1
        let doc = String(decoding: try registry.encoded(), as: UTF8.self)
        // The primary key makes a second save of the same revision fail: the one that came second retries.
        guard try await revision() == expectedRevision else { throw StorageError.concurrentChange }
        do {
            try await sql.raw("""
                INSERT INTO law_registry (revision, version, document, saved_by, saved_at) VALUES
                (\(bind: next), \(bind: registry.version), \(bind: doc), \(bind: userID), \(bind: at.timeIntervalSince1970))
                """).run()
        } catch {
            if try await revision() != expectedRevision { throw StorageError.concurrentChange }
            throw error
        }
        return next
    }

    public func revisions(limit: Int) async throws -> [LawRevision] {
        try await sql.raw("SELECT revision, version, saved_by, saved_at FROM law_registry ORDER BY revision DESC LIMIT \(literal: limit)").all().map {
            LawRevision(revision: try $0.decode(column: "revision", as: Int.self), version: try $0.decode(column: "version", as: String.self),
                        savedBy: try $0.decode(column: "saved_by", as: UUID.self),
                        savedAt: Date(timeIntervalSince1970: try $0.decode(column: "saved_at", as: Double.self)))
        }
    }
}
