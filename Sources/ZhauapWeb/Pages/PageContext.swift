import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// What every page gets: its language and strings, the CSRF token, the signed-in user, the path (for the
/// language switch), and the page's own content.
struct PageContext<Content: Encodable>: Encodable {
    var lang: String
    var t: [String: String]
    var csrf: String
    var user: UserDTO?
    /// Whether the signed-in person is a head (the head's page is linked).
    var isHead: Bool
    var isAdmin: Bool
    var path: String
    /// The stylesheet's version, for the `?v=` that lets browsers cache it for good.
    var assets: String
    var content: Content
}

extension Request {
    private struct StringsKey: StorageKey { typealias Value = Strings }

    /// The page language: `?lang=` (remembered in a cookie and, when signed in, on the user), else the
    /// user's choice, else the cookie, else Kazakh.
    func pageLanguage(user: Actor?) async throws -> Language {
        if let q = queryText("lang"), let lang = Language(rawValue: q) {
            if let user { try await FluentOrganisationStore(database: db).setLanguage(q, for: user.userID) }
            storage[ChosenLanguageKey.self] = lang
            return lang
        }
        if let user, let saved = try await FluentOrganisationStore(database: db).language(of: user.userID),
           let lang = Language(rawValue: saved) { return lang }
        if let c = cookies[PageLanguage.cookie]?.string, let lang = Language(rawValue: c) { return lang }
        return .kk
    }

    func page<C: Encodable>(_ template: String, _ content: C, status: HTTPStatus = .ok) async throws -> Response {
        try await page(template, status: status) { _, _ in content }
    }

    /// Renders `template` with content made for the page's language and strings.
    func page<C: Encodable>(_ template: String, status: HTTPStatus = .ok,
                            _ make: (Language, [String: String]) throws -> C) async throws -> Response {
        let user = try await sessionActor()
        let lang = try await pageLanguage(user: user)
        let t = application.strings[lang]
        let context = PageContext(lang: lang.rawValue, t: t, csrf: CSRF.token(self),
                                  user: user.map(UserDTO.init), isHead: user?.roles.contains(.head) ?? false,
                                  isAdmin: user.map(Permissions.administers) ?? false, path: url.path, assets: application.assets.version,
                                  content: try make(lang, t))
        let response = try await view.render(template, context).encodeResponse(for: self)
        response.status = status
        if let c = CSRF.pendingCookie(self, secure: application.webSessions.secure) { response.cookies[CSRF.cookie] = c }
        if storage[ChosenLanguageKey.self] != nil {
            response.cookies[PageLanguage.cookie] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 24 * 3600,
                                                                      isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    private struct ChosenLanguageKey: StorageKey { typealias Value = Language }
}

enum PageLanguage {
    static let cookie = "zhauap_lang"
}

extension Application {
    private struct StringsKey: StorageKey { typealias Value = Strings }

    var strings: Strings {
        get { storage[StringsKey.self] ?? Strings(table: [:]) }
        set { storage[StringsKey.self] = newValue }
    }
}
