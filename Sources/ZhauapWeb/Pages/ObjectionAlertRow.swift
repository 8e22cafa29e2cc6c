import Foundation
import WorkingCalendar
import ZhauapDomain

/// An appeal whose hearing has objections or arguments the act has not answered yet (APPC 73(3), R40), as
/// the desk (the executor's own) and the head's page (the body's) list it, each leading to its hearing page.
struct ObjectionAlertRow: Encodable {
    var id: UUID
    var number: String
    /// How many wait for an answer, and since when.
    var count: Int
    var since: String
    /// One of them came after the objection window (still answered, R40).
    var late: Bool

    static func rows(_ appeals: [Appeal]) -> [ObjectionAlertRow] {
        appeals.compactMap { a in
            guard let waiting = a.hearing?.unanswered, let first = waiting.map(\.receivedOn).min() else { return nil }
            return ObjectionAlertRow(id: a.id, number: a.registration.number, count: waiting.count, since: first.dotted,
                                     late: waiting.contains { $0.late })
        }
    }
}
