import Foundation
import WorkingCalendar

/// A document the applicant receives about the appeal (R46); each is produced in Kazakh and in Russian.
public enum OutgoingDocument: String, Sendable, Hashable, Codable, CaseIterable {
    /// The coupon given at registration (APPC 64(2)).
    case coupon
    /// The return for correction (APPC 63, R4).
    case correctionNotice = "correction_notice"
    /// The notice of forwarding to the competent body (APPC 65, R6).
    case forwardingNotice = "forwarding_notice"
    /// The notice that the term was extended, with the reason and the new date (APPC 76(2), R15).
    case extensionNotice = "extension_notice"
    /// The notice that the procedure was terminated, with its ground (APPC 70, 88; R8).
    case terminationNotice = "termination_notice"
    /// The answer of the simplified procedure (APPC 87–89, R46).
    case answerLetter = "answer_letter"
    /// The draft decision given to a participant before the act (APPC 73, R33).
    case draftDecision = "draft_decision"
    /// The invitation to the hearing (R32).
    case hearingInvitation = "hearing_invitation"
    /// A copy of the hearing's protocol (R36).
    case hearingProtocol = "hearing_protocol"
    /// The signed administrative act (R44; APPC 66, 81).
    case administrativeAct = "administrative_act"

    /// The hearing's documents are frozen in the case when prepared; sending one refers to that file.
    public var isHearingDocument: Bool { self == .draftDecision || self == .hearingInvitation || self == .hearingProtocol }

    /// Frozen in the case when made (the hearing's documents, the signed act): a sending refers to that file.
    public var isFrozenWhenMade: Bool { isHearingDocument || self == .administrativeAct }

    /// Whether the appeal has what this document tells.
    public func isAvailable(for a: Appeal) -> Bool {
        switch self {
        case .coupon: true
        case .correctionNotice: a.correction != nil
        case .forwardingNotice: !a.forwardings.isEmpty
        case .extensionNotice: a.terms.contains { $0.purpose == .consideration && $0.originalDue != nil }
        case .terminationNotice: a.termination != nil
        case .answerLetter: a.answer != nil
        case .draftDecision: a.hearing?.draft != nil
        case .hearingInvitation: !(a.hearing?.invitations.isEmpty ?? true)
        case .hearingProtocol: a.hearing?.protocol_ != nil
        case .administrativeAct: a.signedAct != nil
        }
    }

    /// The languages the document is produced in for this appeal: Kazakh always (the state language), and
    /// Russian too. A document carrying free text (the answer, the correction, the extension's reason) is
    /// produced in Russian only when that text was typed in Russian (Law "On languages" Art. 11).
    public func languages(for a: Appeal) -> [Language] {
        switch self {
        case .answerLetter: a.answer?.languages ?? [.kk]
        case .draftDecision: a.hearing?.draft?.languages ?? [.kk]
        case .hearingInvitation: a.hearing?.invitations.last.map { $0.documents.count > 1 ? [.kk, .ru] : [.kk] } ?? [.kk]
        case .hearingProtocol: a.hearing?.protocol_.map { $0.documents.count > 1 ? [.kk, .ru] : [.kk] } ?? [.kk]
        case .correctionNotice: a.correction.map { $0.ru == nil ? [.kk] : [.kk, .ru] } ?? [.kk]
        case .extensionNotice:
            a.terms.last { $0.purpose == .consideration && $0.originalDue != nil }.map { $0.extensionReasonRu == nil ? [.kk] : [.kk, .ru] } ?? [.kk]
        default: [.kk, .ru]
        }
    }
}

/// A document the body issued to the applicant: its outgoing number and date and who signed it, fixed
/// when the step that produces it is taken (printed on the document; the case file keeps the file).
public struct IssuedDocument: Sendable, Hashable, Codable {
    public var document: OutgoingDocument
    /// `<registration number>/<n>`: the n-th document issued on the appeal.
    public var number: String
    public var issuedOn: CivilDate
    public var signatoryName: String
    /// The signatory's position in Kazakh, and in Russian when known.
    public var signatoryPosition: String
    public var signatoryPositionRu: String?

    public init(document: OutgoingDocument, number: String, issuedOn: CivilDate, signatoryName: String, signatoryPosition: String,
                signatoryPositionRu: String? = nil) {
        (self.document, self.number, self.issuedOn, self.signatoryName, self.signatoryPosition) =
            (document, number, issuedOn, signatoryName, signatoryPosition)
        self.signatoryPositionRu = signatoryPositionRu
    }

    /// The position as the document in `lang` prints it.
    public func position(_ lang: Language) -> String { lang == .ru ? (signatoryPositionRu ?? signatoryPosition) : signatoryPosition }
}

/// How a document reached (or was sent to) the applicant.
public enum DeliveryChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case inPerson = "in_person"
    case post
    case email
    case eotinish
    case sms
    /// WhatsApp, Telegram or another messenger (R32, R36).
    case messenger
}

/// The record that a document was sent (R46): which, in which language, how, on which day, by whom.
public struct Sending: Sendable, Hashable, Codable {
    public var document: OutgoingDocument
    public var language: Language
    public var channel: DeliveryChannel
    public var sentOn: CivilDate
    /// A postal receipt number, an e-mail address, a portal message id…
    public var reference: String?
    public var recordedBy: UUID
    /// To whom, when not the applicant: a participant of the hearing by number (the addressee is 1).
    public var participant: Int?
    /// The case document sent (a hearing document is frozen when prepared, and the sending names it).
    public var caseDocument: Int?
    /// The day it reached the addressee, and the proof (a receipt, a read notice…; a case document).
    public var deliveredOn: CivilDate?
    public var proof: String?
    public var proofDocument: Int?

    public init(document: OutgoingDocument, language: Language, channel: DeliveryChannel, sentOn: CivilDate, reference: String?,
                recordedBy: UUID) {
        (self.document, self.language, self.channel, self.sentOn, self.reference, self.recordedBy) =
            (document, language, channel, sentOn, reference, recordedBy)
    }
}
