import Foundation
import WorkingCalendar

/// An appeal and everything its procedure has recorded. Pure data: the procedure (`Procedure`) changes
/// it and says what happened (`AppealEvent`); storage keeps both.
public struct Appeal: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var bodyID: UUID
    public var registration: Registration
    public var applicant: Applicant
    public var addressedTo: String?
    /// What the applicant asks for (R3). May be missing at registration.
    public var essence: String?
    public var language: Language?
    /// The date the applicant put on the appeal.
    public var appealDate: CivilDate?
    public var signaturePresent: Bool?
    public var attachments: [Attachment]
    /// The sheets of the appeal itself (attachments count their own pages).
    public var sheets: Int?
    /// Reports a criminal offence or a threat to state or public security: never terminated as
    /// anonymous, forwarded at once (APPC 88).
    public var reportsCrimeOrThreat: Bool
    /// Who or what set `reportsCrimeOrThreat`, in which words, and whether a head cleared it (APPC 88).
    public var crimeFlag: CrimeFlag?
    /// A special law's term rule that overrides the APPC default (R17), e.g. `information_request`.
    public var specialRule: String?
    public var suggestion: KindSuggestion?
    public var kind: AppealKind?
    public var area: String?
    /// The answer to the competence question (R6), once given.
    public var competence: CompetenceDecision?
    /// Where the procedure stands, with the data of that stage.
    public var stage: AppealStage
    public var completeness: CompletenessCheck?
    /// The latest correction request no longer awaited (received, or ended uncorrected).
    public var pastCorrection: CorrectionRequest?
    public var forwardings: [Forwarding]
    public var recusal: RecusalRequest?
    /// An executor's request to extend the consideration term, for the head to decide (APPC 76(2), R15).
    public var extensionRequest: ExtensionRequest?
    public var terms: [AppealTerm]
    /// The appeal this one was forwarded from (a body in this installation), keeping its receipt date.
    public var forwardedFromID: UUID?
    /// Documents recorded as sent to the applicant (R46).
    public var sendings: [Sending]
    /// Documents issued to the applicant, with their outgoing numbers, in the order issued.
    public var issued: [IssuedDocument]
    /// The administrative case (R10–R13) and its documents in order.
    public var caseFile: CaseFile
    public var documents: [CaseDocument]
    /// The facts and the applicant's arguments (R20, R21, R40).
    public var facts: [CaseFact]
    /// Requests to other bodies for assistance (R22) and experts involved (R23).
    public var assistance: [AssistanceRequest]
    public var experts: [ExpertInvolvement]
    /// The case as handed over to a higher body or a court (R13).
    public var exports: [CaseExport]
    /// Set when this appeal is another body's request for assistance from this installation.
    public var assistanceFor: AssistanceLink?
    /// The law of the case: the norms applied with their checklists, and analogy (R24–R28).
    public var law: CaseLaw = CaseLaw()
    /// The hearing before the act (R30–R37), once planned.
    public var hearing: Hearing?
    /// The administrative act being drafted (R42, R43); once signed the stage carries its signature.
    public var act: ActDraft?
    /// Complaints against this body's act or its deemed refusal (APPC 91–100).
    public var complaints: [ComplaintFiling] = []
    /// Set when this appeal is a complaint passed by another body of the installation (APPC 91(4)).
    public var complaintAgainst: ComplaintLink?

    public init(id: UUID, bodyID: UUID, registration: Registration, applicant: Applicant, addressedTo: String? = nil,
                essence: String? = nil, language: Language? = nil, appealDate: CivilDate? = nil, signaturePresent: Bool? = nil,
                attachments: [Attachment] = [], sheets: Int? = nil, reportsCrimeOrThreat: Bool = false, specialRule: String? = nil,
                suggestion: KindSuggestion? = nil, kind: AppealKind? = nil, area: String? = nil, competence: CompetenceDecision? = nil, stage: AppealStage = .registered,
                completeness: CompletenessCheck? = nil, pastCorrection: CorrectionRequest? = nil, forwardings: [Forwarding] = [],
                recusal: RecusalRequest? = nil, extensionRequest: ExtensionRequest? = nil, terms: [AppealTerm] = [],
                forwardedFromID: UUID? = nil, sendings: [Sending] = [], issued: [IssuedDocument] = [], caseFile: CaseFile? = nil,
                documents: [CaseDocument] = [], facts: [CaseFact] = [], assistance: [AssistanceRequest] = [],
                experts: [ExpertInvolvement] = [], exports: [CaseExport] = [], assistanceFor: AssistanceLink? = nil) {
        self.id = id
        self.bodyID = bodyID
        self.registration = registration
        self.applicant = applicant
        self.addressedTo = addressedTo
        self.essence = essence
        self.language = language
        self.appealDate = appealDate
        self.signaturePresent = signaturePresent
        self.attachments = attachments
        self.sheets = sheets
        self.reportsCrimeOrThreat = reportsCrimeOrThreat
        self.specialRule = specialRule
        self.suggestion = suggestion
        self.kind = kind
        self.area = area
        self.competence = competence
        self.stage = stage
        self.completeness = completeness
        self.pastCorrection = pastCorrection
        self.forwardings = forwardings
        self.recusal = recusal
        self.extensionRequest = extensionRequest
        self.terms = terms
        self.forwardedFromID = forwardedFromID
        self.sendings = sendings
        self.issued = issued
        self.caseFile = caseFile ?? CaseFile.open(number: registration.number, sequence: registration.sequence,
                                                  on: registration.registeredOn, nomenclature: .standard)
        self.documents = documents
        self.facts = facts
        self.assistance = assistance
        self.experts = experts
        self.exports = exports
        self.assistanceFor = assistanceFor
    }

    public var state: AppealState { stage.state }
    public var executorID: UUID? { stage.executor }
    public var termination: Termination? { if case .terminated(let t, _) = stage { t } else { nil } }
    public var answer: Answer? { if case .answered(let a, _) = stage { a } else { nil } }
    /// The correction request awaited now, or else the latest one.
    public var correction: CorrectionRequest? {
        if case .awaitingCorrection(let r, _) = stage { r } else { pastCorrection }
    }

    /// A recusal request waits for the head's decision (APPC 9(3)): the executor takes no step meanwhile.
    public var recusalPending: Bool { recusal != nil && recusal?.decision == nil && state.isOpen }

    /// The latest issue of a document (its number, date and signatory), if it was issued.
    public func issue(of document: OutgoingDocument) -> IssuedDocument? { issued.last { $0.document == document } }

    /// Issues a document on `day`, signed by `actor`: the next outgoing number of the appeal.
    mutating func issue(_ document: OutgoingDocument, on day: CivilDate, by actor: Actor) {
        issued.append(IssuedDocument(document: document, number: "\(registration.number)/\(issued.count + 1)", issuedOn: day,
                                     signatoryName: actor.name, signatoryPosition: actor.position, signatoryPositionRu: actor.positionRu))
    }

    public func term(_ purpose: TermPurpose) -> AppealTerm? {
        terms.last { $0.purpose == purpose && $0.status == .active }
    }
}

