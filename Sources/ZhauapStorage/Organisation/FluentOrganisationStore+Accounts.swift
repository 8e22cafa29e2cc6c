import FluentKit
import Foundation
import ZhauapDomain

extension FluentOrganisationStore {
    /// Every user of a body, active or not, by name.
    public func accounts(bodyID: UUID) async throws -> [UserAccount] {
        try await UserModel.query(on: db).filter(\.$bodyID == bodyID).sort(\.$name).all().map(Self.account)
    }

    /// The account with this login (active or not).
    public func account(login: String) async throws -> UserAccount? {
        try await UserModel.query(on: db).filter(\.$login == login).first().map(Self.account)
    }

    public func account(_ userID: UUID) async throws -> UserAccount? {
        try await UserModel.find(userID, on: db).map(Self.account)
    }

    /// Whether some user (active or not) holds this login; logins are never reused.
    public func loginTaken(_ login: String) async throws -> Bool {
        try await UserModel.query(on: db).filter(\.$login == login).count() > 0
    }

    /// Changes a user's name, position, roles and whether they may sign in. A deactivated user's sessions
    /// and API tokens stop working at once (both resolve through an active user).
    public func updateAccount(_ userID: UUID, name: String, position: String, roles: Set<Role>, active: Bool,
                              positionRu: String? = nil) async throws {
        guard let m = try await UserModel.find(userID, on: db) else { throw StorageError.notFound }
        m.name = name
        m.position = position
        m.positionRu = positionRu
        m.roles = roles.map(\.rawValue).sorted().joined(separator: ",")
        m.active = active
        try await m.update(on: db)
    }

    static func account(_ m: UserModel) -> UserAccount {
        UserAccount(actor: actor(m), login: m.login, active: m.active)
    }
}
