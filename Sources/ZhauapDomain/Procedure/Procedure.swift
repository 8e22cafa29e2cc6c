import Foundation
import WorkingCalendar

/// Everything a step of the procedure needs besides the appeal: time and the calendar are parameters.
public struct ProcedureContext: Sendable {
    public var actor: Actor
    public var body: AdministrativeBody
    public var today: CivilDate
    public var calendar: WorkingDayCalendar
    public var rules: TermRules

    public init(actor: Actor, body: AdministrativeBody, today: CivilDate, calendar: WorkingDayCalendar, rules: TermRules) {
        self.actor = actor
        self.body = body
        self.today = today
        self.calendar = calendar
        self.rules = rules
    }
}

/// What may be done to an appeal (GUIDE §1 and §3).
public enum AppealCommand: Sendable, Hashable {
    case recordCompleteness(missing: [ChecklistItem], feeRequired: Bool)
    case returnForCorrection(deficiency: String, remedy: String, consequence: String, workingDays: Int?)
    case receiveCorrection(note: String?)
    case resolveUncorrected(outcome: TerminationGround)
    case confirmKind(AppealKind, area: String?, special: String?)
    case assign(executorID: UUID)
    case forward(targetBodyID: UUID?, targetName: String, demands: [String]?)
    case requestRecusal(source: RecusalRequest.Source, reason: String)
    case decideRecusal(accept: Bool, newExecutorID: UUID?)
    case terminate(ground: TerminationGround, note: String)
    case extend(until: CivilDate, reason: String)
    /// The assigned executor asks the head to extend the term (the head decides).
    case requestExtension(until: CivilDate, reason: String)
    /// The head extends the term as asked (or to `until`, when given) or refuses, with a note.
    case decideExtension(accept: Bool, until: CivilDate?, note: String?)
    case answer(text: String, character: AnswerCharacter)
    /// Records that a document was sent to the applicant (R46); sending the extension notice meets its term.
    case recordSending(document: OutgoingDocument, language: Language, channel: DeliveryChannel, sentOn: CivilDate?, reference: String?)

    public var name: String {
        switch self {
        case .recordCompleteness: "record_completeness"
        case .returnForCorrection: "return_for_correction"
        case .receiveCorrection: "receive_correction"
        case .resolveUncorrected: "resolve_uncorrected"
        case .confirmKind: "confirm_kind"
        case .assign: "assign"
        case .forward: "forward"
        case .requestRecusal: "request_recusal"
        case .decideRecusal: "decide_recusal"
        case .terminate: "terminate"
        case .extend: "extend"
        case .requestExtension: "request_extension"
        case .decideExtension: "decide_extension"
        case .answer: "answer"
        case .recordSending: "record_sending"
        }
    }
}

/// The appeal's procedure as a pure state machine: a registration or a command in, the changed appeal
/// and the events that record it out. No I/O, no clock.
public enum Procedure {
    /// What registration is given; nothing in it is required but the channel (R1).
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
        public var reportsCrimeOrThreat: Bool
        public var specialRule: String?
        public var forwardedFromID: UUID?

        public init(channel: Channel, receivedAt: Date, externalNumber: String? = nil, applicant: Applicant = Applicant(),
                    addressedTo: String? = nil, essence: String? = nil, language: Language? = nil, appealDate: CivilDate? = nil,
                    signaturePresent: Bool? = nil, attachments: [Attachment] = [], reportsCrimeOrThreat: Bool = false,
                    specialRule: String? = nil, forwardedFromID: UUID? = nil) {
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
            self.reportsCrimeOrThreat = reportsCrimeOrThreat
            self.specialRule = specialRule
            self.forwardedFromID = forwardedFromID
        }
    }

    /// Registers an appeal (APPC 64, R1, R19): the registration day, the coupon data, the consideration
    /// and forwarding terms, the kind suggestion. `sequence` is the next gapless number of the body's year.
    public static func register(_ draft: Draft, id: UUID, sequence: Int, recordedAt: Date, trackingCode: String,
                                context c: ProcedureContext) throws(ProcedureError) -> (Appeal, [AppealEvent]) {
        guard c.actor.roles.contains(.registrar) || c.actor.roles.contains(.head) else { throw .forbidden(action: "register") }
        let day: CivilDate
        do { day = try RegistrationDay.of(receivedAt: draft.receivedAt, body: c.body, calendar: c.calendar) } catch { throw .calendar(error) }
        let number = "\(c.body.code)-\(day.year)-\(String(format: "%05d", sequence))"
        let registration = Registration(
            number: number, year: day.year, sequence: sequence, receivedAt: draft.receivedAt, registeredOn: day,
            recordedAt: recordedAt, channel: draft.channel, externalNumber: draft.externalNumber,
            receivedByName: c.actor.name, receivedByPosition: c.actor.position, trackingCode: trackingCode)
        var appeal = Appeal(
            id: id, bodyID: c.body.id, registration: registration, applicant: draft.applicant, addressedTo: draft.addressedTo,
            essence: draft.essence, language: draft.language, appealDate: draft.appealDate, signaturePresent: draft.signaturePresent,
            attachments: draft.attachments, reportsCrimeOrThreat: draft.reportsCrimeOrThreat, specialRule: draft.specialRule,
            suggestion: KindSuggester.suggest(draft.essence, areas: c.body.competenceAreas), kind: nil, area: nil,
            state: .registered, executorID: nil, completeness: nil, correction: nil, forwardings: [], recusal: nil,
            termination: nil, answer: nil, terms: [], forwardedFromID: draft.forwardedFromID)
        appeal.terms.append(try startTerm(.consideration, for: appeal, from: day, context: c))
        appeal.terms.append(try startTerm(.forwarding, for: appeal, from: day, context: c))
        var details = ["number": number, "channel": draft.channel.rawValue, "registered_on": day.description,
                       "documents": "coupon:kk,coupon:ru"]
        if let ext = draft.externalNumber { details["external_number"] = ext }
        let missing = CompletenessCheck.detectMissing(appeal)
        if !missing.isEmpty { details["missing"] = missing.map(\.rawValue).joined(separator: ",") }
        if !appeal.applicant.identificationProblems.isEmpty {
            details["identification_flags"] = appeal.applicant.identificationProblems.map(\.rawValue).joined(separator: ",")
        }
        return (appeal, [AppealEvent("registered", on: day, details)])
    }

    /// A term of `purpose` for this appeal, from the rule in force (special law first, R17).
    static func startTerm(_ purpose: TermPurpose, for appeal: Appeal, from start: CivilDate, amount: Int? = nil,
                          context c: ProcedureContext) throws(ProcedureError) -> AppealTerm {
        guard let rule = c.rules.rule(for: purpose, kind: appeal.kind, special: appeal.specialRule) else {
            throw .missingField("term rule for \(purpose.rawValue)")
        }
        let request = TermRequest(start: start, unit: rule.unit, amount: amount ?? rule.amount, convention: rule.convention ?? .eventDay)
        let due: CivilDate
        do { due = try c.calendar.term(request).end } catch { throw .calendar(error) }
        return AppealTerm(purpose: purpose, ruleID: rule.id, basis: rule.basis, start: start, unit: request.unit,
                          amount: request.amount, convention: request.convention, due: due, status: .active,
                          closedOn: nil, originalDue: nil)
    }
}
