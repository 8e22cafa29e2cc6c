import Foundation
import WorkingCalendar
import ZhauapDomain

/// An appeal as stored in `appeals.document`: a versioned record, separate from the domain value (which
/// may change shape) and from the API's representation. Older versions are read and migrated forward;
/// the stage is checked on reading, so a record that describes an impossible stage is refused, not
/// half-loaded.
///
/// - Version 1 (no `schemaVersion`): the appeal value as it was first stored.
/// - Version 2: the same fields, with `pastCorrection` for a correction no longer awaited.
/// - Version 3: terms and sendings in their own tables (`appeal_terms`, `appeal_sendings`), not here.
/// - Version 4: the case file (R10–R13): its index and dates, facts, experts, exports here; its documents and
///   requests for assistance in their own tables (`case_documents`, `assistance_requests`). Older records open
///   a case under the standard nomenclature with the appeal as its first document.
struct AppealRecord: Codable {
    static let currentVersion = 4

    var schemaVersion: Int?
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
    /// Who or what flagged a crime or a threat (absent in records written before it was kept).
    var crimeFlag: CrimeFlag?
    var specialRule: String?
    var suggestion: KindSuggestion?
    var kind: AppealKind?
    var area: String?
    var competence: CompetenceDecision?
    var state: AppealState
    var executorID: UUID?
    var completeness: CompletenessCheck?
    /// The correction awaited now (awaiting correction) or, in version 1, the latest one.
    var correction: CorrectionRequest?
    var pastCorrection: CorrectionRequest?
    var forwardings: [Forwarding]
    var recusal: RecusalRequest?
    var extensionRequest: ExtensionRequest?
    var termination: Termination?
    var answer: Answer?
    /// Versions 1 and 2 only.
    var terms: [AppealTerm]?
    var forwardedFromID: UUID?
    var sendings: [Sending]?
    /// Documents issued with their outgoing numbers (absent in records written before they were kept).
    var issued: [IssuedDocument]?
    /// Version 4 on.
    var caseFile: CaseFile?
    var facts: [CaseFact]?
    var experts: [ExpertInvolvement]?
    var exports: [CaseExport]?
    var assistanceFor: AssistanceLink?
    /// The law of the case (R24–R28): absent while nothing is applied.
    var law: CaseLaw?
    /// The hearing (R30–R37): absent until planned.
    var hearing: Hearing?
    /// The act (R42–R44): the draft, and once signed the signature (state `decided`).
    var act: ActDraft?
    var signedAct: SignedAct?
    var complaints: [ComplaintFiling]?
    var complaintAgainst: ComplaintLink?

    init(_ a: Appeal) {
        schemaVersion = Self.currentVersion
        id = a.id
        bodyID = a.bodyID
        registration = a.registration
        applicant = a.applicant
        addressedTo = a.addressedTo
        essence = a.essence
        language = a.language
        appealDate = a.appealDate
        signaturePresent = a.signaturePresent
        attachments = a.attachments
        sheets = a.sheets
        reportsCrimeOrThreat = a.reportsCrimeOrThreat
        crimeFlag = a.crimeFlag
        specialRule = a.specialRule
        suggestion = a.suggestion
        kind = a.kind
        area = a.area
        competence = a.competence
        state = a.state
        executorID = a.executorID
        completeness = a.completeness
        if case .awaitingCorrection(let r, _) = a.stage { correction = r } else { correction = nil }
        pastCorrection = a.pastCorrection
        forwardings = a.forwardings
        recusal = a.recusal
        extensionRequest = a.extensionRequest
        termination = a.termination
        answer = a.answer
        terms = nil
        forwardedFromID = a.forwardedFromID
        sendings = nil
        issued = a.issued
        caseFile = a.caseFile
        facts = a.facts.isEmpty ? nil : a.facts
        experts = a.experts.isEmpty ? nil : a.experts
        exports = a.exports.isEmpty ? nil : a.exports
        assistanceFor = a.assistanceFor
        law = a.law.isEmpty ? nil : a.law
        hearing = a.hearing
        act = a.act
        signedAct = a.signedAct
        complaints = a.complaints.isEmpty ? nil : a.complaints
        complaintAgainst = a.complaintAgainst
    }

