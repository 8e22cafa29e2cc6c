import WorkingCalendar

/// Why the procedure refused a step. Each case has a stable `code` for the API.
public enum ProcedureError: Error, Sendable, Equatable {
    /// The actor's roles do not allow the action (or they are not the assigned executor).
    case forbidden(action: String)
    /// The action does not apply in the appeal's current state.
    case invalidState(action: String, state: AppealState)
    /// A required text was empty, or a required choice was not made: the field as the API names it.
    case missingField(String)
    /// The term rules in force have no rule for this purpose on the day (a configuration error).
    case noTermRule(TermPurpose)
    /// The day lies before every term rule for the purpose took effect (APPC in force from 1 July 2021).
    case beforeRulesInForce(CivilDate, from: CivilDate)
    /// A special law's term rule the rules do not know.
    case unknownSpecialRule(String)
    /// Documents are produced in Kazakh and Russian only.
    case languageNotProduced(Language)
    /// A body forwards to another body, never to itself.
    case forwardToSelf
    /// The competence area is not one of the body's.
    case unknownArea(String)
    /// R4: a return for correction needs a recorded completeness check first.
    case completenessNotChecked
    /// APPC 14 (R4): only formal items are missing; the appeal must not be returned for them.
    case onlyFormalDeficiencies([ChecklistItem])
    /// R4: the deadline to correct has not passed yet.
    case correctionNotOverdue(due: CivilDate)
    /// APPC 88: an anonymous report of a crime or a threat must be forwarded at once, not terminated.
    case mustForwardAtOnce
    /// The appeal carries no crime-or-threat flag to clear.
    case notFlagged
    /// The ground applies to reports, proposals, responses and requests only, or its facts do not hold.
    case groundNotApplicable(TerminationGround)
    /// R15: extensions reach at most `latest`.
    case extensionTooLong(latest: CivilDate)
    /// The term may not be extended (e.g. complaints, APPC 99).
    case extensionNotAllowed
    /// A due date must be a working day.
    case notWorkingDay(CivilDate)
    /// The new due date must be after the current one.
    case notLater(current: CivilDate)
    /// The kind must be confirmed first.
    case kindNotConfirmed
    /// Applications and complaints end in an administrative act, not a simplified answer.
    case requiresAdministrativeAct(AppealKind)
    /// No recusal request is waiting for a decision.
    case noPendingRecusal
    /// No extension request is waiting for a decision, or one is waiting already.
    case noPendingExtension
    case extensionAlreadyRequested
    /// The document does not exist for this appeal (e.g. a forwarding notice before any forwarding).
    case documentNotAvailable(OutgoingDocument)
    /// A date in the future, or before the appeal was registered.
    case dateOutOfRange(CivilDate)
    /// A term amount out of range.
    case invalidAmount(Int)
    /// The term engine could not compute a date (outside the calendar).
    case calendar(CalendarError)
    /// The step adds a document and needs its file.
    case fileRequired
    /// Only the procedure itself produces documents of this kind (the registration card, generated letters).
    case invalidDocumentKind(CaseDocumentKind)
    case invalidSheets(Int)
    case unknownDocument(Int)
    case documentWithdrawn(Int)
    /// The appeal itself and the documents sent stay in the case.
    case documentNotWithdrawable(Int)
    case unknownFact(Int)
    case unknownRequest(Int)
    /// The request was answered or recorded as failed already.
    case requestClosed(Int)
    case unknownExpert(Int)
    case opinionRecorded(Int)
    case dueOutOfRange(CivilDate)
    /// R24: the registry has no such norm.
    case unknownNorm(String)
    /// The norm has no version in force on the relevant day.
    case normNotInForce(String, CivilDate)
    /// The norm is applied to the case already (withdraw it first to apply it anew).
    case normAlreadyApplied(String)
    /// The norm is not applied to the case.
    case normNotApplied(String)
    /// The applied norm has no precondition with this number.
    case unknownPrecondition(norm: String, number: Int)
    /// A checklist answer cites a fact the case does not have, or a document it does not hold.
    case unknownEvidenceFact(Int)
    case unknownEvidenceDocument(Int)
    /// The hearing rules in force decide nothing for this case (a configuration error).
    case noHearingRule
    /// R34: plan the hearing first (is it required?).
    case hearingNotPlanned
    /// The simplified procedure has no hearing (R34).
    case hearingNotApplicable
    /// The hearing was held or omitted already.
    case hearingConcluded
    case unknownParticipant(Int)
    /// The appeal has no sending of this number (1 is the first).
    case unknownSending(Int)
    /// The sending's delivery is recorded already.
    case deliveryRecorded(Int)
    /// A delivery before the sending, or after today.
    case deliveryOutOfRange(CivilDate)
    /// A day a step names lies outside what it allows (the field names it).
    case dayOutOfRange(field: String, CivilDate)
    /// Prepare the draft decision first (R33).
    case noDraft
    /// A time of day as `HH:MM`, an end after its start.
    case invalidTime(field: String)
    /// Nothing to object to yet: no draft decision was sent to the participant (APPC 73(3)).
    case objectionNotOpen
    /// APPC 73(3): the window to object closed on that day.
    case objectionWindowClosed(until: CivilDate)
    case unknownArgument(Int)
    /// R37: a protocol is drawn up only for an oral hearing.
    case protocolNotForWritten
    /// R34, R35: the hearing is required here, or the reason given is not the one the rules allow.
    case omissionNotAllowed(HearingDecision)
    /// A text longer than the step takes.
    case textTooLong(field: String, limit: Int)
    /// Draft the act first (R42, R43).
    case noAct
    /// The act's kind does not fit the appeal: favourable or burdening on an application, a complaint decision on a complaint.
    case actKindNotAllowed(ActKind)
    /// APPC 73, R33–R35: the hearing does not allow the act yet.
    case adoptionBlocked([AdoptionBlock])
    /// R39–R43: the justification check found errors (their codes); they block signing.
    case actHasErrors([String])
    /// Warnings of the check not yet let pass with a reason (their codes).
    case warningsNotAcknowledged([String])
    /// Approvers named on the draft have not approved its current revision.
    case approvalPending(Int)
    /// The check raises no open warning with this code (and section, language).
    case unknownWarning(String)
    /// APPC 91: there is nothing to complain about — no act, and the term has not run out.
    case nothingToComplainAbout
    /// A complaint decision is appealed to the administrative court, not to another body (APPC 91(5)).
    case complaintGoesToCourt
    case unknownComplaint(Int)
    /// The complaint was passed to the higher body already.
    case complaintPassed(Int)
    /// The body has no higher body set up to pass complaints to (APPC 91(4)).
    case noHigherBody
    /// Export the case file first: the complaint goes to the higher body with it (APPC 91(4)).
    case exportRequired

