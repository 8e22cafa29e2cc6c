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

/// How a worklist is ordered: by the nearest term (the default), by the final term, or by number.
public enum WorklistSort: String, Sendable, Hashable, CaseIterable {
    case due, final, number
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
    /// Only appeals nobody is assigned to.
    public var unassigned = false
    public var sort: WorklistSort = .due
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
    /// The nearest active term the body must meet (forwarding, extension notice, consideration), or nil.
    public var nextDue: String?
    /// The final term: the day the answer is due (the active consideration term), or nil.
    public var finalDue: String?
    /// The nearest active intermediate term (anything but consideration: forwarding, correction, the
    /// extension notice), named by its purpose — never shown as an unnamed date.
    public var nearPurpose: String?
    public var nearDue: String?
    /// The applicant as named on the appeal, and the start of the essence (the subject).
    public var applicant: String?
    public var subject: String?

    public init(id: UUID, number: String, state: String, kind: String?, executorID: UUID?, registeredOn: String, nextDue: String?,
                finalDue: String? = nil, nearPurpose: String? = nil, nearDue: String? = nil, applicant: String? = nil, subject: String? = nil) {
        (self.id, self.number, self.state, self.kind, self.executorID, self.registeredOn, self.nextDue) =
            (id, number, state, kind, executorID, registeredOn, nextDue)
        (self.finalDue, self.nearPurpose, self.nearDue, self.applicant, self.subject) = (finalDue, nearPurpose, nearDue, applicant, subject)
    }

    /// The row of an appeal: every column derived here, once, for every storage.
    public init(_ a: Appeal) {
        let active = a.terms.filter { $0.status == .active }
        let near = active.filter { $0.purpose != .consideration }.min { $0.due < $1.due }
        self.init(id: a.id, number: a.registration.number, state: a.state.rawValue, kind: a.kind?.rawValue, executorID: a.executorID,
                  registeredOn: a.registration.registeredOn.description,
                  nextDue: active.filter { $0.purpose.bindsBody }.map(\.due).min()?.description,
                  finalDue: active.last { $0.purpose == .consideration }?.due.description,
                  nearPurpose: near?.purpose.rawValue, nearDue: near?.due.description,
                  applicant: a.applicant.displayName, subject: a.essence.map { Self.subject(of: $0) })
    }

    /// The first words of the essence, at most `limit` characters, cut at a word.
    public static func subject(of essence: String, limit: Int = 90) -> String {
        let flat = essence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}
