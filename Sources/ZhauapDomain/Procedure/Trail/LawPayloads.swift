import Foundation
import WorkingCalendar

// The facts the law's trail entries record (see `EventPayload`): which norm, which version, what for,
// the answers; the texts stay in the case (the state hash covers them).

public struct NormApplied: Sendable, Hashable, Codable {
    public var number: Int
    public var norm: String
    public var versionFrom: CivilDate
    public var relevantOn: CivilDate
    public var purposes: [CasePurpose]
    public var prevailsOver: [String]
    public var registryVersion: String

    public init(_ n: AppliedNorm) {
        (number, norm, versionFrom, relevantOn, purposes, prevailsOver, registryVersion) =
            (n.number, n.pinned.normID, n.pinned.version.from, n.pinned.relevantOn, n.purposes, n.prevailsOver, n.pinned.registryVersion)
    }
}

public struct NormWithdrawn: Sendable, Hashable, Codable {
    public var number: Int
    public var norm: String
}

public struct PreconditionChecked: Sendable, Hashable, Codable {
    public var number: Int
    public var norm: String
    public var precondition: Int
    public var answer: PreconditionAnswer
    public var facts: [Int]
    public var evidence: [Int]

    public init(number: Int, norm: String, check: PreconditionCheck) {
        (self.number, self.norm, precondition, answer, facts, evidence) = (number, norm, check.precondition, check.answer, check.facts, check.evidence)
    }
}

public struct AnalogyRecorded: Sendable, Hashable, Codable {
    public var number: Int
    public var kind: AnalogyKind
    public var norms: [String]
}
