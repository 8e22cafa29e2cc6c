import Foundation
import WorkingCalendar

/// Everything a step of the procedure needs besides the appeal: time and the calendar are parameters.
public struct ProcedureContext: Sendable {
    public var actor: Actor
    public var body: AdministrativeBody
    /// The legal day of the step in the body's time zone (never before the appeal's registration day).
    public var today: CivilDate
    public var calendar: WorkingDayCalendar
    public var rules: TermRules
    /// Makes the id of an appeal a step creates (a forwarding inside the installation).
    public var newID: @Sendable () -> UUID
    /// The body's case nomenclature for the registration year (R12).
    public var nomenclature: CaseNomenclature
    /// The file handed to a step that adds a document, as the server read it.
    public var attachment: FileMeta?
    /// Freezes the documents the procedure generates into the case (nil: none is kept, e.g. in pure tests).
    public var freezer: (any DocumentFreezer)?
    /// The registry of normative acts, for the steps that read it (`needsLaw`); nil otherwise.
    public var law: LawRegistry?
    /// The hearing rules in force (R34, R35): the shipped ones unless the service gives others.
    public var hearingRules: HearingRules? = HearingRules.shipped
    /// The body that decides complaints about this one (`needsHigherBody` steps; nil otherwise or when none is set).
    public var higherBody: AdministrativeBody?

    public init(actor: Actor, body: AdministrativeBody, today: CivilDate, calendar: WorkingDayCalendar, rules: TermRules,
                newID: @escaping @Sendable () -> UUID = UUID.init, nomenclature: CaseNomenclature = .standard, attachment: FileMeta? = nil) {
        self.nomenclature = nomenclature
        self.attachment = attachment
        self.actor = actor
        self.body = body
        self.today = today
        self.calendar = calendar
        self.rules = rules
        self.newID = newID
    }
}

/// One step to take, with its parameters: any of the steps `Action` lists.
public struct AppealCommand: Sendable {
    public let step: any ProcedureStep

    public init(_ step: any ProcedureStep) { self.step = step }

    public var action: Action { type(of: step).action }
    public var name: String { action.rawValue }

    public static func recordCompleteness(missing: [ChecklistItem], feeRequired: Bool) -> Self {
        Self(RecordCompleteness(missing: missing, feeRequired: feeRequired))
    }
    public static func returnForCorrection(deficiency: String, remedy: String, consequence: String, workingDays: Int?,
                                           ru: CorrectionWording? = nil) -> Self {
        if let ru {
            return Self(ReturnForCorrection(deficiency: deficiency, remedy: remedy, consequence: consequence, workingDays: workingDays,
                                            deficiencyRu: ru.deficiency, remedyRu: ru.remedy, consequenceRu: ru.consequence))
        }
        return Self(ReturnForCorrection(deficiency: deficiency, remedy: remedy, consequence: consequence, workingDays: workingDays))
    }
    public static func receiveCorrection(note: String?) -> Self { Self(ReceiveCorrection(note: note)) }
    public static func resolveUncorrected(outcome: TerminationGround) -> Self { Self(ResolveUncorrected(outcome: outcome)) }
    public static func confirmKind(_ kind: AppealKind, area: String?, special: String?) -> Self {
        Self(ConfirmKind(kind: kind, area: area, special: special))
    }
    public static func checkCompetence(_ competence: Competence, area: String? = nil) -> Self {
        Self(CheckCompetence(competence: competence, area: area))
    }
    public static func assign(executorID: UUID) -> Self { Self(Assign(executorID: executorID)) }
    public static func forward(targetBodyID: UUID?, targetName: String, demands: [String]?) -> Self {
        Self(Forward(targetBodyID: targetBodyID, targetName: targetName, demands: demands))
    }
    public static func requestRecusal(source: RecusalRequest.Source, reason: String) -> Self {
        Self(RequestRecusal(source: source, reason: reason))
    }
    public static func decideRecusal(accept: Bool, newExecutorID: UUID?) -> Self {
        Self(DecideRecusal(accept: accept, newExecutorID: newExecutorID))
    }
    public static func terminate(ground: TerminationGround, note: String) -> Self { Self(Terminate(ground: ground, note: note)) }
    public static func extend(until: CivilDate, reason: String, reasonRu: String? = nil) -> Self {
        Self(Extend(until: until, reason: reason, reasonRu: reasonRu))
    }
    public static func requestExtension(until: CivilDate, reason: String, reasonRu: String? = nil) -> Self {
        Self(RequestExtension(until: until, reason: reason, reasonRu: reasonRu))
    }
    public static func decideExtension(accept: Bool, until: CivilDate?, note: String?) -> Self {
        Self(DecideExtension(accept: accept, until: until, note: note))
    }
    public static func answer(text: String?, character: AnswerCharacter, textKk: String? = nil, textRu: String? = nil) -> Self {
        Self(AnswerAppeal(text: text, character: character, textKk: textKk, textRu: textRu))
    }
    public static func recordSending(document: OutgoingDocument, language: Language, channel: DeliveryChannel, sentOn: CivilDate?,
                                     reference: String?) -> Self {
        Self(RecordSending(document: document, language: language, channel: channel, sentOn: sentOn, reference: reference))
    }
}

