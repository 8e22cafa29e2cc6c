import Foundation
import WorkingCalendar

/// APPC 64 (R1): who registers — a registrar or a head.
public enum Register {
    public static let who: Who = [.registrar, .head]
}

extension Procedure {
    public struct Draft: Sendable, Hashable {
        public var channel: Channel
        public var receivedAt: Date
        public var externalNumber: String?
        public var applicant: Applicant
        public var addressedTo: String?
        public var essence: String?
        public var language: Language?
        public var appealDate: CivilDate?
        public var signaturePresent: Bool?
        public var attachments: [Attachment]
        public var sheets: Int?
        public var reportsCrimeOrThreat: Bool
        public var specialRule: String?
        public var forwardedFromID: UUID?
        /// The registration number of the appeal it was forwarded from, for the trail.
        public var forwardedFromNumber: String?
        /// Another body's request for assistance from this installation: where the answer goes back.
        public var assistanceFor: AssistanceLink?
        /// An earlier appeal of the same applicant much like this one (the service looks it up, R8).
        public var repeatOf: RepeatFinding?
        /// The installation's bodies, for a text that matches another body's competence (R6).
        public var installationBodies: [AdministrativeBody] = []
        /// The text read already (the service reads it before its transaction begins).
        public var suggestion: KindSuggestion?

        public init(channel: Channel, receivedAt: Date, externalNumber: String? = nil, applicant: Applicant = Applicant(),
                    addressedTo: String? = nil, essence: String? = nil, language: Language? = nil, appealDate: CivilDate? = nil,
                    signaturePresent: Bool? = nil, attachments: [Attachment] = [], sheets: Int? = nil, reportsCrimeOrThreat: Bool = false,
                    specialRule: String? = nil, forwardedFromID: UUID? = nil, forwardedFromNumber: String? = nil, assistanceFor: AssistanceLink? = nil) {
            self.assistanceFor = assistanceFor
            self.channel = channel
            self.receivedAt = receivedAt
            self.externalNumber = externalNumber
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
            self.forwardedFromID = forwardedFromID
            self.forwardedFromNumber = forwardedFromNumber
        }
    }

    /// Registers an appeal (APPC 64, R1, R19): the registration day, the coupon data, the consideration
    /// and forwarding terms, the kind suggestion. `sequence` is the next gapless number of the body's year.
    public static func register(_ typed: Draft, id: UUID, sequence: Int, recordedAt: Date, trackingCode: String,
                                context c: ProcedureContext) throws(ProcedureError) -> (Appeal, [AppealEvent]) {
        guard Register.who.admits(c.actor, appeal: nil) else { throw .forbidden(action: "register") }
        // Stored in canonical form (the boundaries have refused what cannot be meant already).
        var draft = typed
        _ = draft.clean()
        let day: CivilDate
        do { day = try RegistrationDay.of(receivedAt: draft.receivedAt, body: c.body, calendar: c.calendar) } catch { throw .calendar(error) }
        var suggestion = draft.suggestion ?? KindSuggester.suggest(draft.essence, areas: c.body.competenceAreas)
        suggestion.repeatOf = draft.repeatOf
        suggestion.outside = KindSuggester.outside(draft.essence, body: c.body, suggestion: suggestion, bodies: draft.installationBodies)
        let registration = Registration(
            number: RegistrationNumber.format(body: c.body.code, year: day.year, sequence: sequence), year: day.year, sequence: sequence,
            receivedAt: draft.receivedAt, registeredOn: day, recordedAt: recordedAt, channel: draft.channel,
            externalNumber: draft.externalNumber, receivedByName: c.actor.name, receivedByPosition: c.actor.position, receivedByPositionRu: c.actor.positionRu,
            trackingCode: trackingCode)
        var appeal = Appeal(
            id: id, bodyID: c.body.id, registration: registration, applicant: draft.applicant, addressedTo: draft.addressedTo,
            essence: draft.essence, language: draft.language, appealDate: draft.appealDate, signaturePresent: draft.signaturePresent,
            attachments: draft.attachments, sheets: draft.sheets, reportsCrimeOrThreat: draft.reportsCrimeOrThreat, specialRule: draft.specialRule,
            suggestion: suggestion, forwardedFromID: draft.forwardedFromID,
            caseFile: CaseFile.open(number: registration.number, sequence: sequence, on: day, nomenclature: c.nomenclature),
            assistanceFor: draft.assistanceFor)
        // APPC 88: a crime or a threat, ticked or read in the text, flags the appeal at once.
        appeal.crimeFlag = CrimeFlag.atRegistration(ticked: draft.reportsCrimeOrThreat, finding: suggestion.crime, on: day)
        appeal.reportsCrimeOrThreat = appeal.crimeFlag != nil
        // R10, R11: the appeal itself is the case's first document.
        appeal.addDocument(title: registration.number, kind: .registrationCard, date: draft.appealDate ?? day, party: draft.applicant.displayName,
                           direction: .incoming, language: draft.language, sheets: draft.sheets ?? 1, file: nil, by: c.actor, on: day)
        appeal.terms.append(try startTerm(.consideration, for: appeal, from: day, context: c))
        appeal.terms.append(try startTerm(.forwarding, for: appeal, from: day, context: c))
        let missing = CompletenessCheck.detectMissing(appeal)
        let flags = appeal.applicant.identificationProblems
        let event = Registered(number: registration.number, channel: draft.channel, registeredOn: day, documents: OutgoingDocument.coupon.copies,
                               externalNumber: draft.externalNumber, forwardedFrom: draft.forwardedFromNumber,
                               missing: missing.isEmpty ? nil : missing, identificationFlags: flags.isEmpty ? nil : flags,
                               suggestedKind: suggestion.kind, confidence: suggestion.confidence, crimeFlag: appeal.crimeFlag?.setBy,
                               crimeCategories: appeal.crimeFlag.map(\.categories).flatMap { $0.isEmpty ? nil : $0 },
                               noEssence: suggestion.noEssence == true ? true : nil, repeatOf: suggestion.repeatOf?.number,
                               similarity: suggestion.repeatOf?.similarity)
        return (appeal, [AppealEvent(.registered(event), on: day)])
    }
}

/// `CODE-YYYY-NNNNN`: unique and gapless per body and year; the counter restarts each year.
public enum RegistrationNumber {
    public static func format(body code: String, year: Int, sequence: Int) -> String {
        // As `%05d` writes it, without formatting: at least five digits, zero-padded.
        guard sequence >= 0 else { return "\(code)-\(year)-\(String(format: "%05d", sequence))" }
        let digits = String(sequence)
        return "\(code)-\(year)-" + String(repeating: "0", count: max(0, 5 - digits.utf8.count)) + digits
    }
}
