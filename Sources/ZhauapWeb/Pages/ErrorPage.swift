import Vapor
import WorkingCalendar
import ZhauapDomain

/// The page a browser sees when a page fails: the status in words, in the reader's language, and a way on.
/// Only `ProblemMiddleware` calls it, after it has chosen the status; the JSON API keeps problem+json.
enum ErrorPage {
    struct Content: Encodable { var status: Int; var title: String; var text: String; var requestID: String? }

    /// Whether the request is a browser's request for a page (not the API, health or session endpoints).
    static func wanted(_ req: Request) -> Bool {
        let path = req.url.path
        guard !path.hasPrefix("/api/"), path != "/health", !path.hasPrefix("/session") else { return false }
        return req.headers[.accept].contains { $0.contains("text/html") }
    }

    /// Renders with the session when the request has one (otherwise as signed out): the language comes
    /// from `?lang=` or the cookie. Nil when even this cannot be rendered.
    static func render(_ req: Request, problem: APIError) async -> Response? {
        let status = problem.status
        let lang = req.queryText("lang").flatMap(Language.init(rawValue:))
            ?? req.cookies[PageLanguage.cookie].flatMap { Language(rawValue: $0.string) } ?? .kk
        let t = req.application.strings[lang]
        let key = switch status.code {
        case 404: "error_page_not_found"
        case 403: problem.detail == "csrf" ? "error_page_csrf" : "error_page_forbidden"
        case 400..<500: "error_page_bad_request"
        default: "error_page_failed"
        }
        let content = Content(status: Int(status.code), title: t[key + "_title"] ?? status.reasonPhrase, text: t[key] ?? "",
                              requestID: status.code >= 500 ? req.headers.first(name: "X-Request-Id") ?? req.id : nil)
        // A signed-in person keeps the header (their name, the desk, signing out) on an error page too.
        let user = (try? await req.sessionActor()) ?? nil
        let context = PageContext(lang: lang.rawValue, t: t, csrf: user == nil ? "" : CSRF.token(req), user: user.map(UserDTO.init),
                                  isHead: user?.roles.contains(.head) ?? false, isAdmin: user.map(Permissions.administers) ?? false,
                                  path: req.url.path, assets: req.application.assets.version, content: content)
        guard let view = try? await req.view.render("error", context), let response = try? await view.encodeResponse(for: req) else {
            return nil
        }
        response.status = status
        return response
    }
}
