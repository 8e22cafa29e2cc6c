import FluentKit
import Foundation

extension FluentOrganisationStore {
    /// The language a user chose for the pages (`kk`, `ru`, `en`), if any.
    public func language(of userID: UUID) async throws -> String? {
        try await UserModel.find(userID, on: db)?.language
    }

    public func setLanguage(_ language: String, for userID: UUID) async throws {
        guard let m = try await UserModel.find(userID, on: db) else { throw StorageError.notFound }
        m.language = language
        try await m.update(on: db)
    }
}
