import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar
import ZhauapDomain

extension FluentAppealStore {
    /// At most this many waiting decisions of each kind are listed (the oldest numbers first).
    public static let pendingListLimit = 200

    /// Every figure is an aggregate in SQL over indexed columns (`appeals_body_state_kind_executor`,
    /// `appeals_body_answered`, `appeals_body_day` and the partial indexes of waiting decisions): no
    /// document is decoded and the trail is not read, so the cost does not grow with the documents' size.
    public func statistics(bodyID: UUID, since: CivilDate) async throws -> BodyStatistics {
        let sql = try self.sql
        var byState: [String: Int] = [:], byKind: [String: Int] = [:], byExecutor: [UUID?: Int] = [:]
        let open = Set(AppealState.open.map(\.rawValue))
        for row in try await sql.raw("""
            SELECT state, kind, executor_id, COUNT(*) AS n FROM appeals WHERE body_id = \(bind: bodyID) GROUP BY state, kind, executor_id
            """).all() {
            let state = try row.decode(column: "state", as: String.self), n = try row.decode(column: "n", as: Int.self)
            byState[state, default: 0] += n
            byKind[try row.decode(column: "kind", as: String?.self) ?? "unknown", default: 0] += n
            if open.contains(state) { byExecutor[try row.decode(column: "executor_id", as: UUID?.self), default: 0] += n }
        }
        let answers = try await sql.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN answered_late = 0 THEN 1 ELSE 0 END), 0) AS on_time FROM appeals
            WHERE body_id = \(bind: bodyID) AND answered_on IS NOT NULL
            """).first()
        func perDay(_ column: String) async throws -> [CivilDate: Int] {
            var out: [CivilDate: Int] = [:]
            for row in try await sql.raw("""
                SELECT \(ident: column) AS d, COUNT(*) AS n FROM appeals WHERE body_id = \(bind: bodyID) AND \(ident: column) >= \(bind: since.description)
                GROUP BY \(ident: column)
                """).all() {
                if let d = CivilDate(try row.decode(column: "d", as: String.self)) { out[d, default: 0] += try row.decode(column: "n", as: Int.self) }
            }
            return out
        }
        let limit = String(Self.pendingListLimit)
        let recusals = try await sql.raw("""
            SELECT id, reg_number FROM appeals WHERE body_id = \(bind: bodyID) AND recusal_pending IS NOT NULL
            ORDER BY reg_number LIMIT \(unsafeRaw: limit)
            """).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "reg_number", as: String.self)) }
        let extensions = try await sql.raw("""
            SELECT id, reg_number, extension_until FROM appeals WHERE body_id = \(bind: bodyID) AND extension_until IS NOT NULL
            ORDER BY extension_until, reg_number LIMIT \(unsafeRaw: limit)
            """).all().compactMap { r -> (UUID, String, CivilDate)? in
            guard let until = CivilDate(try r.decode(column: "extension_until", as: String.self)) else { return nil }
            return (try r.decode(column: "id", as: UUID.self), try r.decode(column: "reg_number", as: String.self), until)
        }
        return BodyStatistics(
            byState: byState, byKind: byKind, openByExecutor: byExecutor,
            answered: try answers?.decode(column: "n", as: Int.self) ?? 0,
            answeredOnTime: try answers?.decode(column: "on_time", as: Int.self) ?? 0,
            receivedDays: [], answeredDays: [], pendingRecusals: recusals, pendingExtensions: extensions,
            receivedPerDay: try await perDay("registered_on"), answeredPerDay: try await perDay("answered_on"))
    }
}

extension FluentAppealStore {
    /// How many of the body's open appeals have their nearest term today, and how many are past it.
    public func termsDue(bodyID: UUID, today: CivilDate) async throws -> (today: Int, overdue: Int) {
        let open: [SQLQueryString] = AppealState.open.map { "\(bind: $0.rawValue)" }
        let row = try await sql.raw("""
            SELECT SUM(CASE WHEN next_due = \(bind: today.description) THEN 1 ELSE 0 END) AS due_today,
                   SUM(CASE WHEN next_due < \(bind: today.description) THEN 1 ELSE 0 END) AS overdue
            FROM appeals WHERE body_id = \(bind: bodyID) AND state IN (\(open.joined(separator: ", "))) AND next_due IS NOT NULL
            """).first()
        return (try row?.decode(column: "due_today", as: Int?.self) ?? 0, try row?.decode(column: "overdue", as: Int?.self) ?? 0)
    }
}
