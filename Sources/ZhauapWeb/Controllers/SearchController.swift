import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapText

/// `GET /api/v1/search?q=…`: the body's appeals holding every word of `q` (as the index folds and stems
/// words: Kazakh in Russian look-alike letters or in Latin, inflected forms, ё/е), within the worklist's
/// filters, best first, with a snippet of the essence. The query's text is never logged.
struct SearchController: RouteCollection {
    /// The longest query taken, in characters (a longer one is 422 `query_too_long`).
    static let maxQueryLength = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(BearerAuthMiddleware()).get("search", use: search)
    }

    struct Hit: Content {
        var id: UUID
        var number: String
        var state: String
        var kind: String?
        var registeredOn: String
        /// The answer's due date, and the nearest term the body must meet.
        var finalDue: String?
        var nextDue: String?
        /// The applicant as the worklist names them (no IIN/BIN).
        var applicant: String?
        /// HTML: the essence around the matched words, which are in `<mark>`; everything else escaped.
        var snippet: String
        /// Relevance, higher first; comparable within one answer only.
        var rank: Double
    }

    struct Hits: Content {
        var items: [Hit]
    }

    /// The query as given, checked: missing or blank is 400 `query_missing`, over 200 characters 422 `query_too_long`.
    static func query(_ given: String?) throws -> String {
        guard let given, !Clean.isBlank(given) else {
            throw APIError(.badRequest, code: "query_missing", detail: "give the words to search for: q", field: "q")
        }
        guard given.count <= maxQueryLength else {
            throw APIError(.unprocessableEntity, code: "query_too_long", detail: "q: at most \(maxQueryLength) characters", field: "q")
        }
        return given
    }

    @Sendable
    func search(req: Request) async throws -> Hits {
        let actor = try req.actor
        let text = try Self.query(req.queryText("q"))
        let limit = try req.optionalInt("limit", range: 1...100) ?? 20
        let offset = try req.optionalInt("offset", range: 0...10_000) ?? 0
        // The worklist's filters, the body's appeals by default (the worklist defaults to an executor's own).
        let f = try WorklistParameters(req, mineByDefault: false)
        let service = req.application.appealService
        let filter = try await service.worklistQuery(actor: actor, body: req.actorBody, calendar: try await req.currentCalendar(), mine: f.mine,
                                                     dueWithinWorkingDays: f.within, overdue: f.overdue, state: f.state, kind: f.kind,
                                                     executorID: f.executor, unassigned: f.unassigned, limit: limit)
        let words = SearchText.words(text)
        let hits = try await service.search(text, actor: actor, within: filter, limit: limit, offset: offset)
        return Hits(items: hits.map { h in
            Hit(id: h.row.id, number: h.row.number, state: h.row.state, kind: h.row.kind, registeredOn: h.row.registeredOn,
                finalDue: h.row.finalDue, nextDue: h.row.nextDue, applicant: h.row.applicant,
                snippet: Snippet.html(h.essence ?? "", words: words), rank: (h.rank * 1_000_000).rounded() / 1_000_000)
        })
    }
}
