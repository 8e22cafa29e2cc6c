import FluentKit
import Foundation

extension FluentOrganisationStore {
    /// The stored password hash of a user.
    public func passwordHash(of userID: UUID) async throws -> String? {
        try await UserModel.find(userID, on: db)?.passwordHash
    }

    /// Replaces a user's password hash and ends every API token and browser session the user had.
    /// Returns the new session epoch (a session signed in under it stays valid).
    @discardableResult
    public func setPasswordHash(_ hash: String, for userID: UUID) async throws -> Int {
        guard let m = try await UserModel.find(userID, on: db) else { throw StorageError.notFound }
        m.passwordHash = hash
        m.sessionEpoch += 1
        try await m.update(on: db)
        try await TokenModel.query(on: db).filter(\.$userID == userID).delete()
        return m.sessionEpoch
    }
}