    public var code: String {
        switch self {
        case .forbidden: "forbidden"
        case .invalidState: "invalid_state"
        case .missingField: "missing_field"
        case .noTermRule: "no_term_rule"
        case .beforeRulesInForce: "before_rules_in_force"
        case .unknownSpecialRule: "unknown_special_rule"
        case .languageNotProduced: "language_not_produced"
        case .forwardToSelf: "forward_to_self"
        case .unknownArea: "unknown_area"
        case .completenessNotChecked: "completeness_not_checked"
        case .onlyFormalDeficiencies: "only_formal_deficiencies"
        case .correctionNotOverdue: "correction_not_overdue"
        case .mustForwardAtOnce: "must_forward_at_once"
        case .notFlagged: "not_flagged"
        case .groundNotApplicable: "ground_not_applicable"
        case .extensionTooLong: "extension_too_long"
        case .extensionNotAllowed: "extension_not_allowed"
        case .notWorkingDay: "not_working_day"
        case .notLater: "not_later"
        case .kindNotConfirmed: "kind_not_confirmed"
        case .requiresAdministrativeAct: "requires_administrative_act"
        case .noPendingRecusal: "no_pending_recusal"
        case .noPendingExtension: "no_pending_extension"
        case .extensionAlreadyRequested: "extension_already_requested"
        case .documentNotAvailable: "document_not_available"
        case .dateOutOfRange: "date_out_of_range"
        case .invalidAmount: "invalid_amount"
        case .calendar: "calendar_error"
        case .fileRequired: "file_required"
        case .invalidDocumentKind: "invalid_document_kind"
        case .invalidSheets: "invalid_sheets"
        case .unknownDocument: "unknown_document"
        case .documentWithdrawn: "document_withdrawn"
        case .documentNotWithdrawable: "document_not_withdrawable"
        case .unknownFact: "unknown_fact"
        case .unknownRequest: "unknown_request"
        case .requestClosed: "request_closed"
        case .unknownExpert: "unknown_expert"
        case .opinionRecorded: "opinion_recorded"
        case .dueOutOfRange: "due_out_of_range"
        case .unknownNorm: "unknown_norm"
        case .normNotInForce: "norm_not_in_force"
        case .normAlreadyApplied: "norm_already_applied"
        case .normNotApplied: "norm_not_applied"
        case .unknownPrecondition: "unknown_precondition"
        case .unknownEvidenceFact: "unknown_fact"
        case .unknownEvidenceDocument: "unknown_document"
        case .noHearingRule: "no_hearing_rule"
        case .hearingNotPlanned: "hearing_not_planned"
        case .hearingNotApplicable: "hearing_not_applicable"
        case .hearingConcluded: "hearing_concluded"
        case .unknownParticipant: "unknown_participant"
        case .unknownSending: "unknown_sending"
        case .deliveryRecorded: "delivery_already_recorded"
        case .deliveryOutOfRange: "delivery_out_of_range"
        case .dayOutOfRange: "date_out_of_range"
        case .noDraft: "no_draft"
        case .invalidTime: "invalid_time"
        case .objectionNotOpen: "objection_not_open"
        case .objectionWindowClosed: "objection_window_closed"
        case .unknownArgument: "unknown_argument"
        case .protocolNotForWritten: "protocol_not_for_written"
        case .omissionNotAllowed: "omission_not_allowed"
        case .textTooLong: "too_long"
        case .noAct: "no_act"
        case .actKindNotAllowed: "act_kind_not_allowed"
        case .adoptionBlocked: "adoption_blocked"
        case .actHasErrors: "act_has_errors"
        case .warningsNotAcknowledged: "warnings_not_acknowledged"
        case .approvalPending: "approval_pending"
        case .unknownWarning: "unknown_warning"
        case .nothingToComplainAbout: "nothing_to_complain_about"
        case .complaintGoesToCourt: "complaint_goes_to_court"
        case .unknownComplaint: "unknown_complaint"
        case .complaintPassed: "complaint_passed"
        case .noHigherBody: "no_higher_body"
        case .exportRequired: "export_required"
        }
    }
}

