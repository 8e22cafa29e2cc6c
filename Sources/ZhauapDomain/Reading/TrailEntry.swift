import Foundation
import WorkingCalendar

/// One entry of an appeal's trail as read back: who, in which role, when recorded, the legal date,
/// what and why.
public struct TrailEntry: Sendable, Hashable, Codable {
    public var seq: Int
    public var type: String
    public var actorID: UUID
    public var actorName: String
    public var actorRoles: [String]
    public var recordedAt: Date
    public var legalDate: CivilDate
    public var reason: String?
    public var details: [String: String]
    public var hash: String

    public init(seq: Int, type: String, actorID: UUID, actorName: String, actorRoles: [String], recordedAt: Date, legalDate: CivilDate,
                reason: String?, details: [String: String], hash: String) {
        (self.seq, self.type, self.actorID, self.actorName, self.actorRoles) = (seq, type, actorID, actorName, actorRoles)
        (self.recordedAt, self.legalDate, self.reason, self.details, self.hash) = (recordedAt, legalDate, reason, details, hash)
    }
}

/// A worklist query (R47): the body's appeals, optionally only one executor's, only open ones due by a
/// date, by state or kind, sorted by the nearest due date.
public struct WorklistQuery: Sendable, Hashable {
    public var bodyID: UUID
    public var executorID: UUID?
    public var dueOnOrAfter: CivilDate?
    public var dueOnOrBefore: CivilDate?
    public var state: String?
    public var kind: String?
    /// Only appeals in one of these states (e.g. the open ones), when given.
    public var states: [String]?
    public var limit: Int

    public init(bodyID: UUID, executorID: UUID? = nil, dueOnOrAfter: CivilDate? = nil, dueOnOrBefore: CivilDate? = nil,
                state: String? = nil, kind: String? = nil, limit: Int = 100) {
        self.bodyID = bodyID
        self.executorID = executorID
        self.dueOnOrAfter = dueOnOrAfter
        self.dueOnOrBefore = dueOnOrBefore
        self.state = state
        self.kind = kind
        self.limit = limit
    }
}

/// A row of a worklist: enough to list and sort without loading whole appeals.
public struct WorklistRow: Sendable, Hashable, Codable {
    public var id: UUID
    public var number: String
    public var state: String
    public var kind: String?
    public var executorID: UUID?
    public var registeredOn: String
    public var nextDue: String?

    public init(id: UUID, number: String, state: String, kind: String?, executorID: UUID?, registeredOn: String, nextDue: String?) {
        (self.id, self.number, self.state, self.kind, self.executorID, self.registeredOn, self.nextDue) =
            (id, number, state, kind, executorID, registeredOn, nextDue)
    }
}
