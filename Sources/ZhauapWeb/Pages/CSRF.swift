import Crypto
import Foundation
import Vapor

/// Cross-site request forgery protection for the pages: a random token per session, put in every form as
/// `_csrf` and checked on every state-changing request of the pages.
enum CSRF {
    static let field = "_csrf"

    /// The session's token, created on first use.
    static func token(_ req: Request) -> String {
        if let t = req.session.data["csrf"] { return t }
        let t = [UInt8].random(count: 24).base64
        req.session.data["csrf"] = t
        return t
    }

    /// Throws 403 unless the form carries the session's token.
    static func verify(_ req: Request) throws {
        struct Form: Decodable { var _csrf: String? }
        let sent = (try? req.content.decode(Form.self))?._csrf ?? ""
        guard let expected = req.session.data["csrf"], !sent.isEmpty,
              sent.utf8.count == expected.utf8.count,
              zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }
}