extension ProcedureError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .forbidden(let a): "your roles do not allow \(a) on this appeal"
        case .invalidState(let a, let s): "\(a) is not possible while the appeal is \(s.rawValue)"
        case .missingField(let f): "\(f) must not be empty"
        case .noTermRule(let p): "no term rule for \(p.rawValue) is in force: the term rules need correcting"
        case .beforeRulesInForce(let d, let from): "\(d) lies before the term rules in force from \(from): this procedure does not apply to it"
        case .unknownSpecialRule(let s): "\"\(s)\" is not a known special rule"
        case .languageNotProduced(let l): "this document is not produced in \(l.rawValue) for this appeal (documents are in Kazakh, and in Russian when their text was typed in Russian)"
        case .forwardToSelf: "an appeal cannot be forwarded to the body that has it"
        case .unknownArea(let a): "\"\(a)\" is not one of the body's competence areas"
        case .completenessNotChecked: "record the completeness check (APPC 63) before returning the appeal"
        case .onlyFormalDeficiencies(let items):
            "only formal items are missing (\(items.map(\.rawValue).joined(separator: ", "))): APPC 14 forbids returning the appeal for them"
        case .correctionNotOverdue(let due): "the applicant may correct the appeal until \(due.dotted)"
        case .notFlagged: "the appeal is not flagged as reporting a crime or a threat"
        case .mustForwardAtOnce: "an anonymous report of a crime or a threat must be forwarded at once to the competent body (APPC 88)"
        case .groundNotApplicable(let g): "the ground \(g.rawValue) does not apply to this appeal"
        case .extensionTooLong(let latest): "an extension may reach \(latest.dotted) at the latest (APPC 76(2): two months)"
        case .extensionNotAllowed: "this term may not be extended"
        case .notWorkingDay(let d): "\(d.dotted) is not a working day"
        case .notLater(let current): "the new due date must be after \(current.dotted)"
        case .kindNotConfirmed: "confirm the appeal's kind first (R5)"
        case .requiresAdministrativeAct(let k): "a \(k.rawValue) ends in an administrative act, not a simplified answer"
        case .noPendingRecusal: "no recusal request is waiting for a decision"
        case .noPendingExtension: "no extension request is waiting for a decision"
        case .extensionAlreadyRequested: "an extension request is already waiting for the head's decision"
        case .documentNotAvailable(let d): "there is no \(d.rawValue) for this appeal"
        case .dateOutOfRange(let d): "\(d.dotted) is in the future or before the appeal was registered"
        case .invalidAmount(let n): "the number of days must be from 1 to 60, got \(n)"
        case .calendar(let e): e.description
        case .fileRequired: "this step adds a document: send it with its file (multipart/form-data, part \"file\")"
        case .invalidDocumentKind(let k): "documents of kind \(k.rawValue) are produced by the procedure itself, not uploaded"
        case .invalidSheets(let n): "sheets must be from 1 to 10000, got \(n)"
        case .unknownDocument(let n): "the case has no document \(n)"
        case .documentWithdrawn(let n): "document \(n) is withdrawn"
        case .documentNotWithdrawable(let n): "document \(n) is the appeal itself or a document the body sent: it stays in the case"
        case .unknownFact(let n): "the case has no fact \(n)"
        case .unknownRequest(let n): "the case has no request for assistance \(n)"
        case .requestClosed(let n): "request \(n) was answered or recorded as unanswerable already"
        case .unknownExpert(let n): "the case has no expert \(n)"
        case .opinionRecorded(let n): "the opinion of expert \(n) is recorded already"
        case .dueOutOfRange(let d): "\(d.dotted) must be from today to a year ahead"
        case .unknownNorm(let id): "the registry of normative acts has no norm \(id)"
        case .normNotInForce(let id, let d): "norm \(id) is not in force on \(d.dotted)"
        case .normAlreadyApplied(let id): "norm \(id) is applied to this case already"
        case .normNotApplied(let id): "norm \(id) is not applied to this case"
        case .unknownPrecondition(let id, let n): "norm \(id) has no precondition \(n)"
        case .unknownEvidenceFact(let n): "the case has no fact \(n)"
        case .unknownEvidenceDocument(let n): "the case has no document \(n) in force"
        case .noHearingRule: "the hearing rules in force decide nothing for this case: the rules need correcting"
        case .hearingNotPlanned: "plan the hearing first: say whether the act is favourable or burdening (R34)"
        case .hearingNotApplicable: "the simplified procedure has no hearing (R34)"
        case .hearingConcluded: "the hearing was held or omitted already"
        case .unknownParticipant(let n): "the hearing has no participant \(n)"
        case .unknownSending(let n): "the appeal has no sending \(n)"
        case .deliveryRecorded(let n): "the delivery of sending \(n) is recorded already"
        case .deliveryOutOfRange(let d): "\(d.dotted) is before the document was sent or after today"
        case .dayOutOfRange(let f, let d): "\(f): \(d.dotted) is outside the days this step allows"
        case .noDraft: "prepare the draft decision first (R33)"
        case .invalidTime(let f): "\(f) must be a time of day as HH:MM (an end after its start)"
        case .objectionNotOpen: "no draft decision has been sent to the participant yet: there is nothing to object to"
        case .objectionWindowClosed(let d): "the window to object closed on \(d.dotted) (APPC 73(3): 2 working days of receiving the draft)"
        case .unknownArgument(let n): "the hearing has no argument \(n)"
        case .protocolNotForWritten: "a protocol is drawn up only for an oral hearing (R37); a hearing by correspondence keeps its material in the case"
        case .textTooLong(let f, let n): "\(f) is longer than \(n) characters"
        case .noAct: "draft the act first (R42, R43)"
        case .actKindNotAllowed(let k): "a \(k.rawValue) act does not fit this appeal: an application ends in a favourable or burdening act, a complaint in a complaint decision"
        case .adoptionBlocked(let b): "the hearing does not allow the act yet (APPC 73, R33–R35): \(b.map(\.code).joined(separator: ", "))"
        case .actHasErrors(let c): "the justification check found errors that block signing (R39–R43): \(c.joined(separator: ", "))"
        case .warningsNotAcknowledged(let c): "acknowledge these warnings with a reason before signing: \(c.joined(separator: ", "))"
        case .approvalPending(let n): "\(n) approver(s) have not approved the current revision"
        case .unknownWarning(let c): "the check raises no open warning \(c) on this act"
        case .nothingToComplainAbout: "there is no act to complain about, and the term has not run out (APPC 91(2))"
        case .complaintGoesToCourt: "a decision on a complaint is appealed to the administrative court (APPC 91(5))"
        case .unknownComplaint(let n): "the appeal has no complaint \(n)"
        case .complaintPassed(let n): "complaint \(n) was passed to the higher body already"
        case .noHigherBody: "the body has no higher body set up to pass complaints to (APPC 91(4)): the administrator sets it"
        case .exportRequired: "export the case file after the complaint was filed: the complaint goes to the higher body with it (APPC 91(4))"
        case .omissionNotAllowed(let d): "the hearing rules (\(d.rawValue)) do not allow omitting the hearing for this reason (R34, R35)"
        }
    }
}
