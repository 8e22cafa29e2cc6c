import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }
    private struct BodyKey: StorageKey { typealias Value = AdministrativeBody }
    private struct CalendarStampKey: StorageKey { typealias Value = Int? }

    /// The signed-in person; set by `BearerAuthMiddleware`.
    var actor: Actor {
        get throws {
            guard let a = storage[ActorKey.self] else { throw APIError(.unauthorized, code: "unauthorized", detail: "sign in first") }
            return a
        }
    }

    func setActor(_ actor: Actor) { storage[ActorKey.self] = actor }

    /// The signed-in person's body, read with the bearer token (nil for a browser session).
    var actorBody: AdministrativeBody? { storage[BodyKey.self] }

    func setActorBody(_ body: AdministrativeBody) { storage[BodyKey.self] = body }

    /// The calendar in force, using the override number read with the bearer token (no statement of its own).
    func currentCalendar() async throws -> WorkingDayCalendar {
        if let stamp = storage[CalendarStampKey.self] { return try await application.calendarProvider.current(knownStamp: stamp) }
        return try await application.calendarProvider.current()
    }

    func setCalendarStamp(_ stamp: Int?) { storage[CalendarStampKey.self] = .some(stamp) }
}

/// `Authorization: Bearer <token>` → the token's user (and body, in the same statement), or 401.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.headers.bearerAuthorization?.token,
              let (actor, body, stamp) = try await FluentOrganisationStore(database: request.db).actorAndBody(token: token, now: request.application.appealService.now()) else {
            throw APIError(.unauthorized, code: "unauthorized", detail: "a valid bearer token is required")
        }
        request.setActor(actor)
        request.setActorBody(body)
        request.setCalendarStamp(stamp)
        return try await next.respond(to: request)
    }
}

/// Windowed counts per key in the database (so every instance over it agrees): past `limit` in the window → 429.
struct WindowThrottle: Sendable {
    let limit: Int
    let window: TimeInterval

    func isBlocked(_ keys: [String], now: Date, db: any Database) async throws -> Bool {
        try await LoginFailureStore(database: db).maxFailures(keys, since: now.addingTimeInterval(-window)) >= limit
    }

    func fail(_ keys: [String], now: Date, db: any Database) async throws {
        try await LoginFailureStore(database: db).record(keys, at: now)
    }
}

/// Public tracking's guard against guessing coupon codes: lookups that find nothing are counted per client
/// address; past the limit in the window the address gets 429 until the window has passed.
enum TrackingThrottle {
    static let throttle = WindowThrottle(limit: 30, window: 600)

    static func key(_ req: Request) -> String { "track:" + req.clientAddress }

    static func check(_ req: Request) async throws {
        if try await throttle.isBlocked([key(req)], now: req.application.appealService.now(), db: req.db) {
            throw APIError(.tooManyRequests, code: "too_many_lookups", detail: "too many lookups that found nothing; try again in ten minutes")
        }
    }

    static func missed(_ req: Request) async throws {
        try await throttle.fail([key(req)], now: req.application.appealService.now(), db: req.db)
    }
}
