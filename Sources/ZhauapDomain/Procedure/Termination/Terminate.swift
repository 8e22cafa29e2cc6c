import WorkingCalendar

/// APPC 70, 88 (R8): a head ends the procedure on a ground of the law, with a note.
public struct Terminate: ProcedureStep {
    public static let action = Action.terminate
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.head]

    public var ground: TerminationGround
    public var note: String

    public init(ground: TerminationGround, note: String) {
        self.ground = ground
        self.note = note
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(note, "note")
        // APPC 88: an anonymous report of a crime or a threat is forwarded at once, never terminated.
        if ground == .authorshipUnknown && a.reportsCrimeOrThreat { throw .mustForwardAtOnce }
        if ground.simplifiedOnly {
            guard let kind = a.kind else { throw .kindNotConfirmed }
            guard kind.isSimplified else { throw .groundNotApplicable(ground) }
        }
        if ground == .authorshipUnknown && !(a.applicant.isAnonymous && a.signaturePresent != true) {
            throw .groundNotApplicable(ground)
        }
        if case .awaitingCorrection(let request, _) = a.stage { a.pastCorrection = request }
        a.stage = .terminated(Termination(ground: ground, note: note, decidedOn: c.today, decidedBy: c.actor.userID), executor: a.executorID)
        a.issue(.terminationNotice, on: c.today, by: c.actor)
        a.close([.consideration, .forwarding, .correction, .extensionNotice], .cancelled, on: c.today)
        return StepOutcome([AppealEvent(.terminated(Terminated(ground: ground)), on: c.today, reason: note)])
    }
}
