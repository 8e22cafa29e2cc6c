import Foundation
import WorkingCalendar

// The facts the act's and the complaint's trail entries record (see `EventPayload`): what was drafted and
// edited, who approved which revision, which warnings were let pass and why, the signature with the frozen
// versions' SHA-256, and the complaint's way to the higher body and back. The texts stay in the case.

public struct ActDrafted: Sendable, Hashable, Codable {
    public var kind: ActKind
    public var outcome: ComplaintOutcome?
    public var discretionary: Bool
    public var revision: Int
    public var approvers: Int
}

public struct ActEdited: Sendable, Hashable, Codable {
    public var revision: Int
    /// `kk:facts`, `ru:legal_reasoning` …
    public var sections: [String]
}

public struct ActApproved: Sendable, Hashable, Codable {
    public var revision: Int
}

public struct WarningAcknowledged: Sendable, Hashable, Codable {
    public var code: String
    public var section: ActSection?
    public var language: Language?
    public var revision: Int
}

public struct ActSigned: Sendable, Hashable, Codable {
    public var kind: ActKind
    public var outcome: ComplaintOutcome?
    public var revision: Int
    public var number: String
    public var documents: [Int]
    public var sha256Kk: String?
    public var sha256Ru: String?
    /// Warnings let pass before signing, by code.
    public var acknowledged: [String]
}

public struct ComplaintFiled: Sendable, Hashable, Codable {
    public var complaint: Int
    /// `act` or `deemed_refusal`.
    public var against: String
    public var late: Bool
    public var passBy: CivilDate?
}

public struct ComplaintPassed: Sendable, Hashable, Codable {
    public var complaint: Int
    public var higherBody: String
    public var export: Int?
    public var late: Bool
}

public struct ComplaintDecided: Sendable, Hashable, Codable {
    public var complaint: Int
    public var outcome: ComplaintOutcome
    public var number: String
    public var documents: [Int]
}
