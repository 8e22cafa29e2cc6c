import Foundation
import WorkingCalendar
import ZhauapDomain

/// A complaint against the body's act waiting to be passed to the higher body with the case file (APPC
/// 91(4)), as the registrar's desk and the head's page list it, each leading to the act's page.
struct ComplaintAlertRow: Encodable {
    var id: UUID
    var number: String
    var complaint: Int
    var passBy: String?
    /// The three working days are over.
    var overdue: Bool

    static func rows(_ appeals: [Appeal], today: CivilDate) -> [ComplaintAlertRow] {
        appeals.flatMap { a in
            a.complaints.filter { $0.passing == nil }.map { c in
                let due = a.term(.complaintPassing)?.due
                return ComplaintAlertRow(id: a.id, number: a.registration.number, complaint: c.number, passBy: due?.dotted,
                                         overdue: due.map { today > $0 } ?? false)
            }
        }
    }
}
