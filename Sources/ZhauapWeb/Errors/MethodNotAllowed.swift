import Vapor

/// A path that exists, asked with a method it does not take (TRACE, PUT …), is 405 with the methods it
/// does take in `Allow` — not 404, which would say there is no such path.
struct MethodNotAllowed: AsyncMiddleware {
    let routes: [(method: String, path: [PathComponent])]

    init(_ routes: Routes) {
        self.routes = routes.all.map { ($0.method.rawValue, $0.path) }
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.route == nil else { return try await next.respond(to: req) }
        let parts = req.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let allowed = Set(routes.filter { Self.matches($0.path, parts) }.map(\.method))
        guard !allowed.isEmpty, !allowed.contains(req.method.rawValue) else { return try await next.respond(to: req) }
        var methods = allowed
        if methods.contains("GET") { methods.insert("HEAD") }
        throw MethodError(allow: methods.sorted().joined(separator: ", "))
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var i = 0
        for c in pattern {
            switch c {
            case .catchall: return true
            case .constant(let s): guard i < parts.count, parts[i] == s else { return false }
            case .parameter, .anything: guard i < parts.count else { return false }
            }
            i += 1
        }
        return i == parts.count
    }

    struct MethodError: AbortError {
        var allow: String
        var status: HTTPResponseStatus { .methodNotAllowed }
        var reason: String { "this address takes \(allow)" }
        var headers: HTTPHeaders { ["Allow": allow] }
    }
}
