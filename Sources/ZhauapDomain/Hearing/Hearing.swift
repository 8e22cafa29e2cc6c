import Foundation
import WorkingCalendar

/// The hearing of an appeal's participants before its act (GUIDE §6, R30–R37; APPC 73, 74): what the rules
/// require, who takes part, the draft decision and its delivery, the invitation, the objections, and how it
/// ended — held (with its protocol when oral) or omitted with the reason the act will state.
public struct Hearing: Sendable, Hashable, Codable {
    public var outcome: HearingOutcome
    public var burdensThirdParty: Bool
    public var exception: HearingException?
    /// The hearing rules' answer when planned (kept: the rules may change later).
    public var ruling: HearingRuling
    public var plannedOn: CivilDate
    public var plannedBy: UUID
    /// The addressee first, then the interested persons.
    public var participants: [HearingParticipant]
    /// The draft decision's versions in order; the last is the one in force.
    public var drafts: [DraftDecision]
    public var invitations: [HearingInvitation]
    /// Objections and arguments, each to be answered by the act (R40).
    public var arguments: [HearingArgument]
    public var conduct: HearingConduct

    public init(outcome: HearingOutcome, burdensThirdParty: Bool, exception: HearingException?, ruling: HearingRuling, plannedOn: CivilDate,
                plannedBy: UUID, participants: [HearingParticipant]) {
        (self.outcome, self.burdensThirdParty, self.exception, self.ruling) = (outcome, burdensThirdParty, exception, ruling)
        (self.plannedOn, self.plannedBy, self.participants) = (plannedOn, plannedBy, participants)
        drafts = []
        invitations = []
        arguments = []
        conduct = .pending
    }

    public var draft: DraftDecision? { drafts.last }
    public func participant(_ n: Int) -> HearingParticipant? { participants.first { $0.number == n } }
    public var addressee: HearingParticipant? { participants.first { $0.role == .addressee } }
    /// Arguments the act has not answered yet.
    public var unanswered: [HearingArgument] { arguments.filter { $0.answer == nil } }
}

public enum ParticipantRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The addressee of the act (the applicant).
    case addressee
    /// A person whose rights the act may restrict (a third party, R35).
    case interested
}

/// How a participant can be reached (R32: the body chooses what suits the participant).
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case inPerson = "in_person"
    case post
    case email
    case messenger
    case phone
    case eotinish
}

public struct HearingParticipant: Sendable, Hashable, Codable {
    public var number: Int
    public var role: ParticipantRole
    public var name: String
    /// Address, e-mail, telephone or messenger number, as the participant gave it.
    public var contacts: String?
    public var channel: ContactChannel
    public var addedOn: CivilDate
}

/// The draft decision's text in one language. The act (the next stage) is drafted in the model structure's
/// sections; the draft carries the ones a participant needs to state a position: what is intended, on which
/// facts, on which law.
public struct DraftText: Sendable, Hashable, Codable {
    public var operativeSummary: String
    public var facts: String?
    public var legalReasoning: String?

    public init(operativeSummary: String, facts: String? = nil, legalReasoning: String? = nil) {
        (self.operativeSummary, self.facts, self.legalReasoning) = (operativeSummary, facts, legalReasoning)
    }
}

/// One version of the draft decision (the preliminary decision, APPC 73): its texts and the case documents
/// it was frozen as (Kazakh first, then Russian).
public struct DraftDecision: Sendable, Hashable, Codable {
    public var version: Int
    public var kk: DraftText
    public var ru: DraftText?
    public var documents: [Int]
    public var preparedOn: CivilDate
    public var preparedBy: UUID

    public func text(_ lang: Language) -> DraftText? { lang == .ru ? ru : kk }
    public var languages: [Language] { ru == nil ? [.kk] : [.kk, .ru] }
}

/// The hearing's form, chosen for the participant's convenience (R32).
public enum HearingForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// A personal conversation in the body's premises.
    case inPersonAtBody = "in_person_body"
    /// A personal conversation at the applicant's place.
    case inPersonVisit = "in_person_visit"
    /// A video or messenger call (WhatsApp, Zoom or another application the participant uses).
    case videoCall = "video_call"
    /// By e-mail.
    case email
    /// No direct contact: the participant's written opinion, passed through another person.
    case writtenOpinion = "written_opinion"

    /// An oral hearing has a protocol (R36, R37); one by documents or correspondence has none.
    public var isOral: Bool { self == .inPersonAtBody || self == .inPersonVisit || self == .videoCall }
}

