import Crypto
import Foundation
import Vapor
import ZhauapStorage

/// Cross-site request forgery protection for the pages: every form carries a token as `_csrf`, checked on
/// every state-changing request. A signed-in browser's token lives in its session; a browser not signed in
/// (the sign-in and tracking forms) gets it as a cookie of its own (double submit), so that an anonymous
/// visit stores nothing on the server. Another site can make a browser post a form, but cannot read or set
/// this origin's cookies, so it cannot know the token.
enum CSRF {
    static let field = "_csrf"
    static let cookie = "zhauap_csrf"

    static func newToken() -> String { [UInt8].random(count: 24).base64 }

    /// The token to put in this page's forms.
    static func token(_ req: Request) -> String {
        if let s = req.webSession { return s.csrf }
        if let c = req.cookies[cookie]?.string, c.utf8.count == 32 { return c }
        if let pending = req.storage[PendingKey.self] { return pending }
        let t = newToken()
        req.storage[PendingKey.self] = t
        return t
    }

    /// The cookie to set on the response when this page made an anonymous token.
    static func pendingCookie(_ req: Request, secure: Bool) -> HTTPCookies.Value? {
        req.storage[PendingKey.self].map {
            HTTPCookies.Value(string: $0, maxAge: 12 * 3600, isSecure: secure, isHTTPOnly: true, sameSite: .strict)
        }
    }

    /// Throws 403 unless the form carries the session's token (signed in) or the browser's anonymous one.
    static func verify(_ req: Request) throws {
        struct Form: Decodable { var _csrf: String? }
        try verify(req, sent: (try? req.content.decode(Form.self))?._csrf)
    }

    /// The same check for a token read from the body by the route itself (a multipart upload).
    static func verify(_ req: Request, sent given: String?) throws {
        let sent = given ?? ""
        let expected = req.webSession?.csrf ?? req.cookies[cookie]?.string ?? ""
        guard !sent.isEmpty, !expected.isEmpty, sent.utf8.count == expected.utf8.count,
              zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }

    private struct PendingKey: StorageKey { typealias Value = String }
}
