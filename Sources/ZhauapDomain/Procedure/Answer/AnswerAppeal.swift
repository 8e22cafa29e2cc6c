import WorkingCalendar

/// APPC 87–89: reports, proposals, responses and requests end in an answer by their executor.
public struct AnswerAppeal: ProcedureStep {
    public static let action = Action.answer
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor]

    public var text: String
    public var character: AnswerCharacter

    public init(text: String, character: AnswerCharacter) {
        self.text = text
        self.character = character
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(text, "text")
        guard let kind = a.kind else { throw .kindNotConfirmed }
        guard kind.isSimplified else { throw .requiresAdministrativeAct(kind) }
        guard case .underConsideration(let executor) = a.stage else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        // An answer on its due day is on time; only a later day is late.
        let late = a.term(.consideration).map { c.today > $0.due } ?? false
        a.stage = .answered(Answer(text: text, character: character, answeredOn: c.today, answeredBy: c.actor.userID), executor: executor)
        a.close([.consideration, .forwarding], on: c.today)
        a.close([.extensionNotice], .cancelled, on: c.today)  // the answer itself tells the applicant
        return StepOutcome([AppealEvent(.answered(Answered(character: character, late: late)), on: c.today)])
    }
}
