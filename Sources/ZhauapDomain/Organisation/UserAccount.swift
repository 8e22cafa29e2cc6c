import Foundation

/// A user as administrators see them: the person, their login, and whether they may sign in.
public struct UserAccount: Sendable, Hashable {
    public var actor: Actor
    public var login: String
    public var active: Bool

    public init(actor: Actor, login: String, active: Bool) {
        (self.actor, self.login, self.active) = (actor, login, active)
    }
}
