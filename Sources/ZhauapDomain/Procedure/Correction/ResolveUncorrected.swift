import WorkingCalendar

/// R4: the deadline passed uncorrected; the system proposes, a head confirms — the appeal is returned or
/// left without consideration.
public struct ResolveUncorrected: ProcedureStep {
    public static let action = Action.resolveUncorrected
    public static let allowedIn: Set<AppealState> = [.awaitingCorrection]
    public static let who: Who = [.head]

    public var outcome: TerminationGround

    public init(outcome: TerminationGround) { self.outcome = outcome }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard case .awaitingCorrection(let request, let executor) = a.stage else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        guard outcome == .returned || outcome == .leftWithoutConsideration else { throw .groundNotApplicable(outcome) }
        guard c.today > request.due else { throw .correctionNotOverdue(due: request.due) }
        a.pastCorrection = request
        a.stage = .terminated(Termination(ground: outcome, note: "", decidedOn: c.today, decidedBy: c.actor.userID), executor: executor)
        a.issue(.terminationNotice, on: c.today, by: c.actor)
        a.close([.correction, .consideration, .forwarding, .extensionNotice], .cancelled, on: c.today)
        return StepOutcome([AppealEvent(.terminated(Terminated(ground: outcome, correctionDue: request.due)), on: c.today)])
    }
}
