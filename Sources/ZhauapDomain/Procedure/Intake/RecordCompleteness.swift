import WorkingCalendar

/// APPC 63 (R2): the completeness check — which checklist items are missing, whether a fee is due.
public struct RecordCompleteness: ProcedureStep {
    public static let action = Action.recordCompleteness
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    public var missing: [ChecklistItem]
    public var feeRequired: Bool

    public init(missing: [ChecklistItem], feeRequired: Bool) {
        self.missing = missing
        self.feeRequired = feeRequired
    }

    enum CodingKeys: String, CodingKey { case missing, feeRequired }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        missing = try c.decodeIfPresent([ChecklistItem].self, forKey: .missing) ?? []
        feeRequired = try c.decodeIfPresent(Bool.self, forKey: .feeRequired) ?? false
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        a.completeness = CompletenessCheck(missing: missing, feeRequired: feeRequired, checkedOn: c.today.description)
        return StepOutcome([AppealEvent(.completenessRecorded(CompletenessRecorded(missing: missing, feeRequired: feeRequired)), on: c.today)])
    }
}
