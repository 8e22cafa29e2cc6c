import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// What registration reads before it reads an appeal: the same applicant's earlier appeals (APPC 88).
extension FluentAppealStore {
    /// Read newest first from `appeals_body_applicant_recent` (migration 0024): `limit` rows of the index,
    /// however many appeals the body or the applicant has.
    static func earlierAppealsStatement(bodyID: UUID, applicantKey: String, limit: Int) -> SQLQueryString {
        """
        SELECT a.id, a.reg_number, s.essence FROM appeals a JOIN appeal_search s ON s.appeal_id = a.id
        WHERE a.body_id = \(bind: bodyID) AND a.applicant_key = \(bind: applicantKey) AND s.essence IS NOT NULL
        ORDER BY a.registered_on DESC, a.reg_sequence DESC LIMIT \(bind: limit)
        """
    }

    /// The essence is read from the search index's row (written with the appeal, in its transaction), so no
    /// earlier appeal is decoded whole: a frequent applicant's registration costs no more than anyone's.
    public func earlierAppeals(bodyID: UUID, applicantKey: String, limit: Int) async throws -> [RepeatCheck.Earlier] {
        try await sql.raw(Self.earlierAppealsStatement(bodyID: bodyID, applicantKey: applicantKey, limit: limit)).all().map { r in
            RepeatCheck.Earlier(id: try r.decode(column: "id", as: UUID.self), number: try r.decode(column: "reg_number", as: String.self),
                                essence: try r.decode(column: "essence", as: String.self))
        }
    }
}
