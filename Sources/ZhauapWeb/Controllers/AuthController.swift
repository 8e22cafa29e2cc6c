import Fluent
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// `POST /api/v1/auth/login`: a bearer token for the API (bcrypt-checked password, throttled).
struct AuthController: RouteCollection {
    let throttle: SignInThrottle
    static let tokenLifetime: TimeInterval = 12 * 3600

    struct Login: Content {
        var login: String
        var password: String
    }

    struct Session: Content {
        var token: String
        var expiresAt: Date
        var user: UserDTO
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "login", use: login)
        routes.grouped(BearerAuthMiddleware()).get("me", use: me)
    }

    /// Checks a login and password from the request body (JSON or form), throttled per login and address,
    /// per login and per address (`SignInThrottle`): while a key must wait → 429 with `Retry-After`.
    static func verify(_ req: Request, throttle: SignInThrottle) async throws -> Actor {
        let body = try req.content.decode(Login.self)
        let now = req.application.appealService.now()
        let keys = SignInThrottle.keys(login: body.login, address: req.clientAddress)
        try await throttle.begin(keys, now: now, db: req.db)
        guard let found = try await FluentOrganisationStore(database: req.db).credentials(login: body.login),
              try await req.password.async.verify(body.password, created: found.passwordHash) else {
            throw APIError(.unauthorized, code: "invalid_credentials", detail: "wrong login or password")
        }
        try await throttle.succeed(keys, db: req.db)
        return found.actor
    }

    @Sendable
    func login(req: Request) async throws -> Session {
        let actor = try await Self.verify(req, throttle: throttle)
        let now = req.application.appealService.now()
        let store = FluentOrganisationStore(database: req.db)
        let token = [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
        let expires = now.addingTimeInterval(Self.tokenLifetime)
        try await store.addToken(token, userID: actor.userID, expiresAt: expires)
        return Session(token: token, expiresAt: expires, user: UserDTO(actor))
    }

    @Sendable
    func me(req: Request) async throws -> UserDTO { UserDTO(try req.actor) }
}

struct UserDTO: Content {
    var id: UUID
    var bodyID: UUID
    var name: String
    var position: String
    var roles: [String]

    init(_ a: Actor) {
        id = a.userID
        bodyID = a.bodyID
        name = a.name
        position = a.position
        roles = a.roles.map(\.rawValue).sorted()
    }
}
