import WorkingCalendar

/// APPC 63, 14 (R4): the appeal goes back to the applicant with the exact deficiency, how to remedy it,
/// the consequence and a deadline in working days; formal items alone never justify it.
public struct ReturnForCorrection: ProcedureStep {
    public static let action = Action.returnForCorrection
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public var deficiency: String
    public var remedy: String
    public var consequence: String
    /// Nil: the body's own correction deadline.
    public var workingDays: Int?

    public init(deficiency: String, remedy: String, consequence: String, workingDays: Int?) {
        self.deficiency = deficiency
        self.remedy = remedy
        self.consequence = consequence
        self.workingDays = workingDays
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(deficiency, "deficiency")
        try Self.nonEmpty(remedy, "remedy")
        try Self.nonEmpty(consequence, "consequence")
        guard let check = a.completeness else { throw .completenessNotChecked }
        guard !check.essentialMissing.isEmpty else { throw .onlyFormalDeficiencies(check.missing) }
        let n = workingDays ?? c.body.correctionDays
        guard CorrectionDeadline.allowed.contains(n) else { throw .invalidAmount(n) }
        let term = try Procedure.startTerm(.correction, for: a, from: c.today, amount: n, context: c)
        a.terms.append(term)
        let request = CorrectionRequest(deficiency: deficiency, remedy: remedy, consequence: consequence,
                                        requestedOn: c.today, due: term.due, receivedOn: nil)
        a.stage = .awaitingCorrection(request, executor: a.executorID)
        a.issue(.correctionNotice, on: c.today, by: c.actor)
        let event = ReturnedForCorrection(due: term.due, workingDays: n, documents: OutgoingDocument.correctionNotice.copies)
        return StepOutcome([AppealEvent(.returnedForCorrection(event), on: c.today, reason: deficiency)])
    }
}

/// How many working days an applicant may be given to remedy a deficiency: one rule for the step, the
/// body's setting (CLI and pages) and the API.
public enum CorrectionDeadline {
    public static let allowed = 1...60
}