    /// Whether the terms and sendings are stored apart (version 3 on) rather than in the record.
    var keepsChildrenApart: Bool { (schemaVersion ?? 1) >= 3 }

    /// The domain value with its children as stored apart.
    func appeal(children c: FluentAppealStore.Children) throws -> Appeal {
        var a = try appeal(terms: c.terms, sendings: c.sendings)
        if (schemaVersion ?? 1) >= 4 || !c.documents.isEmpty {
            a.documents = c.documents
            a.assistance = c.assistance
        }
        return a
    }

    /// The domain value, with the terms and sendings stored apart (ignored for records that keep their
    /// own); throws when the record is of a newer version or describes an impossible stage.
    func appeal(terms apartTerms: [AppealTerm], sendings apartSendings: [Sending]) throws -> Appeal {
        let version = schemaVersion ?? 1
        guard version <= Self.currentVersion else { throw StorageError.unreadableRecord("\(id): schema version \(version)") }
        // Version 1 kept the latest correction in `correction` whatever the state.
        let past = version == 1 ? (state == .awaitingCorrection ? nil : correction) : pastCorrection
        var a = Appeal(
            id: id, bodyID: bodyID, registration: registration, applicant: applicant, addressedTo: addressedTo, essence: essence,
            language: language, appealDate: appealDate, signaturePresent: signaturePresent, attachments: attachments, sheets: sheets,
            reportsCrimeOrThreat: reportsCrimeOrThreat, specialRule: specialRule, suggestion: suggestion, kind: kind, area: area, competence: competence,
            stage: try stage(), completeness: completeness, pastCorrection: past, forwardings: forwardings, recusal: recusal,
            extensionRequest: extensionRequest, terms: keepsChildrenApart ? apartTerms : (terms ?? []), forwardedFromID: forwardedFromID,
            sendings: keepsChildrenApart ? apartSendings : (sendings ?? []), issued: issued ?? [], caseFile: caseFile,
            documents: version >= 4 ? [] : [Self.card(registration, applicant: applicant, appealDate: appealDate, language: language, sheets: sheets)],
            facts: facts ?? [], experts: experts ?? [], exports: exports ?? [], assistanceFor: assistanceFor)
        a.crimeFlag = crimeFlag
        a.law = law ?? CaseLaw()
        a.hearing = hearing
        a.act = act
        a.complaints = complaints ?? []
        a.complaintAgainst = complaintAgainst
        return a
    }

    /// The appeal as the first document of a case opened for a record written before cases were kept.
    static func card(_ r: Registration, applicant: Applicant, appealDate: CivilDate?, language: Language?, sheets: Int?) -> CaseDocument {
        CaseDocument(number: 1, title: r.number, kind: .registrationCard, date: appealDate ?? r.registeredOn, party: applicant.displayName,
                     direction: .incoming, language: language, sheets: sheets ?? 1, file: nil, addedBy: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     addedByName: r.receivedByName, addedOn: r.registeredOn)
    }

    private func stage() throws -> AppealStage {
        func missing(_ what: String) -> StorageError { .unreadableRecord("\(id): \(state.rawValue) without \(what)") }
        switch state {
        case .registered:
            // Version 1 could keep an executor on a registered appeal; it is under consideration then.
            return executorID.map { .underConsideration(executor: $0) } ?? .registered
        case .underConsideration:
            guard let executorID else { throw missing("an executor") }
            return .underConsideration(executor: executorID)
        case .awaitingCorrection:
            guard let correction else { throw missing("the correction request") }
            return .awaitingCorrection(correction, executor: executorID)
        case .forwarded:
            return .forwarded(executor: executorID)
        case .terminated:
            guard let termination else { throw missing("the termination") }
            return .terminated(termination, executor: executorID)
        case .answered:
            guard let answer else { throw missing("the answer") }
            guard let executorID else { throw missing("an executor") }
            return .answered(answer, executor: executorID)
        case .decided:
            guard let signedAct else { throw missing("the signed act") }
            guard let executorID else { throw missing("an executor") }
            return .decided(signedAct, executor: executorID)
        }
    }
}
