import WorkingCalendar

/// R4: the correction arrived in time; consideration goes on (or waits for an executor).
public struct ReceiveCorrection: ProcedureStep {
    public static let action = Action.receiveCorrection
    public static let allowedIn: Set<AppealState> = [.awaitingCorrection]
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    public var note: String?

    public init(note: String?) { self.note = note }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard case .awaitingCorrection(var request, let executor) = a.stage else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        request.receivedOn = c.today
        a.pastCorrection = request
        a.close([.correction], on: c.today)
        a.stage = executor.map { .underConsideration(executor: $0) } ?? .registered
        return StepOutcome([AppealEvent(.correctionReceived, on: c.today, reason: note)])
    }
}