/// The invitation to the hearing (R32, R33): when, where or through what, how to take part, and the right to
/// object, frozen in the case as Kazakh and Russian documents.
public struct HearingInvitation: Sendable, Hashable, Codable {
    public var number: Int
    public var form: HearingForm
    /// The application for a call (WhatsApp, Zoom, …).
    public var app: String?
    public var date: CivilDate
    /// `HH:MM`.
    public var time: String
    /// The address, the link or the e-mail address.
    public var place: String
    /// How to take part, in Kazakh and, for an appeal in Russian, in Russian.
    public var howKk: String?
    public var howRu: String?
    public var documents: [Int]
    public var invitedOn: CivilDate
}

/// How an objection or argument reached the body.
public enum ArgumentChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// In writing: a document of the case.
    case written
    /// Orally, at the hearing (in the protocol).
    case oral
    /// Through the public tracking page, with the appeal's number and the coupon's code.
    case online
}

/// An objection or argument of a participant (APPC 73(3); R40: the act answers each).
public struct HearingArgument: Sendable, Hashable, Codable {
    public var number: Int
    public var participant: Int
    public var channel: ArgumentChannel
    public var text: String
    /// The case document that carries it (a written or online objection).
    public var document: Int?
    public var receivedOn: CivilDate
    /// Received after the objection window (APPC 73(3)): still recorded and answered.
    public var late: Bool
    public var answer: ArgumentAnswer?
}

/// Whether an argument is accepted, and why (R40), in Kazakh and, for an appeal in Russian, in Russian.
public struct ArgumentAnswer: Sendable, Hashable, Codable {
    public var accepted: Bool
    public var reasonKk: String
    public var reasonRu: String?
    public var answeredOn: CivilDate
    public var answeredBy: UUID
}

/// How the hearing stands: not yet, held, or omitted with the reason. A held hearing always has its form and
/// day, an oral one its protocol; an omitted one always has its reason.
public enum HearingConduct: Sendable, Hashable, Codable {
    case pending
    case held(HeldHearing)
    case omitted(HearingOmission)

    private enum Key: String, CodingKey { case status, held, omitted }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .pending: try c.encode("pending", forKey: .status)
        case .held(let h): try c.encode("held", forKey: .status); try c.encode(h, forKey: .held)
        case .omitted(let o): try c.encode("omitted", forKey: .status); try c.encode(o, forKey: .omitted)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .status) {
        case "pending": self = .pending
        case "held": self = .held(try c.decode(HeldHearing.self, forKey: .held))
        case "omitted": self = .omitted(try c.decode(HearingOmission.self, forKey: .omitted))
        case let other: throw DecodingError.dataCorruptedError(forKey: .status, in: c, debugDescription: "unknown hearing status \(other)")
        }
    }

    public var status: String {
        switch self {
        case .pending: "pending"
        case .held: "held"
        case .omitted: "omitted"
        }
    }
}

public struct HeldHearing: Sendable, Hashable, Codable {
    public var form: HearingForm
    public var heldOn: CivilDate
    /// Only an oral hearing has one (R37); a hearing by correspondence keeps its material in the case.
    public var protocol_: HearingProtocol?
    public var recordedBy: UUID

    enum CodingKeys: String, CodingKey { case form, heldOn, protocol_ = "protocol", recordedBy }
}

/// The protocol of an oral hearing (APPC 74; R36, R37).
public struct HearingProtocol: Sendable, Hashable, Codable {
    public var place: String
    public var heldOn: CivilDate
    /// `HH:MM`, the end after the start.
    public var startTime: String
    public var endTime: String
    public var bodyName: String
    public var presidingName: String
    public var secretaryName: String
    /// The participants present and the other persons heard.
    public var participantsPresent: [String]
    /// The matter considered, and the explanations, questions, answers and statements, in Kazakh and, for
    /// an appeal in Russian, in Russian.
    public var matterKk: String
    public var matterRu: String?
    public var contentKk: String
    public var contentRu: String?
    /// Facts a participant asked to have recorded as essential (APPC 74).
    public var essentialFacts: String?
    /// The technical means of recording (audio, video …), if any.
    public var recordingMeans: String?
    /// A video recording needs the participant's written consent: the case document that holds it.
    public var videoRecorded: Bool
    public var videoConsentDocument: Int?
    /// When the addressee received the draft (from the delivery record).
    public var draftReceivedOn: CivilDate?
    /// Why the addressee is absent, if known.
    public var absenceReason: String?
    public var signedByPresiding: Bool
    public var signedBySecretary: Bool
    /// When and where the participant can read it (R36).
    public var readyOn: CivilDate
    public var readingPlace: String
    public var documents: [Int]
}

public struct HearingOmission: Sendable, Hashable, Codable {
    public var reason: OmissionReason
    /// The articles the reason rests on, as the act cites them.
    public var articles: [String]
    /// The reason's words for the act (the rule's, unless the executor adds a note).
    public var textKk: String
    public var textRu: String
    public var note: String?
    public var decidedOn: CivilDate
    public var decidedBy: UUID
}
