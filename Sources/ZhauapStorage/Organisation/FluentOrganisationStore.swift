import Crypto
import FluentKit
import FluentSQL
import Foundation
import ZhauapDomain

/// Bodies, users and API tokens over Fluent.
public struct FluentOrganisationStore: Sendable {
    let db: any Database

    public init(database: any Database) { db = database }

    public func add(_ body: AdministrativeBody) async throws {
        let m = BodyModel()
        m.id = body.id
        m.code = body.code
        m.nameKk = body.nameKk
        m.nameRu = body.nameRu
        m.address = body.address
        m.contacts = body.contacts
        m.higherBodyID = body.higherBodyID
        m.competenceAreas = String(decoding: try JSONEncoder().encode(body.competenceAreas), as: UTF8.self)
        m.workingStart = body.workingHours.start
        m.workingEnd = body.workingHours.end
        m.timeZone = body.timeZone
        m.correctionDays = body.correctionDays
        try await m.create(on: db)
    }

    /// Saves a changed body (competence areas, working hours, correction deadline…).
    public func update(_ body: AdministrativeBody) async throws {
        guard let m = try await BodyModel.find(body.id, on: db) else { throw StorageError.notFound }
        m.nameKk = body.nameKk
        m.nameRu = body.nameRu
        m.address = body.address
        m.contacts = body.contacts
        m.higherBodyID = body.higherBodyID
        m.competenceAreas = String(decoding: try JSONEncoder().encode(body.competenceAreas), as: UTF8.self)
        m.workingStart = body.workingHours.start
        m.workingEnd = body.workingHours.end
        m.timeZone = body.timeZone
        m.correctionDays = body.correctionDays
        try await m.update(on: db)
    }

    public func body(_ id: UUID) async throws -> AdministrativeBody? {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        return try await sql.raw("SELECT \(unsafeRaw: Self.bodyColumns) FROM bodies b WHERE b.id = \(bind: id)").first().map(Self.body)
    }

    public func body(code: String) async throws -> AdministrativeBody? {
        try await BodyModel.query(on: db).filter(\.$code == code).first().map(Self.domain)
    }

    public func bodies() async throws -> [AdministrativeBody] {
        try await BodyModel.query(on: db).sort(\.$code).all().map(Self.domain)
    }

    static func domain(_ m: BodyModel) -> AdministrativeBody {
        AdministrativeBody(id: m.id!, code: m.code, nameKk: m.nameKk, nameRu: m.nameRu, address: m.address, contacts: m.contacts ?? "",
                           higherBodyID: m.higherBodyID,
                           competenceAreas: (try? JSONDecoder().decode([CompetenceArea].self, from: Data(m.competenceAreas.utf8))) ?? [],
                           workingHours: WorkingHours(start: m.workingStart, end: m.workingEnd), timeZone: m.timeZone,
                           correctionDays: m.correctionDays)
    }

    @discardableResult
    public func addUser(bodyID: UUID, login: String, passwordHash: String, name: String, position: String,
                        roles: Set<Role>, positionRu: String? = nil) async throws -> UUID {
        let m = UserModel()
        m.id = UUID()
        m.bodyID = bodyID
        m.login = login
        m.passwordHash = passwordHash
        m.name = name
        m.position = position
        m.positionRu = positionRu
        m.roles = roles.map(\.rawValue).sorted().joined(separator: ",")
        m.active = true
        m.sessionEpoch = 0
        try await m.create(on: db)
        return m.id!
    }

    public func userCount() async throws -> Int { try await UserModel.query(on: db).count() }

    /// The user by login, with the stored password hash, if active.
    public func credentials(login: String) async throws -> (actor: Actor, passwordHash: String)? {
        guard let m = try await UserModel.query(on: db).filter(\.$login == login).filter(\.$active == true).first() else { return nil }
        return (Self.actor(m), m.passwordHash)
    }

    public func actor(_ userID: UUID) async throws -> Actor? {
        try await UserModel.find(userID, on: db).flatMap { $0.active ? Self.actor($0) : nil }
    }

    public func users(bodyID: UUID) async throws -> [Actor] {
        try await UserModel.query(on: db).filter(\.$bodyID == bodyID).sort(\.$name).all().map(Self.actor)
    }

    static func actor(_ m: UserModel) -> Actor {
        Actor(userID: m.id!, bodyID: m.bodyID, name: m.name, position: m.position,
              roles: Set(m.roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }), positionRu: m.positionRu)
    }

    /// Stores a token's hash (never the token) for a user, valid until `expiresAt`.
    public func addToken(_ token: String, userID: UUID, expiresAt: Date) async throws {
        let m = TokenModel()
        m.userID = userID
        m.tokenHash = Self.hash(token)
        m.expiresAt = expiresAt
        try await m.create(on: db)
    }

    public func actor(token: String, now: Date) async throws -> Actor? {
        try await actorAndBody(token: token, now: now)?.actor
    }

    static func hash(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Data(token.utf8)))
    }
}
