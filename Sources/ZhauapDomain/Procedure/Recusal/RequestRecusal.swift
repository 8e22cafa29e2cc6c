import WorkingCalendar

/// APPC 9 (R7): the executor recuses himself, or a participant objects to him; a head decides.
public struct RequestRecusal: ProcedureStep {
    public static let action = Action.requestRecusal
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    public var source: RecusalRequest.Source
    public var reason: String

    public init(source: RecusalRequest.Source, reason: String) {
        self.source = source
        self.reason = reason
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        if source == .selfRecusal && a.executorID != c.actor.userID { throw .forbidden(action: "self-recusal") }
        a.recusal = RecusalRequest(source: source, reason: reason, requestedBy: c.actor.userID, requestedOn: c.today, decision: nil)
        return StepOutcome([AppealEvent(.recusalRequested(RecusalRequested(source: source)), on: c.today, reason: reason)])
    }
}
