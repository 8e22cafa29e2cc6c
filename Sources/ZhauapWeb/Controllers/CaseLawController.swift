import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The law of a case through the API (R24–R29): the finder with its marker words, candidates by legal
/// force, conflicts, the norms applied with their checklists and the proposal; and the norms' search.
/// The steps themselves (`apply_norm`, `check_precondition` …) go through `POST /appeals/{id}/actions`.
struct CaseLawController: RouteCollection {
    /// At most this many marker words, each at most 80 characters.
    static let maxMarkers = 20

    func boot(routes: any RoutesBuilder) throws {
        let secured = routes.grouped(BearerAuthMiddleware())
        secured.get("appeals", ":id", "law", use: show)
        secured.get("search", "norms", use: searchNorms)
    }

    /// `markers`: comma-separated words to search with instead of those picked out of the text.
    static func markers(_ given: String?) throws -> [String]? {
        guard let given else { return nil }
        let words = given.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard words.count <= maxMarkers else {
            throw APIError(.unprocessableEntity, code: "too_many", detail: "markers: at most \(maxMarkers) words", field: "markers")
        }
        guard words.allSatisfy({ $0.count <= 80 }) else {
            throw APIError(.unprocessableEntity, code: "too_long", detail: "markers: each word at most 80 characters", field: "markers")
        }
        return words
    }

    @Sendable
    func show(req: Request) async throws -> CaseLawResponse {
        let view = try await req.application.appealService.lawView(try req.appealID(), actor: try req.actor,
                                                                   markers: try Self.markers(req.queryText("markers")))
        return CaseLawResponse(view)
    }

    struct NormHits: Content { var items: [NormSummary] }

    @Sendable
    func searchNorms(req: Request) async throws -> NormHits {
        let text = try SearchController.query(req.queryText("q"))
        let limit = try req.optionalInt("limit", range: 1...100) ?? 20
        return NormHits(items: try await req.application.appealService.searchNorms(text, actor: try req.actor, limit: limit).map(NormSummary.init))
    }
}
