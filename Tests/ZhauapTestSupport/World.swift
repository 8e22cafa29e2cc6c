import Fluent
import Foundation
import Vapor
import ZhauapDomain
import ZhauapStorage
import ZhauapWeb

/// Two bodies with their people, and bearer tokens for each person, on a migrated application.
public struct World: Sendable {
    public let bodyA: AdministrativeBody
    public let bodyB: AdministrativeBody
    public let registrar: Actor
    public let executor: Actor
    public let otherExecutor: Actor
    public let head: Actor
    public let outsider: Actor
    /// Bearer tokens by person: registrar, executor, otherExecutor, head, outsider (an executor and head of body B).
    public let tokens: [String: String]

    public static func make(_ app: Application) async throws -> World {
        let store = FluentOrganisationStore(database: app.db)
        let a = AdministrativeBody(code: "AKM", nameKk: "Ақмола облысының әкімдігі", nameRu: "Акимат Акмолинской области",
                                   competenceAreas: [CompetenceArea(code: "land", nameKk: "Жер", nameRu: "Земля", markers: ["жер учаскесі"])])
        let b = AdministrativeBody(code: "KRG", nameKk: "Қарағанды облысының әкімдігі", nameRu: "Акимат Карагандинской области",
                                   higherBodyID: nil)
        try await store.add(a)
        try await store.add(b)
        var tokens: [String: String] = [:]
        func person(_ key: String, _ body: AdministrativeBody, _ name: String, _ roles: Set<Role>) async throws -> Actor {
            let id = try await store.addUser(bodyID: body.id, login: key, passwordHash: "not-a-real-hash", name: name,
                                             position: "маман", roles: roles)
            let token = "token-\(key)-\(UUID().uuidString)"
            try await store.addToken(token, userID: id, expiresAt: app.now.addingTimeInterval(90 * 86400))
            tokens[key] = token
            return Actor(userID: id, bodyID: body.id, name: name, position: "маман", roles: roles)
        }
        let registrar = try await person("registrar", a, "Әлия Серікқызы", [.registrar])
        let executor = try await person("executor", a, "Арман Қасымов", [.executor])
        let other = try await person("otherExecutor", a, "Дана Ахметова", [.executor])
        let head = try await person("head", a, "Бақыт Омаров", [.head])
        let outsider = try await person("outsider", b, "Сергей Ким", [.executor, .head, .registrar])
        return World(bodyA: a, bodyB: b, registrar: registrar, executor: executor, otherExecutor: other, head: head,
                     outsider: outsider, tokens: tokens)
    }

    public func auth(_ who: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: tokens[who]!)
        return h
    }
}
