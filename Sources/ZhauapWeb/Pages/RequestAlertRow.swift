import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// A request for assistance that needs attention (R22), as the desk and the head's page list it: past its
/// term and unanswered, or recorded as unanswerable.
struct RequestAlertRow: Encodable {
    var id: UUID
    var number: String
    var request: Int
    var to: String
    var due: String
    var status: String

    static func rows(_ alerts: [RequestAlert], today: CivilDate, ru: Bool, t: [String: String]) -> [RequestAlertRow] {
        alerts.map { a in
            let r = a.request
            var status = t["request_overdue"] ?? ""
            if case .failed(let reason, let on) = r.outcome { status = "\(t["request_failed"] ?? "") \(on.dotted): \(reason)" }
            return RequestAlertRow(id: a.appealID, number: a.number, request: r.number, to: ru ? (r.to.nameRu ?? r.to.name) : r.to.name,
                                   due: r.due.dotted, status: status)
        }
    }
}
