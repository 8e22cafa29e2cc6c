import WorkingCalendar

/// APPC 76(2) (R15): the assigned executor asks the head to extend the term to a date, with a reason.
/// A head does not ask: he extends. One request waits at a time.
public struct RequestExtension: ProcedureStep {
    public static let action = Action.requestExtension
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.assignedExecutor, .notHead]

    public static func isOffered(on a: Appeal) -> Bool { a.extensionRequest?.isPending != true }

    public var until: CivilDate
    public var reason: String
    /// The reason in Russian (required for an appeal in Russian).
    public var reasonRu: String?

    public init(until: CivilDate, reason: String, reasonRu: String? = nil) {
        self.until = until
        self.reason = reason
        self.reasonRu = reasonRu
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        guard Self.isOffered(on: a) else { throw .extensionAlreadyRequested }
        _ = try Procedure.extending(a, until: until, reason: reason, reasonRu: reasonRu, context: c)  // the same limits, checked now
        a.extensionRequest = ExtensionRequest(until: until, reason: reason, reasonRu: DocumentWording.given(reasonRu),
                                              requestedBy: c.actor.userID, requestedOn: c.today)
        return StepOutcome([AppealEvent(.extensionRequested(ExtensionRequested(until: until)), on: c.today, reason: reason)])
    }
}
