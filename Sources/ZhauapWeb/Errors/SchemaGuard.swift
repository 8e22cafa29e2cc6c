import Foundation
import Vapor
import WorkingCalendar

/// The OpenAPI document is the one statement of what a request may carry: every JSON body and every query
/// and header parameter of a documented operation is checked against it before the route decodes anything — types
/// (a number where an integer is expected names its field), enums, lengths, ranges, item counts, required
/// fields, unknown fields (`additionalProperties: false`), and per action the fields that step requires.
/// A request that is not of the documented shape is a 400 naming the field (`invalid_value`, `wrong_type`,
/// `unknown_field`, `missing_parameter`); one of the right shape whose value cannot be meant — too long, out of
/// range, a key given twice — is a 422 naming the field and the rule (`too_long`, `out_of_range`, `duplicate_field`).
struct SchemaGuard: AsyncMiddleware {
    let document: [String: Any]
    /// "POST /api/v1/appeals/{id}/actions" → the operation.
    let operations: [String: [String: Any]]

    init?(document data: Data?) {
        guard let data, let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = doc["paths"] as? [String: [String: Any]] else { return nil }
        document = doc
        var ops: [String: [String: Any]] = [:]
        for (path, item) in paths {
            for (method, op) in item { if let op = op as? [String: Any] { ops[method.uppercased() + " " + path] = op } }
        }
        operations = ops
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = req.route else { return try await next.respond(to: req) }
        let pattern = "/" + route.path.map { c -> String in
            if case .parameter(let p) = c { return "{\(p)}" }
            return c.description
        }.joined(separator: "/")
        guard let op = operations[req.method.rawValue + " " + pattern] else { return try await next.respond(to: req) }
        for p in (op["parameters"] as? [[String: Any]]) ?? [] {
            guard let name = p["name"] as? String, let schema = p["schema"] as? [String: Any] else { continue }
            let text: String? = switch p["in"] as? String {
            case "query": req.queryText(name)
            case "header": req.headers.first(name: name)
            default: nil
            }
            if let text { try checkParameter(text, schema: schema, field: name) }
        }
        if let body = (op["requestBody"] as? [String: Any])?["content"] as? [String: Any],
           let json = body["application/json"] as? [String: Any], let schema = json["schema"] as? [String: Any],
           req.headers.contentType == .json {
            let data = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
            guard let data, data.readableBytes > 0 else {
                throw APIError(.badRequest, code: "missing_body", detail: "a JSON body is required")
            }
            if let twice = DuplicateKeys.first(in: Array(data.readableBytesView)) {
                throw Self.unacceptable(twice, "appears twice", code: "duplicate_field")
            }
            let value: JSONValue
            do { value = try JSONDecoder().decode(JSONValue.self, from: Data(data.readableBytesView)) } catch {
                throw APIError(.badRequest, code: "malformed_body", detail: "the body is not valid JSON")
            }
            try check(value, schema: schema, field: "")
        }
        return try await next.respond(to: req)
    }

