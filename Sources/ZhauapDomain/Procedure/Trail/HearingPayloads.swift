import Foundation
import WorkingCalendar

// The facts the hearing's trail entries record (see `EventPayload`): what the rules decided, who takes
// part, which draft went where and reached whom when, the objections and how they were answered, and how
// the hearing ended. The texts stay in the case (the state hash covers them).

public struct HearingPlanned: Sendable, Hashable, Codable {
    public var outcome: HearingOutcome
    public var burdensThirdParty: Bool
    public var exception: HearingException?
    public var decision: HearingDecision
    public var rule: String
}

public struct ParticipantAdded: Sendable, Hashable, Codable {
    public var participant: Int
    public var role: ParticipantRole
    public var channel: ContactChannel
}

public struct DraftPrepared: Sendable, Hashable, Codable {
    public var version: Int
    public var documents: [Int]
    public var languages: [Language]
}

public struct DeliveryRecorded: Sendable, Hashable, Codable {
    public var sending: Int
    public var document: OutgoingDocument
    public var participant: Int?
    public var sentOn: CivilDate
    public var deliveredOn: CivilDate
    public var proofDocument: Int?
    /// For the draft decision: the objection window's last day and the earliest day of the act, as now computed.
    public var objectionUntil: CivilDate?
    public var adoptableFrom: CivilDate?
    /// For the act: the last day of the three months to complain (APPC 92).
    public var complaintUntil: CivilDate?
}

public struct InvitationIssued: Sendable, Hashable, Codable {
    public var number: Int
    public var form: HearingForm
    public var date: CivilDate
    public var time: String
    public var documents: [Int]
}

public struct ObjectionRecorded: Sendable, Hashable, Codable {
    public var number: Int
    public var participant: Int
    public var channel: ArgumentChannel
    public var document: Int?
    public var late: Bool
}

public struct ArgumentAnswered: Sendable, Hashable, Codable {
    public var number: Int
    public var accepted: Bool
}

public struct HearingHeld: Sendable, Hashable, Codable {
    public var form: HearingForm
    public var heldOn: CivilDate
    /// The protocol's case documents (an oral hearing), kk first.
    public var protocolDocuments: [Int]
    public var signedByPresiding: Bool?
    public var signedBySecretary: Bool?
}

public struct HearingOmitted: Sendable, Hashable, Codable {
    public var reason: OmissionReason
    public var articles: [String]
    public var decision: HearingDecision
}
