import FluentKit
import FluentSQL
import Foundation
import SQLKit
import ZhauapDomain

/// What registration reads before it reads an appeal: the same applicant's earlier appeals (APPC 88).
extension FluentAppealStore {
    /// Keeps how the applicant is recognised again beside the appeal (in the registration's transaction).
    func writeApplicantKey(_ appeal: Appeal) async throws {
        guard let key = appeal.applicant.matchKey else { return }
        try await sql.raw("UPDATE appeals SET applicant_key = \(bind: key) WHERE id = \(bind: appeal.id)").run()
    }

    public func earlierAppeals(bodyID: UUID, applicantKey: String, limit: Int) async throws -> [RepeatCheck.Earlier] {
        let rows = try await sql.raw("""
            SELECT id, reg_number, document FROM appeals WHERE body_id = \(bind: bodyID) AND applicant_key = \(bind: applicantKey)
            ORDER BY registered_on DESC, reg_sequence DESC LIMIT \(bind: limit)
            """).all()
        let pairs = try rows.map { (id: try $0.decode(column: "id", as: UUID.self), document: try $0.decode(column: "document", as: String.self)) }
        return try await appeals(pairs).compactMap { a in
            a.essence.map { RepeatCheck.Earlier(id: a.id, number: a.registration.number, essence: $0) }
        }
    }
}