public struct Registration: Sendable, Hashable, Codable {
    /// `CODE-YYYY-NNNNN`: unique and gapless per body and year.
    public var number: String
    public var year: Int
    public var sequence: Int
    /// The legal moment of receipt (for eOtinish: the portal's notice timestamp, R19).
    public var receivedAt: Date
    /// The registration day: the day of arrival, or the next working day (APPC 64(3)).
    public var registeredOn: CivilDate
    /// When the registration was written down.
    public var recordedAt: Date
    public var channel: Channel
    /// The portal's own number (eOtinish), kept as given.
    public var externalNumber: String?
    public var receivedByName: String
    public var receivedByPosition: String
    /// The receiving employee's position in Russian, for the coupon in Russian (nil: not given).
    public var receivedByPositionRu: String?
    /// Printed on the coupon: with the number it lets the applicant track the appeal.
    public var trackingCode: String
}

public struct Attachment: Sendable, Hashable, Codable {
    public var name: String
    public var pages: Int?
    public var mediaType: String?

    public init(name: String, pages: Int? = nil, mediaType: String? = nil) {
        self.name = name
        self.pages = pages
        self.mediaType = mediaType
    }
}

/// What the product read in an appeal's text (R5, R6, R8): a suggestion a person confirms.
public struct KindSuggestion: Sendable, Hashable, Codable {
    public var kind: AppealKind?
    /// The words of the text, as typed, that led to the kind.
    public var kindMarkers: [String]
    public var area: String?
    public var areaMarkers: [String]
    /// The probability of the suggested kind, 0–1 (absent on appeals read before it was given).
    public var confidence: Double?
    /// The two likeliest kinds with their probabilities.
    public var alternatives: [KindScore]?
    /// APPC 88: the text reports a crime or a threat, in these words.
    public var crime: CrimeFinding?
    /// APPC 88: below the flag, the text may report a crime or a threat (a crime phrase, or the model
    /// leaning that way), in these words: not flagged, but never proposed for termination.
    public var possibleCrime: CrimeFinding?
    /// APPC 88: the text states no essence.
    public var noEssence: Bool?
    /// An earlier appeal of the same applicant on the same subject (filled in at registration).
    public var repeatOf: RepeatFinding?
    /// Another body of the installation whose competence the text matches (when it matches none of this body's).
    public var outside: OutsideMatch?

