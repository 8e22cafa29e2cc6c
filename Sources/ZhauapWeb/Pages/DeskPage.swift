import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapText

/// The desk's model, built from plain values: the worklist a civil servant reads (number, applicant,
/// subject, kind, executor, state, the final term and the nearest intermediate term named by its
/// purpose), each term's state as colour and text, the working days left, and the filters (R47).
struct DeskPage: Encodable {
    struct Row: Encodable {
        var id: UUID
        var number: String
        var registeredOn: String
        var applicant: String
        var subject: String
        var state: String
        var kind: String
        var executor: String
        /// The final term: the answer's due date.
        var finalDue: String
        /// The nearest intermediate term, with its purpose ("forward by 12.06.2026"), or nil.
        var nearTerm: String?
        var nearOverdue: Bool
        /// on_time, at_risk, overdue or none: the colour; `termState` is the text (never colour alone).
        var termStateCode: String
        var termState: String
        /// "3" working days left to the final term (today included), "−2" overdue by two, or "—".
        var left: String
    }

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct SortLink: Encodable { var label: String; var href: String; var current: Bool }

    var bodyName: String
    var rows: [Row]
    var scopes: [Option]
    var executors: [Option]
    var states: [Option]
    var kinds: [Option]
    var sorts: [SortLink]
    var filtered: Bool
    /// Requests for assistance past their term or unanswerable (R22).
    var alerts: [RequestAlertRow] = []
    /// R40: the executor's appeals whose hearing has objections awaiting an answer.
    var objections: [ObjectionAlertRow] = []
    /// APPC 91(4): complaints to pass to the higher body (a registrar's or a head's desk).
    var complaints: [ComplaintAlertRow] = []
    /// The search box: the words typed, whether a search ran (then `hits` replace the worklist), and the
    /// filters the search form carries along (as hidden fields).
    var query = ""
    var searched = false
    var searchTooLong = false
    var hits: [Hit] = []
    /// The registry's norms the same words find (R24), in their own section.
    var norms: [NormHit] = []

    /// A norm the search found: where it stands, its act, level and status, and its text around the words (escaped HTML).
    struct NormHit: Encodable {
        var id: String
        var citation: String
        var act: String
        var level: String
        var status: String
        var statusCode: String
        var snippet: String
    }
    var keep: [Hidden] = []
    var clearHref = "/desk"

    struct Hidden: Encodable { var name: String; var value: String }

    /// An appeal the search found. `snippet` is HTML built escaped (`Snippet.html`), rendered as it is.
    struct Hit: Encodable {
        var id: UUID
        var number: String
        var registeredOn: String
        var applicant: String
        var state: String
        var kind: String
        var finalDue: String
        var snippet: String
    }

    /// The worklist's filter, as chosen in the page's query.
    struct Filter: Equatable {
        /// `mine` (assigned to me), `all` (the body's) or `unassigned` (nobody's yet).
        var scope: String
        /// One executor's appeals (with scope `all`).
        var executorID: UUID?
        /// A state, `any` for every state, or nil for the open ones.
        var state: String?
        var kind: String?
        var sort: WorklistSort = .due

        static let scopes = ["mine", "all", "unassigned"]

        /// Executors see their own appeals first; heads and registrars see the body's.
        static func read(scope: String?, state: String?, kind: String?, executor: String? = nil, sort: String? = nil,
                         roles: Set<Role>) -> Filter {
            let defaultScope = roles.contains(.head) || !roles.contains(.executor) ? "all" : "mine"
            let executorID = executor.flatMap(UUID.init(uuidString:))
            return Filter(scope: executorID != nil ? "all" : (scope.flatMap { scopes.contains($0) ? $0 : nil } ?? defaultScope),
                          executorID: executorID,
                          state: state == "any" ? "any" : state.flatMap(AppealState.init(rawValue:))?.rawValue,
                          kind: kind.flatMap(AppealKind.init(rawValue:))?.rawValue,
                          sort: sort.flatMap(WorklistSort.init(rawValue:)) ?? .due)
        }

        /// The filter as the page's query fields, in order (the sort last).
        var fields: [Hidden] {
            var q = [Hidden(name: "scope", value: scope)]
            if let executorID { q.append(Hidden(name: "executor", value: executorID.uuidString)) }
            if let state { q.append(Hidden(name: "state", value: state)) }
            if let kind { q.append(Hidden(name: "kind", value: kind)) }
            q.append(Hidden(name: "sort", value: sort.rawValue))
            return q
        }

        /// The page's address with this filter and another sort.
        func href(sort: WorklistSort) -> String {
            var f = self
            f.sort = sort
            return "/desk?" + f.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
    }

    /// The number of working days from `today` through `due` (today counts when it is a working day), or,
    /// once `due` has passed, minus the working days after it through today.
    static func workingDaysLeft(today: CivilDate, due: CivilDate, calendar: WorkingDayCalendar) -> Int? {
        if due >= today { return try? calendar.workingDays(from: today, through: due) }
        return (try? calendar.workingDays(from: due.adding(days: 1), through: today)).map { -$0 }
    }

