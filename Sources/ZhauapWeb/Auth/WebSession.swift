import Fluent
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// Sessions for the web pages: a server-side session (stored in the database, so any instance over it knows
/// it) behind an HttpOnly, SameSite=Lax cookie, created only when someone signs in — an anonymous visit stores
/// nothing — and ending after twelve hours (expired rows are swept when a session starts). The JSON API does
/// not accept the cookie — it takes bearer tokens only — so no API call can be forged from another site.
enum WebSession {
    static let cookieName = "zhauap_session"
    static let lifetime: TimeInterval = 12 * 3600

    /// `secure`: served over TLS (here or at a proxy, `PUBLIC_URL=https://…`): cookies go over HTTPS only.
    static func configure(_ app: Application, secure: Bool) {
        app.webSessions = WebSessionMiddleware(secure: secure)
    }

    static func newID() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Reads the session named by the cookie (an unknown or expired one is as none, and its cookie is
/// removed) and writes the cookie a sign-in or sign-out asked for.
struct WebSessionMiddleware: AsyncMiddleware {
    let secure: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let sent = req.cookies[WebSession.cookieName]?.string
        if let sent {
            req.webSession = try await WebSessionStore(database: req.db).read(sent, now: req.application.appealService.now())
        }
        let response = try await next.respond(to: req)
        if let started = req.storage[StartedKey.self] {
            response.cookies[WebSession.cookieName] = HTTPCookies.Value(string: started.id, expires: started.expiresAt,
                                                                        maxAge: Int(WebSession.lifetime), isSecure: secure,
                                                                        isHTTPOnly: true, sameSite: .lax)
        } else if sent != nil, req.webSession == nil {
            response.cookies[WebSession.cookieName] = .expired
        }
        return response
    }

    struct StartedKey: StorageKey { typealias Value = StoredWebSession }
}

extension Application {
    private struct WebSessionsKey: StorageKey { typealias Value = WebSessionMiddleware }

    var webSessions: WebSessionMiddleware {
        get { storage[WebSessionsKey.self] ?? WebSessionMiddleware(secure: false) }
        set { storage[WebSessionsKey.self] = newValue }
    }
}

extension Request {
    private struct SessionKey: StorageKey { typealias Value = StoredWebSession }

    /// The signed-in session of this browser, if any.
    var webSession: StoredWebSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The person signed in to this browser session, if any (a session of an older epoch — the password
    /// was changed or reset since — or of a deactivated user counts as none).
    func sessionActor() async throws -> Actor? {
        guard let s = webSession else { return nil }
        return try await FluentOrganisationStore(database: db).actor(s.userID, sessionEpoch: s.epoch)
    }

    /// Binds this browser to a signed-in user under the user's current session epoch, in a new session with
    /// a new id (a session this browser had before is deleted), so an id planted or seen before is worth nothing.
    func startSession(for actor: Actor) async throws {
        let store = WebSessionStore(database: db)
        if let old = webSession { try await store.delete(old.id) }
        let now = application.appealService.now()
        let epoch = try await FluentOrganisationStore(database: db).sessionEpoch(of: actor.userID) ?? 0
        let s = StoredWebSession(id: WebSession.newID(), userID: actor.userID, epoch: epoch,
                                 csrf: CSRF.newToken(), expiresAt: now.addingTimeInterval(WebSession.lifetime))
        try await store.create(s, now: now)
        webSession = s
        storage[WebSessionMiddleware.StartedKey.self] = s
    }

    /// Signs this browser out: its session is deleted and its cookie removed.
    func endSession() async throws {
        if let s = webSession { try await WebSessionStore(database: db).delete(s.id) }
        webSession = nil
    }

    /// Keeps this browser signed in after its own password change moved the user's epoch on.
    func moveSession(toEpoch epoch: Int) async throws {
        guard var s = webSession else { return }
        try await WebSessionStore(database: db).setEpoch(epoch, of: s.id)
        s.epoch = epoch
        webSession = s
    }
}

/// `POST /session` signs a browser in, `GET /session` says who is signed in, `DELETE /session` signs out.
struct SessionController: RouteCollection {
    let throttle: SignInThrottle
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped(sessions).grouped("session")
        s.post(use: signIn)
        s.get(use: current)
        s.delete(use: signOut)
    }

    /// Login CSRF: a page of another site can post a form here, but not JSON (that needs a preflight this
    /// server never grants), and a browser names the page's origin — so only JSON from this origin signs in.
    static func refuseCrossSite(_ req: Request) throws {
        guard req.headers.contentType == .json else {
            throw APIError(.unsupportedMediaType, code: "json_required", detail: "sign in with a JSON body ({\"login\":…,\"password\":…})")
        }
        if let origin = req.headers.first(name: .origin), let host = req.headers.first(name: .host) {
            let originHost = URLComponents(string: origin)?.host.map { h in URLComponents(string: origin)?.port.map { "\(h):\($0)" } ?? h }
            guard originHost == host else { throw APIError(.forbidden, code: "cross_origin", detail: "signing in from another site is refused") }
        }
    }

    @Sendable
    func signIn(req: Request) async throws -> UserDTO {
        try Self.refuseCrossSite(req)
        let actor = try await AuthController.verify(req, throttle: throttle)
        try await req.startSession(for: actor)
        return UserDTO(actor)
    }

    @Sendable
    func current(req: Request) async throws -> UserDTO {
        guard let actor = try await req.sessionActor() else {
            throw APIError(.unauthorized, code: "unauthorized", detail: "not signed in")
        }
        return UserDTO(actor)
    }

    @Sendable
    func signOut(req: Request) async throws -> HTTPStatus {
        try await req.endSession()
        return .noContent
    }
}