    public init(kind: AppealKind?, kindMarkers: [String], area: String?, areaMarkers: [String], confidence: Double? = nil,
                alternatives: [KindScore]? = nil, crime: CrimeFinding? = nil, noEssence: Bool? = nil, repeatOf: RepeatFinding? = nil) {
        (self.kind, self.kindMarkers, self.area, self.areaMarkers) = (kind, kindMarkers, area, areaMarkers)
        (self.confidence, self.alternatives, self.crime, self.noEssence, self.repeatOf) = (confidence, alternatives, crime, noEssence, repeatOf)
    }

    /// Whether the suggestion is unsure of the kind (then the two likeliest are shown).
    public var lowConfidence: Bool { (confidence ?? 0) < KindSuggester.confidentAbove }
}

public struct KindScore: Sendable, Hashable, Codable {
    public var kind: AppealKind
    public var probability: Double
}

public struct CrimeFinding: Sendable, Hashable, Codable {
    /// drugs, weapons, bribery, violence, threat, terrorism, trafficking, fraud, children, danger.
    public var categories: [String]
    public var words: [String]
    /// The cited phrases' score, less the harmless contexts'.
    public var score: Double
    /// The statistical model's log-odds of a crime or threat report (absent on appeals read before it was used).
    public var model: Double?

    public init(categories: [String], words: [String], score: Double, model: Double? = nil) {
        (self.categories, self.words, self.score, self.model) = (categories, words, score, model)
    }
}

/// An earlier appeal like this one: the same applicant, a similar text.
public struct RepeatFinding: Sendable, Hashable, Codable {
    public var appealID: UUID
    public var number: String
    /// 0–1: the share of the texts' stems they have in common.
    public var similarity: Double
    /// Whether the new text adds much the earlier did not say (then it is not a mere repeat).
    public var newArguments: Bool
}

/// The words of a correction notice in one language.
public struct CorrectionWording: Sendable, Hashable, Codable {
    public var deficiency: String
    public var remedy: String
    public var consequence: String

    public init(deficiency: String, remedy: String, consequence: String) {
        (self.deficiency, self.remedy, self.consequence) = (deficiency, remedy, consequence)
    }
}

public struct CorrectionRequest: Sendable, Hashable, Codable {
    /// The deficiency, the remedy and the consequence in Kazakh (the state language).
    public var deficiency: String
    public var remedy: String
    public var consequence: String
    /// The same in Russian, when the notice is produced in Russian too.
    public var ru: CorrectionWording?
    public var requestedOn: CivilDate
    public var due: CivilDate
    public var receivedOn: CivilDate?

