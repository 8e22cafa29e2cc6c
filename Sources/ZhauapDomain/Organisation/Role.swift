import Foundation

/// What a person may do in a body.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Receives and registers appeals, issues coupons, records corrections received.
    case registrar
    /// Considers assigned appeals: completeness, kind, competence, correction, answer.
    case executor
    /// Head or deputy: assigns, extends terms, decides recusals and terminations.
    case head
    /// Manages bodies, users and the calendar.
    case admin
}

/// The person acting, as the procedure sees them.
public struct Actor: Sendable, Hashable, Codable {
    public var userID: UUID
    public var bodyID: UUID
    public var name: String
    public var position: String
    public var roles: Set<Role>

    public init(userID: UUID, bodyID: UUID, name: String, position: String, roles: Set<Role>) {
        self.userID = userID
        self.bodyID = bodyID
        self.name = name
        self.position = position
        self.roles = roles
    }
}
