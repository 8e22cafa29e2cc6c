import Foundation
import WorkingCalendar
import ZhauapDomain

/// The desk's model, built from plain values: the worklist with each term's state as colour and text,
/// the working days left, and the filters (R47).
struct DeskPage: Encodable {
    struct Row: Encodable {
        var id: UUID
        var number: String
        var registeredOn: String
        var state: String
        var kind: String
        var due: String
        /// on_time, at_risk, overdue or none: the colour; `termState` is the text (never colour alone).
        var termStateCode: String
        var termState: String
        /// "3" working days left (today included), "−2" overdue by two working days, or "—".
        var left: String
    }

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }

    var bodyName: String
    var rows: [Row]
    var scopes: [Option]
    var states: [Option]
    var kinds: [Option]
    var filtered: Bool

    /// The worklist's filter, as chosen in the page's query.
    struct Filter: Equatable {
        /// `mine` (assigned to me) or `all` (the body's).
        var scope: String
        var state: String?
        var kind: String?

        /// Executors see their own appeals first; heads and registrars see the body's.
        static func read(scope: String?, state: String?, kind: String?, roles: Set<Role>) -> Filter {
            let defaultScope = roles.contains(.head) || !roles.contains(.executor) ? "all" : "mine"
            return Filter(scope: scope == "mine" || scope == "all" ? scope! : defaultScope,
                          state: state.flatMap(AppealState.init(rawValue:))?.rawValue,
                          kind: kind.flatMap(AppealKind.init(rawValue:))?.rawValue)
        }
    }

    /// The number of working days from `today` through `due` (today counts when it is a working day), or,
    /// once `due` has passed, minus the working days after it through today.
    static func workingDaysLeft(today: CivilDate, due: CivilDate, calendar: WorkingDayCalendar) -> Int? {
        if due >= today { return try? calendar.workingDays(from: today, through: due) }
        return (try? calendar.workingDays(from: due.adding(days: 1), through: today)).map { -$0 }
    }

    static func make(rows: [WorklistRow], filter: Filter, bodyName: String, today: CivilDate, calendar: WorkingDayCalendar,
                     t: [String: String]) -> DeskPage {
        let soon = (try? calendar.addWorkingDays(3, to: today)) ?? today
        return DeskPage(
            bodyName: bodyName,
            rows: rows.map { r in
                let due = r.nextDue.flatMap { CivilDate($0) }
                let code = due.map { $0 < today ? "overdue" : ($0 <= soon ? "at_risk" : "on_time") } ?? "none"
                let left = due.flatMap { workingDaysLeft(today: today, due: $0, calendar: calendar) }
                return Row(id: r.id, number: r.number, registeredOn: CivilDate(r.registeredOn)?.dotted ?? r.registeredOn,
                           state: t["state_" + r.state] ?? r.state, kind: t["kind_" + (r.kind ?? "unknown")] ?? "",
                           due: due?.dotted ?? "—", termStateCode: code, termState: t["term_" + code] ?? code,
                           left: left.map { $0 < 0 ? "−\(-$0)" : "\($0)" } ?? "—")
            },
            scopes: ["mine", "all"].map { Option(value: $0, label: t["desk_scope_" + $0] ?? $0, selected: filter.scope == $0) },
            states: AppealState.allCases.map { Option(value: $0.rawValue, label: t["state_" + $0.rawValue] ?? $0.rawValue, selected: filter.state == $0.rawValue) },
            kinds: AppealKind.allCases.map { Option(value: $0.rawValue, label: t["kind_" + $0.rawValue] ?? $0.rawValue, selected: filter.kind == $0.rawValue) },
            filtered: filter.state != nil || filter.kind != nil)
    }
}