    public init(deficiency: String, remedy: String, consequence: String, requestedOn: CivilDate, due: CivilDate, receivedOn: CivilDate? = nil,
                ru: CorrectionWording? = nil) {
        self.ru = ru
        self.deficiency = deficiency
        self.remedy = remedy
        self.consequence = consequence
        self.requestedOn = requestedOn
        self.due = due
        self.receivedOn = receivedOn
    }

    /// The wording in a language the notice is produced in.
    public func wording(_ lang: Language) -> CorrectionWording? {
        lang == .ru ? ru : (lang == .kk ? CorrectionWording(deficiency: deficiency, remedy: remedy, consequence: consequence) : nil)
    }
}

/// Free text that goes into a document is typed for each language the document is produced in: Kazakh
/// always (the state language), Russian too for an appeal in Russian (Law "On languages" Arts. 8, 11).
public enum DocumentWording {
    /// Whether the Russian version must be typed for this appeal.
    public static func russianRequired(for a: Appeal) -> Bool { a.language == .ru }

    /// A text given in a language, trimmed; nil when empty.
    public static func given(_ s: String?) -> String? {
        s.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }
}

public struct Forwarding: Sendable, Hashable, Codable {
    /// A body in this installation, or nil for an outside body named in `targetName`.
    public var targetBodyID: UUID?
    public var targetName: String
    /// The target's name in Russian (a body of this installation: its Russian name), for documents in Russian.
    public var targetNameRu: String?
    /// Nil: the whole appeal; otherwise the demands forwarded (APPC 65: only the part outside competence).
    public var demands: [String]?
    public var forwardedOn: CivilDate
    public var newAppealID: UUID?
}

public struct RecusalRequest: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable { case selfRecusal = "self", participant }
    public var source: Source
    public var reason: String
    public var requestedBy: UUID
    public var requestedOn: CivilDate
    public var decision: Bool?
}

/// An executor asks the head to extend the consideration term to `until`, giving the reason.
public struct ExtensionRequest: Sendable, Hashable, Codable {
    public var until: CivilDate
    public var reason: String
    /// The reason in Russian, for the notice in Russian.
    public var reasonRu: String?
    public var requestedBy: UUID
    public var requestedOn: CivilDate
    /// Nil while waiting; true when the head extended the term, false when refused.
    public var decision: Bool?
    public var decidedOn: CivilDate?
    public var note: String?

    public var isPending: Bool { decision == nil }
}

public struct Termination: Sendable, Hashable, Codable {
    public var ground: TerminationGround
    public var note: String
    public var decidedOn: CivilDate
    public var decidedBy: UUID
}

public struct Answer: Sendable, Hashable, Codable {
    /// The answer in the appeal's language (the first language it is produced in).
    public var text: String
    public var character: AnswerCharacter
    public var answeredOn: CivilDate
    public var answeredBy: UUID
    /// The answer's text per language produced (kk, and ru for an appeal in Russian); nil for answers
    /// recorded before texts were kept per language (then `text` is the Kazakh one).
    public var texts: [String: String]?

    public init(text: String, character: AnswerCharacter, answeredOn: CivilDate, answeredBy: UUID, texts: [String: String]? = nil) {
        (self.text, self.character, self.answeredOn, self.answeredBy, self.texts) = (text, character, answeredOn, answeredBy, texts)
    }

    /// The languages the answer letter is produced in, Kazakh first.
    public var languages: [Language] {
        guard let texts else { return [.kk] }
        return [Language.kk, .ru].filter { texts[$0.rawValue] != nil }
    }

    /// The text of the letter in `lang`, if that version is produced.
    public func text(_ lang: Language) -> String? {
        texts.map { $0[lang.rawValue] } ?? (lang == .kk ? text : nil)
    }
}
