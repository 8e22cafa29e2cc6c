import FluentKit
import FluentSQL
import Foundation

/// Failed sign-ins, kept in the database so that every app instance over it counts the same attempts.
final class LoginFailureModel: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "at_ms") var atMs: Int

    init() {}
}

/// Counts failed sign-ins per key (a login, a client address) within a window.
public struct LoginFailureStore: Sendable {
    let db: any Database

    public init(database: any Database) { db = database }

    static func ms(_ d: Date) -> Int { Int(d.timeIntervalSince1970 * 1000) }

    /// The most failures any of `keys` had since `since`.
    public func maxFailures(_ keys: [String], since: Date) async throws -> Int {
        var most = 0
        for key in keys {
            let n = try await LoginFailureModel.query(on: db).filter(\.$key == key).filter(\.$atMs >= Self.ms(since)).count()
            most = max(most, n)
        }
        return most
    }

    public func record(_ keys: [String], at: Date) async throws {
        for key in keys {
            let m = LoginFailureModel()
            m.key = key
            m.atMs = Self.ms(at)
            try await m.create(on: db)
        }
    }

    /// A successful sign-in clears its login's count (not the address's).
    public func clear(_ key: String) async throws {
        try await LoginFailureModel.query(on: db).filter(\.$key == key).delete()
    }
}
