import WorkingCalendar

/// What a term is for.
public enum TermPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consideration of the appeal (APPC 76(1): 15 working days; special laws may differ, R17).
    case consideration
    /// Forwarding to the competent body (APPC 65: 3 working days of arrival, R6).
    case forwarding
    /// The applicant's deadline to remedy a deficiency (R4).
    case correction
    /// Notifying the participant of an extension (APPC 76(2): 3 working days).
    case extensionNotice = "extension_notice"
    /// Another body's answer to a request for assistance (R22): tracked on the request, not the appeal.
    case assistanceAnswer = "assistance_answer"
    /// The participant's window to object to the draft decision (APPC 73(3): 2 working days of receipt).
    case objection
    /// The earliest day the act may be adopted: 3 working days after the draft decision reached the last
    /// participant (APPC 73, R33). Its "due" is a day from which, not by which.
    case draftLead = "draft_lead"
    /// The applicant's three months to complain about the act, from its delivery (APPC 92).
    case complaintFiling = "complaint_filing"
    /// Passing a complaint with the case file to the higher body (APPC 91(4)).
    case complaintPassing = "complaint_passing"

    /// Whether the body must act by the term's day (the desk's overdue counts only these): not the
    /// applicant's correction, the participant's objection window, the day from which an act may be adopted or
    /// the applicant's time to complain.
    public var bindsBody: Bool { ![.correction, .objection, .draftLead, .complaintFiling].contains(self) }
}

/// One tracked term of an appeal: counted by the term engine from `start`, due on `due`.
public struct AppealTerm: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case active, met, cancelled }

    public var purpose: TermPurpose
    public var ruleID: String
    public var basis: String
    public var start: CivilDate
    public var unit: TermUnit
    public var amount: Int
    public var convention: CountingConvention
    public var due: CivilDate
    public var status: Status
    public var closedOn: CivilDate?
    /// Set when a head extended the consideration term: the due date before any extension.
    public var originalDue: CivilDate?
    /// The reason given for the latest extension (told to the participant in the extension notice).
    public var extensionReason: String?
    /// The same reason in Russian, when the extension notice is produced in Russian too.
    public var extensionReasonRu: String?

    public init(purpose: TermPurpose, ruleID: String, basis: String, start: CivilDate, unit: TermUnit, amount: Int,
                convention: CountingConvention, due: CivilDate, status: Status, closedOn: CivilDate?, originalDue: CivilDate?,
                extensionReason: String? = nil) {
        (self.purpose, self.ruleID, self.basis, self.start, self.unit, self.amount) = (purpose, ruleID, basis, start, unit, amount)
        (self.convention, self.due, self.status, self.closedOn) = (convention, due, status, closedOn)
        (self.originalDue, self.extensionReason) = (originalDue, extensionReason)
    }

    public var request: TermRequest { TermRequest(start: start, unit: unit, amount: amount, convention: convention) }
}
