import WorkingCalendar

/// APPC 76(2) (R15): the head extends as asked (or to another date), or refuses with a note — only
/// while the appeal is open.
public struct DecideExtension: ProcedureStep {
    public static let action = Action.decideExtension
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.head]

    public static func isOffered(on a: Appeal) -> Bool { a.extensionRequest?.isPending == true }

    public var accept: Bool
    public var until: CivilDate?
    public var note: String?

    public init(accept: Bool, until: CivilDate?, note: String?) {
        self.accept = accept
        self.until = until
        self.note = note
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let request = a.extensionRequest, request.isPending else { throw .noPendingExtension }
        a.extensionRequest?.decision = accept
        a.extensionRequest?.decidedOn = c.today
        a.extensionRequest?.note = note
        guard accept else {
            try Self.nonEmpty(note, "note")
            return StepOutcome([AppealEvent(.extensionDecided(ExtensionDecided(accepted: false, until: nil)), on: c.today, reason: note)])
        }
        let target = until ?? request.until
        let (extended, event) = try Procedure.extending(a, until: target, reason: request.reason, reasonRu: request.reasonRu, context: c)
        a = extended
        return StepOutcome([AppealEvent(.extensionDecided(ExtensionDecided(accepted: true, until: target)), on: c.today, reason: note), event])
    }
}