    /// The state of the terms the body must meet: `nextDue` is the nearest of them (forwarding, the
    /// extension notice, the answer); the applicant's correction deadline is not the body's to meet.
    static func termState(nextDue: CivilDate?, today: CivilDate, soon: CivilDate) -> String {
        nextDue.map { $0 < today ? "overdue" : ($0 <= soon ? "at_risk" : "on_time") } ?? "none"
    }

    /// The norms' part of the search, in the reader's language.
    mutating func show(norms found: [NormCandidate], words: [[String]], lang: Language, t: [String: String]) {
        norms = found.map { c in
            let text = c.norm.latest?.text(lang) ?? c.norm.latest?.preconditions.map { $0.text(lang) }.joined(separator: "; ") ?? ""
            return NormHit(id: c.norm.id, citation: c.norm.citation(lang), act: c.act?.title(lang) ?? c.norm.act, level: c.level?.name(lang) ?? "",
                           status: t["law_status_" + c.norm.status.rawValue] ?? c.norm.status.rawValue, statusCode: c.norm.status.rawValue,
                           snippet: Snippet.html(text, words: words, width: 24))
        }
    }

    /// The search's part of the page: the hits with their snippets, and the filter kept in the search form.
    mutating func show(search query: String, hits found: [SearchHit]?, tooLong: Bool, filter: Filter, words: [[String]], t: [String: String]) {
        self.query = query
        keep = filter.fields
        clearHref = filter.href(sort: filter.sort)
        guard found != nil || tooLong else { return }
        searched = true
        searchTooLong = tooLong
        hits = (found ?? []).map { h in
            let r = h.row
            return Hit(id: r.id, number: r.number, registeredOn: CivilDate(r.registeredOn)?.dotted ?? r.registeredOn,
                       applicant: r.applicant ?? (t["appeal_missing"] ?? "—"), state: t["state_" + r.state] ?? r.state,
                       kind: t["kind_" + (r.kind ?? "unknown")] ?? "", finalDue: r.finalDue.flatMap { CivilDate($0) }?.dotted ?? "—",
                       snippet: Snippet.html(h.essence ?? "", words: words))
        }
    }

    static func make(rows: [WorklistRow], filter: Filter, bodyName: String, today: CivilDate, calendar: WorkingDayCalendar,
                     colleagues: [Actor] = [], t: [String: String]) -> DeskPage {
        let soon = (try? calendar.addWorkingDays(3, to: today)) ?? today
        let names = Dictionary(colleagues.map { ($0.userID, $0.name) }, uniquingKeysWith: { a, _ in a })
        return DeskPage(
            bodyName: bodyName,
            rows: rows.map { r in
                let final = r.finalDue.flatMap { CivilDate($0) }
                let code = termState(nextDue: r.nextDue.flatMap { CivilDate($0) }, today: today, soon: soon)
                let left = final.flatMap { workingDaysLeft(today: today, due: $0, calendar: calendar) }
                let near = r.nearPurpose.flatMap { p in r.nearDue.flatMap { CivilDate($0) }.map { (p, $0) } }
                return Row(id: r.id, number: r.number, registeredOn: CivilDate(r.registeredOn)?.dotted ?? r.registeredOn,
                           applicant: r.applicant ?? (t["appeal_missing"] ?? "—"), subject: r.subject ?? "",
                           state: t["state_" + r.state] ?? r.state, kind: t["kind_" + (r.kind ?? "unknown")] ?? "",
                           executor: r.executorID.flatMap { names[$0] } ?? (t["head_unassigned"] ?? "—"),
                           finalDue: final?.dotted ?? "—",
                           nearTerm: near.map { "\(t["near_" + $0.0] ?? $0.0) \($0.1.dotted)" },
                           nearOverdue: near.map { (TermPurpose(rawValue: $0.0)?.bindsBody ?? true) && $0.1 < today } ?? false,
                           termStateCode: code, termState: t["term_" + code] ?? code,
                           left: left.map { $0 < 0 ? "−\(-$0)" : "\($0)" } ?? "—")
            },
            scopes: Filter.scopes.map { Option(value: $0, label: t["desk_scope_" + $0] ?? $0, selected: filter.scope == $0 && filter.executorID == nil) },
            executors: colleagues.filter { $0.roles.contains(.executor) }.sorted { $0.name < $1.name }
                .map { Option(value: $0.userID.uuidString, label: $0.name, selected: filter.executorID == $0.userID) },
            states: [Option(value: "any", label: t["desk_any_state"] ?? "any", selected: filter.state == "any")]
                + AppealState.allCases.map { Option(value: $0.rawValue, label: t["state_" + $0.rawValue] ?? $0.rawValue, selected: filter.state == $0.rawValue) },
            kinds: AppealKind.allCases.map { Option(value: $0.rawValue, label: t["kind_" + $0.rawValue] ?? $0.rawValue, selected: filter.kind == $0.rawValue) },
            sorts: WorklistSort.allCases.map { SortLink(label: t["desk_sort_" + $0.rawValue] ?? $0.rawValue, href: filter.href(sort: $0),
                                                         current: filter.sort == $0) },
            filtered: filter.state != nil || filter.kind != nil || filter.executorID != nil || filter.scope == "unassigned")
    }
}
