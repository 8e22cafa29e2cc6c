import Foundation
import Vapor

/// Control characters never mean anything in an appeal, a name, a login or a query: a NUL is cut short by
/// SQLite (and then breaks the trail's hash) and refused by PostgreSQL as a server error. Every text that
/// comes in — the path, the query, a JSON or form body — is checked once, here, before any route; a text
/// may carry line breaks and tabs, nothing else below U+0020, nor DEL, nor the C1 controls. The refusal
/// is a 422 naming the field.
struct ControlCharacterGuard: AsyncMiddleware {
    /// Whether `text` holds a character no field may hold.
    static func forbidden(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\r" && s != "\t") || (0x7F...0x9F).contains(s.value)
        }
    }

    static func forbidden(_ text: String) -> Bool { forbidden(text[...]) }

    static func refuse(_ field: String) -> APIError {
        APIError(.unprocessableEntity, code: "control_character", detail: "\(field): control characters are not allowed", field: field)
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = req.url.path.removingPercentEncoding ?? req.url.path
        if Self.forbidden(path) || path.contains("\n") || path.contains("\r") { throw Self.refuse("path") }
        if let query = req.url.query {
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
                let name = decode(parts[0])
                if Self.forbidden(name) || (parts.count > 1 && Self.forbidden(decode(parts[1]))) { throw Self.refuse(name.isEmpty ? "query" : name) }
            }
        }
        if let type = req.headers.contentType, type == .json || type == .urlEncodedForm {
            let body = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
            if let body, body.readableBytes > 0 {
                if type == .json, let field = Self.field(inJSON: Data(body.readableBytesView)) { throw Self.refuse(field) }
                if type == .urlEncodedForm, let field = Self.field(inForm: String(buffer: body)) { throw Self.refuse(field) }
            }
        }
        return try await next.respond(to: req)
    }

    /// The path of the first string (or key) of a JSON body holding a forbidden character, e.g. `applicant.surname`.
    static func field(inJSON data: Data) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        func walk(_ v: Any, _ path: String) -> String? {
            switch v {
            case let s as String: return forbidden(s) ? (path.isEmpty ? "body" : path) : nil
            case let o as [String: Any]:
                for (k, x) in o {
                    let p = path.isEmpty ? k : path + "." + k
                    if forbidden(k) { return path.isEmpty ? "body" : path }
                    if let hit = walk(x, p) { return hit }
                }
                return nil
            case let a as [Any]:
                for (i, x) in a.enumerated() { if let hit = walk(x, "\(path)[\(i)]") { return hit } }
                return nil
            default: return nil
            }
        }
        return walk(value, "")
    }

    /// The name of the first form field holding a forbidden character.
    static func field(inForm body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            let name = decode(parts[0])
            if forbidden(name) { return "body" }
            if parts.count > 1, forbidden(decode(parts[1])) { return name.hasSuffix("[]") ? String(name.dropLast(2)) : name }
        }
        return nil
    }
}

/// Request logging that cannot be forged: the method and the path, with every control character written
/// as an escape (an encoded line break in a path never starts a line of its own). No query (it may carry
/// a coupon code), no body.
struct SafeRequestLogging: AsyncMiddleware {
    static func escaped(_ text: String) -> String { RedactingLogHandler.escape(text) }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        req.logger.info("\(req.method) \(Self.escaped(req.url.path.removingPercentEncoding ?? req.url.path))")
        return try await next.respond(to: req)
    }
}

extension Request {
    private struct QueryParametersKey: StorageKey { typealias Value = [String: String] }

    /// The query's plain parameters (`name=value`, `+` a space, percent-decoded; the last of a repeated name),
    /// parsed once per request — Vapor's `query[_:at:]` parses the whole query again for every name asked.
    /// A name with brackets (`a[b]=…`) or an undecodable one is not a plain parameter, as in Vapor's reading.
    var queryParameters: [String: String] {
        if let known = storage[QueryParametersKey.self] { return known }
        var found: [String: String] = [:]
        for pair in (url.query ?? "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, let name = kv[0].replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  !name.contains("[") else { continue }
            found[name] = kv[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        storage[QueryParametersKey.self] = found
        return found
    }

    /// One plain query parameter's text (see `queryParameters`).
    func queryText(_ name: String) -> String? { queryParameters[name] }
}
