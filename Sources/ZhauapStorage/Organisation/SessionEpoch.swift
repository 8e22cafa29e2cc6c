import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// A counter on each user that ends every browser session at once: a session remembers the value it was
/// signed in under and stops working when the counter moves (password changed or reset).
struct AddSessionEpoch: AsyncMigration {
    var name: String { "0006-add-user-session-epoch" }

    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema).field("session_epoch", .int, .required, .sql(.default(0))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserModel.schema).deleteField("session_epoch").update()
    }
}

extension FluentOrganisationStore {
    /// The user's current session epoch (nil when there is no such user).
    public func sessionEpoch(of userID: UUID) async throws -> Int? {
        try await UserModel.find(userID, on: db)?.sessionEpoch
    }

    /// The active user a browser session belongs to, if the session is still valid for them.
    public func actor(_ userID: UUID, sessionEpoch epoch: Int) async throws -> Actor? {
        guard let m = try await UserModel.find(userID, on: db), m.active, m.sessionEpoch == epoch else { return nil }
        return Self.actor(m)
    }
}