/// The appeal's procedure as a pure state machine: a registration or a step in, the changed appeal,
/// the events that record it and the effects to carry out, out. No I/O, no clock.
public enum Procedure {
    /// Runs one step: who may take it and in which state are the step's own declarations.
    public static func run(_ command: AppealCommand, on appeal: Appeal,
                           context c: ProcedureContext) throws(ProcedureError) -> (Appeal, StepOutcome) {
        let step = command.step
        let stepType = type(of: step)
        guard stepType.who.admits(c.actor, appeal: appeal) else { throw .forbidden(action: command.name) }
        guard stepType.allowedIn.contains(appeal.state) else { throw .invalidState(action: command.name, state: appeal.state) }
        var a = appeal
        let outcome = try step.apply(to: &a, context: c)
        // R10: the case closes with the day its procedure ends.
        if !a.state.isOpen, a.caseFile.closedOn == nil { a.caseFile.closedOn = c.today }
        return (a, outcome)
    }

    /// Runs one step and returns the changed appeal and its events (the effects are the service's).
    public static func apply(_ command: AppealCommand, to appeal: Appeal,
                             context c: ProcedureContext) throws(ProcedureError) -> (Appeal, [AppealEvent]) {
        let (a, outcome) = try run(command, on: appeal, context: c)
        return (a, outcome.events)
    }

    /// A term of `purpose` for this appeal, from the rule in force (special law first, R17).
    static func startTerm(_ purpose: TermPurpose, for appeal: Appeal, from start: CivilDate, amount: Int? = nil,
                          context c: ProcedureContext) throws(ProcedureError) -> AppealTerm {
        guard let rule = c.rules.rule(for: purpose, kind: appeal.kind, special: appeal.specialRule, on: start) else {
            // A day before every rule for the purpose took effect is the request's matter, not the configuration's.
            if let first = c.rules.rules.filter({ $0.purpose == purpose }).compactMap(\.effectiveFrom).min(), start < first {
                throw .beforeRulesInForce(start, from: first)
            }
            throw .noTermRule(purpose)
        }
        let request = TermRequest(start: start, unit: rule.unit, amount: amount ?? rule.amount, convention: rule.convention ?? .eventDay)
        let due: CivilDate
        do { due = try c.calendar.term(request).end } catch { throw .calendar(error) }
        return AppealTerm(purpose: purpose, ruleID: rule.id, basis: rule.basis, start: start, unit: request.unit,
                          amount: request.amount, convention: request.convention, due: due, status: .active,
                          closedOn: nil, originalDue: nil)
    }
}
