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
    /// The notice's wording in Russian: required for an appeal in Russian; `deficiency` and the others are Kazakh.
    public var deficiencyRu: String?
    public var remedyRu: String?
    public var consequenceRu: String?

    public init(deficiency: String, remedy: String, consequence: String, workingDays: Int?,
                deficiencyRu: String? = nil, remedyRu: String? = nil, consequenceRu: String? = nil) {
        self.deficiency = deficiency
        self.remedy = remedy
        self.consequence = consequence
        self.workingDays = workingDays
        (self.deficiencyRu, self.remedyRu, self.consequenceRu) = (deficiencyRu, remedyRu, consequenceRu)
    }

    /// The Russian wording: all three parts, or none (then the notice is in Kazakh only).
    func russian(for a: Appeal) throws(ProcedureError) -> CorrectionWording? {
        let parts = [("deficiencyRu", deficiencyRu), ("remedyRu", remedyRu), ("consequenceRu", consequenceRu)]
        let given = parts.compactMap { DocumentWording.given($0.1) }
        guard !given.isEmpty || DocumentWording.russianRequired(for: a) else { return nil }
        if let missing = parts.first(where: { DocumentWording.given($0.1) == nil }) { throw .missingField(missing.0) }
        return CorrectionWording(deficiency: given[0], remedy: given[1], consequence: given[2])
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(deficiency, "deficiency")
        try Self.nonEmpty(remedy, "remedy")
        try Self.nonEmpty(consequence, "consequence")
        let ru = try russian(for: a)
        guard let check = a.completeness else { throw .completenessNotChecked }
        guard !check.essentialMissing.isEmpty else { throw .onlyFormalDeficiencies(check.missing) }
        let n = workingDays ?? c.body.correctionDays
        guard CorrectionDeadline.allowed.contains(n) else { throw .invalidAmount(n) }
        let term = try Procedure.startTerm(.correction, for: a, from: c.today, amount: n, context: c)
        a.terms.append(term)
        let request = CorrectionRequest(deficiency: deficiency, remedy: remedy, consequence: consequence,
                                        requestedOn: c.today, due: term.due, receivedOn: nil, ru: ru)
        a.stage = .awaitingCorrection(request, executor: a.executorID)
        a.issue(.correctionNotice, on: c.today, by: c.actor)
        let event = ReturnedForCorrection(due: term.due, workingDays: n,
                                          documents: (ru == nil ? [Language.kk] : [.kk, .ru]).map { "correction_notice:\($0.rawValue)" })
        return StepOutcome([AppealEvent(.returnedForCorrection(event), on: c.today, reason: deficiency)])
    }
}

/// How many working days an applicant may be given to remedy a deficiency: one rule for the step, the
/// body's setting (CLI and pages) and the API.
public enum CorrectionDeadline {
    public static let allowed = 1...60
}
