import FluentKit
import FluentSQL
import Foundation

final class WebSessionModel: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "epoch") var epoch: Int
    @Field(key: "csrf") var csrf: String
    @Field(key: "expires_ms") var expiresMs: Int

    init() {}
}

/// A signed-in browser session: whose, under which session epoch of the user, its form token and expiry.
public struct StoredWebSession: Sendable, Equatable {
    public var id: String
    public var userID: UUID
    public var epoch: Int
    public var csrf: String
    public var expiresAt: Date

    public init(id: String, userID: UUID, epoch: Int, csrf: String, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.epoch = epoch
        self.csrf = csrf
        self.expiresAt = expiresAt
    }
}

/// Browser sessions in the database (so every instance over it knows them). Only signed-in sessions are
/// stored; an expired one reads as none, and expired rows are swept whenever a session starts.
public struct WebSessionStore: Sendable {
    let db: any Database

    public init(database: any Database) { db = database }

    static func ms(_ d: Date) -> Int { Int(d.timeIntervalSince1970 * 1000) }

    public func read(_ id: String, now: Date) async throws -> StoredWebSession? {
        guard !id.isEmpty, id.utf8.count <= 128, let m = try await WebSessionModel.find(id, on: db), m.expiresMs > Self.ms(now) else { return nil }
        return StoredWebSession(id: id, userID: m.userID, epoch: m.epoch, csrf: m.csrf,
                                expiresAt: Date(timeIntervalSince1970: Double(m.expiresMs) / 1000))
    }

    /// Stores a new session and sweeps the expired ones.
    public func create(_ s: StoredWebSession, now: Date) async throws {
        try await sweep(now: now)
        let m = WebSessionModel()
        m.id = s.id
        m.userID = s.userID
        m.epoch = s.epoch
        m.csrf = s.csrf
        m.expiresMs = Self.ms(s.expiresAt)
        try await m.create(on: db)
    }

    public func setEpoch(_ epoch: Int, of id: String) async throws {
        try await WebSessionModel.query(on: db).filter(\.$id == id).set(\.$epoch, to: epoch).update()
    }

    public func delete(_ id: String) async throws {
        try await WebSessionModel.query(on: db).filter(\.$id == id).delete()
    }

    /// Removes every expired session; returns how many rows are left.
    @discardableResult
    public func sweep(now: Date) async throws -> Int {
        try await WebSessionModel.query(on: db).filter(\.$expiresMs <= Self.ms(now)).delete()
        return try await WebSessionModel.query(on: db).count()
    }
}
