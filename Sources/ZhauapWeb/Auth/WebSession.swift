import Fluent
import Vapor
import ZhauapDomain
import ZhauapStorage

/// Sessions for the web pages: a server-side session (stored in the database, so any instance over
/// it knows it) behind an HttpOnly, SameSite=Lax cookie. The JSON API does not accept the cookie — it
/// takes bearer tokens only — so no API call can be forged from another site.
enum WebSession {
    static let cookieName = "zhauap_session"

    /// `secure`: served over TLS (here or at a proxy, `PUBLIC_URL=https://…`): the cookie is sent over HTTPS only.
    static func configure(_ app: Application, secure: Bool) {
        app.sessions.use(.fluent)
        app.migrations.add(SessionRecord.migration)
        app.sessions.configuration = SessionsConfiguration(cookieName: cookieName) { id in
            HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(12 * 3600), maxAge: 12 * 3600,
                              isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension Request {
    /// The person signed in to this browser session, if any.
    func sessionActor() async throws -> Actor? {
        guard let text = session.data["user"], let id = UUID(uuidString: text) else { return nil }
        return try await FluentOrganisationStore(database: db).actor(id, sessionEpoch: Int(session.data["epoch"] ?? "0") ?? 0)
    }

    /// Binds this browser session to a signed-in user, under the user's current session epoch.
    /// The session gets a new id (the one used before signing in is deleted), so an id planted or seen
    /// before sign-in is worth nothing after it.
    func startSession(for actor: Actor) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
            session.id = nil
        }
        session.data["user"] = actor.userID.uuidString
        session.data["epoch"] = String(try await FluentOrganisationStore(database: db).sessionEpoch(of: actor.userID) ?? 0)
    }
}

/// `POST /session` signs a browser in, `GET /session` says who is signed in, `DELETE /session` signs out.
struct SessionController: RouteCollection {
    let throttle: LoginThrottle
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
        req.session.destroy()
        return .noContent
    }
}
