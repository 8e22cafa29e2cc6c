import FluentKit
import Foundation

extension FluentOrganisationStore {
    /// The stored password hash of a user.
    public func passwordHash(of userID: UUID) async throws -> String? {
        try await UserModel.find(userID, on: db)?.passwordHash
    }

    /// Replaces a user's password hash and ends every API token the user had.
    public func setPasswordHash(_ hash: String, for userID: UUID) async throws {
        guard let m = try await UserModel.find(userID, on: db) else { throw StorageError.notFound }
        m.passwordHash = hash
        try await m.update(on: db)
        try await TokenModel.query(on: db).filter(\.$userID == userID).delete()
    }
}
