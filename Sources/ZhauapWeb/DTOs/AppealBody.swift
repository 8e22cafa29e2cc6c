import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain

/// The appeal as the API shows it: the procedure's stage flattened into `state` with its data beside it
/// (`executorID`, `correction`, `termination`, `answer`), as documented in the OpenAPI document.
struct AppealBody: Content {
    var id: UUID
    var bodyID: UUID
    var registration: Registration
    var applicant: Applicant
    var addressedTo: String?
    var essence: String?
    var language: Language?
    var appealDate: CivilDate?
    var signaturePresent: Bool?
    var attachments: [Attachment]
    var sheets: Int?
    var reportsCrimeOrThreat: Bool
    /// Who or what set `reportsCrimeOrThreat` (`registrar` or `suggestion`), the words, and a head's clearance (APPC 88).
    var crimeFlag: CrimeFlag?
    /// R3: what is wrong with the IIN/BIN as given (bad check digit, impossible date or century digit); empty when valid or not given.
    var identificationProblems: [IdentificationNumber.Problem]
    var specialRule: String?
    var suggestion: KindSuggestion?
    var kind: AppealKind?
    var area: String?
    var competence: CompetenceDecision?
    var state: AppealState
    var executorID: UUID?
    var completeness: CompletenessCheck?
    var correction: CorrectionRequest?
    var forwardings: [Forwarding]
    var recusal: RecusalRequest?
    var extensionRequest: ExtensionRequest?
    var termination: Termination?
    var answer: Answer?
    var terms: [AppealTerm]
    var forwardedFromID: UUID?
    var sendings: [Sending]
    /// The administrative case (R10–R13): its index and dates, documents in order, facts, requests, experts, exports.
    var caseFile: CaseFile
    var documents: [CaseDocument]
    var facts: [CaseFact]
    var assistance: [AssistanceRequest]
    var experts: [ExpertInvolvement]
    var exports: [CaseExport]
    var assistanceFor: AssistanceLink?

    /// The appeal as `actor` may read it (the IIN/BIN masked by `Permissions.applicant(of:for:)`).
    init(_ a: Appeal, for actor: Actor) {
        id = a.id
        bodyID = a.bodyID
        registration = a.registration
        applicant = Permissions.applicant(of: a, for: actor)
        addressedTo = a.addressedTo
        essence = a.essence
        language = a.language
        appealDate = a.appealDate
        signaturePresent = a.signaturePresent
        attachments = a.attachments
        sheets = a.sheets
        reportsCrimeOrThreat = a.reportsCrimeOrThreat
        crimeFlag = a.crimeFlag
        identificationProblems = a.applicant.identificationProblems
        specialRule = a.specialRule
        suggestion = a.suggestion
        kind = a.kind
        area = a.area
        competence = a.competence
        state = a.state
        executorID = a.executorID
        completeness = a.completeness
        correction = a.correction
        forwardings = a.forwardings
        recusal = a.recusal
        extensionRequest = a.extensionRequest
        termination = a.termination
        answer = a.answer
        terms = a.terms
        forwardedFromID = a.forwardedFromID
        sendings = a.sendings
        caseFile = a.caseFile
        documents = a.documents
        facts = a.facts
        assistance = a.assistance
        experts = a.experts
        exports = a.exports
        assistanceFor = a.assistanceFor
    }
}
