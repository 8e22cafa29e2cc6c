import Vapor
import ZhauapDomain
import ZhauapStorage

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    /// The signed-in person; set by `BearerAuthMiddleware`.
    var actor: Actor {
        get throws {
            guard let a = storage[ActorKey.self] else { throw APIError(.unauthorized, code: "unauthorized", detail: "sign in first") }
            return a
        }
    }

    func setActor(_ actor: Actor) { storage[ActorKey.self] = actor }
}

/// `Authorization: Bearer <token>` → the token's user, or 401.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.headers.bearerAuthorization?.token,
              let actor = try await FluentOrganisationStore(database: request.db).actor(token: token, now: Date()) else {
            throw APIError(.unauthorized, code: "unauthorized", detail: "a valid bearer token is required")
        }
        request.setActor(actor)
        return try await next.respond(to: request)
    }
}

/// Counts failed sign-ins per login and per client address; too many in the window → 429.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ keys: [String], now: Date) -> Bool {
        keys.contains { key in (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }.count >= limit }
    }

    func fail(_ keys: [String], now: Date) {
        for key in keys { failures[key, default: []] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now] }
    }

    func succeed(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }
}
