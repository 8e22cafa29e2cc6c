import Foundation
import WorkingCalendar

/// What a person may do in a body.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Receives and registers appeals, issues coupons, records corrections received.
    case registrar
    /// Considers assigned appeals: completeness, kind, competence, correction, answer.
    case executor
    /// Head or deputy: assigns, extends terms, decides recusals and terminations.
    case head
    /// Manages their own body: its settings, competence areas, users and roles.
    case admin
    /// Manages the installation: every body (creating them too), the calendar, the norms. Created only by
    /// the command line (`zhauap users add --roles installation_admin`), never granted in the pages.
    case installationAdmin = "installation_admin"
}

/// The person acting, as the procedure sees them.
public struct Actor: Sendable, Hashable, Codable {
    public var userID: UUID
    public var bodyID: UUID
    public var name: String
    /// The position in Kazakh, and in Russian (documents in Russian print it; nil: not given).
    public var position: String
    public var positionRu: String?
    public var roles: Set<Role>

    /// The position as a document in `lang` prints it.
    public func position(_ lang: Language) -> String { lang == .ru ? (positionRu ?? position) : position }

    /// No user has this id: the applicant acting through the public tracking page.
    public static let applicantID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xA1))

    /// The applicant of `appeal`, acting through the public tracking page (the coupon's code proved it).
    public static func applicant(of appeal: Appeal) -> Actor {
        Actor(userID: applicantID, bodyID: appeal.bodyID, name: "Өтініш беруші / Заявитель", position: "", roles: [])
    }

    public init(userID: UUID, bodyID: UUID, name: String, position: String, roles: Set<Role>, positionRu: String? = nil) {
        self.positionRu = positionRu
        self.userID = userID
        self.bodyID = bodyID
        self.name = name
        self.position = position
        self.roles = roles
    }
}
