import Vapor

/// Headers every response carries: no framing, no sniffing, a strict Content-Security-Policy — no inline
/// styles or scripts on the pages. A response that sets its own policy keeps it (the printable documents are
/// self-contained, with their style inside and nothing else allowed).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let pages = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
    static let documents = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
    /// A document's print view in the pages: the same, and the one script that prints it (`/assets/print.js`).
    static let documentView = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; frame-ancestors 'none'"

    /// Served over TLS: browsers are told to use HTTPS only, for a year.
    var strictTransport = false

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if strictTransport { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        if response.headers["Content-Security-Policy"].isEmpty {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.pages)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // Pages and API answers carry personal data: no shared or browser cache keeps them (the stylesheet
        // and script set their own long caching).
        if response.headers[.cacheControl].isEmpty { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }
}
