import WorkingCalendar

/// APPC 76(2) (R15): a head extends the consideration term, with a reason; a waiting request of the
/// executor is settled by it.
public struct Extend: ProcedureStep {
    public static let action = Action.extend
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.head]

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
        var events: [AppealEvent] = []
        if a.extensionRequest?.isPending == true {
            a.extensionRequest?.decision = true
            a.extensionRequest?.decidedOn = c.today
            events.append(AppealEvent(.extensionDecided(ExtensionDecided(accepted: true, until: until)), on: c.today))
        }
        let (extended, event) = try Procedure.extending(a, until: until, reason: reason, reasonRu: reasonRu, context: c)
        a = extended
        return StepOutcome(events + [event])
    }
}
