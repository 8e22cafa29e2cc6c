import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

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