    // MARK: Checking

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        var merged = (node as? [String: Any]) ?? [:]
        for (k, v) in schema where k != "$ref" { merged[k] = v }
        return resolve(merged)
    }

    static func invalid(_ field: String, _ detail: String, code: String = "invalid_value") -> APIError {
        APIError(.badRequest, code: code, detail: (field.isEmpty ? "the body" : field) + ": " + detail, field: field.isEmpty ? nil : field)
    }

    /// Well-formed, but a value no one can mean: 422.
    static func unacceptable(_ field: String, _ detail: String, code: String) -> APIError {
        APIError(.unprocessableEntity, code: code, detail: (field.isEmpty ? "the body" : field) + ": " + detail, field: field.isEmpty ? nil : field)
    }

    /// A property's own error code (`x-code`, e.g. `invalid_channel`) replaces the generic one for any
    /// violation of that very property.
    func coded(_ schema: [String: Any], _ field: String, _ body: () throws -> Void) throws {
        do { try body() } catch var e as APIError where e.field == field || (field.isEmpty && e.field == nil) {
            if let code = schema["x-code"] as? String { e.code = code }
            throw e
        }
    }

    func checkParameter(_ text: String, schema raw: [String: Any], field: String) throws {
        let schema = resolve(raw)
        try coded(schema, field) { try checkParameterValue(text, schema: schema, field: field) }
    }

    func checkParameterValue(_ text: String, schema: [String: Any], field: String) throws {
        switch schema["type"] as? String {
        case "integer":
            guard let n = Int(text) else { throw Self.invalid(field, "must be a whole number", code: "wrong_type") }
            try checkRange(Double(n), schema, field)
        case "boolean":
            guard text == "true" || text == "false" else { throw Self.invalid(field, "must be true or false", code: "wrong_type") }
        default:
            try checkString(text, schema, field)
        }
    }

    func check(_ value: JSONValue, schema raw: [String: Any], field: String) throws {
        let schema = resolve(raw)
        try coded(schema, field) { try checkValue(value, schema: schema, field: field) }
    }

    func checkValue(_ value: JSONValue, schema: [String: Any], field: String) throws {
        if let branches = schema["oneOf"] as? [[String: Any]], let d = (schema["discriminator"] as? [String: Any])?["propertyName"] as? String {
            guard case .object(let pairs) = value else { throw Self.invalid(field, "must be an object", code: "wrong_type") }
            guard let found = pairs.first(where: { $0.key == d }) else { throw APIError.missing(d) }
            guard case .string(let tag) = found.value,
                  let branch = branches.map(resolve).first(where: { (($0["properties"] as? [String: Any])?[d] as? [String: Any])?["const"] as? String == tag }) else {
                let known = branches.compactMap { ((resolve($0)["properties"] as? [String: Any])?[d] as? [String: Any])?["const"] as? String }
                throw Self.invalid(d, "must be one of " + known.joined(separator: ", "), code: schema["x-code"] as? String ?? "invalid_value")
            }
            return try checkValue(value, schema: branch, field: field)
        }
        if let options = schema["anyOf"] as? [[String: Any]], !options.isEmpty {
            // At least one must hold (e.g. a forwarding names the target by id or by name): the first one's
            // complaint is the one reported.
            var first: (any Error)? = nil
            var matched = false
            for o in options {
                do { try checkValue(value, schema: resolve(o), field: field); matched = true; break } catch { first = first ?? error }
            }
            if !matched, let first { throw first }
        }
        if let types = schema["type"] as? [String] {
            if case .null = value, types.contains("null") { return }
            var s = schema
            s["type"] = types.first { $0 != "null" }
            return try checkValue(value, schema: s, field: field)
        }
        if let allowed = schema["enum"] as? [Any] {
            guard allowed.map(JSONValue.init(any:)).contains(value) else {
                throw Self.invalid(field, "must be one of " + allowed.map { "\($0)" }.joined(separator: ", "))
            }
            return
        }
        if let c = schema["const"], JSONValue(any: c) != value { throw Self.invalid(field, "must be \(c)") }
        switch (schema["type"] as? String, value) {
        case ("object", .object(let pairs)):
            let properties = (schema["properties"] as? [String: [String: Any]]) ?? [:]
            var seen = Set<String>()
            for (key, v) in pairs {
                let path = field.isEmpty ? key : field + "." + key
                guard seen.insert(key).inserted else { throw Self.unacceptable(path, "appears twice", code: "duplicate_field") }
                if let p = properties[key] { try check(v, schema: p, field: path) }
                else if (schema["additionalProperties"] as? Bool) == false { throw Self.invalid(path, "is not a field of this request", code: "unknown_field") }
            }
            for r in (schema["required"] as? [String]) ?? [] where !seen.contains(r) {
                throw APIError.missing(field.isEmpty ? r : field + "." + r)
            }
        case ("array", .array(let items)):
            if let max = schema["maxItems"] as? Int, items.count > max { throw Self.unacceptable(field, "at most \(max) items", code: "too_many") }
            if let min = schema["minItems"] as? Int, items.count < min { throw Self.invalid(field, "at least \(min) items") }
            if let item = schema["items"] as? [String: Any] {
                for (i, v) in items.enumerated() { try check(v, schema: item, field: "\(field)[\(i)]") }
            }
        case ("string", .string(let s)): try checkString(s, schema, field)
        case ("integer", .integer(let n)): try checkRange(Double(n), schema, field)
        case ("integer", .number): throw Self.invalid(field, "must be a whole number (an integer)", code: "wrong_type")
        case ("number", .integer(let n)): try checkRange(Double(n), schema, field)
        case ("number", .number(let x)): try checkRange(x, schema, field)
        case ("boolean", .bool): break
        case (nil, _): break
        case (let t?, _): throw Self.invalid(field, "must be " + (t == "object" || t == "array" || t == "integer" ? "an " : "a ") + t, code: "wrong_type")
        }
    }

    func checkRange(_ x: Double, _ schema: [String: Any], _ field: String) throws {
        if let min = (schema["minimum"] as? NSNumber)?.doubleValue, x < min { throw Self.unacceptable(field, "must be at least \(Int(min))", code: "out_of_range") }
        if let max = (schema["maximum"] as? NSNumber)?.doubleValue, x > max { throw Self.unacceptable(field, "must be at most \(Int(max))", code: "out_of_range") }
    }

    func checkString(_ s: String, _ schema: [String: Any], _ field: String) throws {
        let length = s.count
        if let max = schema["maxLength"] as? Int, length > max { throw Self.unacceptable(field, "at most \(max) characters", code: "too_long") }
        if let min = schema["minLength"] as? Int, length < min { throw Self.invalid(field, "at least \(min) characters") }
        if let allowed = schema["enum"] as? [String], !allowed.contains(s) { throw Self.invalid(field, "must be one of " + allowed.joined(separator: ", ")) }
        switch schema["format"] as? String {
        case "uuid": if UUID(uuidString: s) == nil { throw Self.invalid(field, "must be an id (UUID)") }
        case "date": if (try? CivilDate(iso: s)) == nil { throw Self.invalid(field, "must be a real date written YYYY-MM-DD", code: "invalid_date") }
        case "date-time":
            let f = ISO8601DateFormatter(), fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if f.date(from: s) == nil && fractional.date(from: s) == nil { throw Self.invalid(field, "must be a moment written like 2024-01-25T10:00:00+06:00", code: "invalid_date") }
        default: break
        }
        if let pattern = schema["pattern"] as? String, pattern != Self.noControlCharacters,
           s.range(of: pattern, options: .regularExpression) == nil {
            throw Self.invalid(field, schema["x-pattern-meaning"] as? String ?? "is not in the expected form")
        }
    }

    /// The pattern every free text carries: the control-character guard already enforces it (422).
    static let noControlCharacters = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
}
