import Vapor
import ZhauapDomain

/// An error the API reports to its client: an HTTP status, a stable machine-readable `code`, the
/// offending `field` when there is one, and a human-readable detail. Mapped to RFC 9457 problem+json
/// by `ProblemMiddleware`, the one place where errors become HTTP responses.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponseStatus
    public var code: String
    public var detail: String
    public var field: String?
    /// Seconds to wait before trying again (429), sent as `Retry-After`.
    public var retryAfter: Int?
    /// Every problem of a refused registry of normative acts (422 `invalid_registry`).
    public var problems: [RegistryProblem]?

    public init(_ status: HTTPResponseStatus, code: String, detail: String, field: String? = nil, retryAfter: Int? = nil,
                problems: [RegistryProblem]? = nil) {
        self.retryAfter = retryAfter
        self.problems = problems
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
    }

    public static func missing(_ field: String) -> APIError {
        APIError(.badRequest, code: "missing_parameter", detail: "the parameter \"\(field)\" is required", field: field)
    }

    public static func invalid(_ field: String, code: String, _ detail: String) -> APIError {
        APIError(.badRequest, code: code, detail: detail, field: field)
    }
}

/// RFC 9457 problem details, with Zhauap's extension members `code` and `field`.
struct ProblemDetails: Content {
    static let defaultContentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var field: String?
    var instance: String?
    var problems: [RegistryProblem]?
}
