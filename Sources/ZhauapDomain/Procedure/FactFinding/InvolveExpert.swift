import Foundation
import WorkingCalendar

/// R23: where the body lacks the knowledge, an expert is involved — who, on what question, by when.
public struct InvolveExpert: ProcedureStep {
    public static let action = Action.involveExpert
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]

    public var expert: String
    public var question: String
    public var due: CivilDate

    public init(expert: String, question: String, due: CivilDate) { (self.expert, self.question, self.due) = (expert, question, due) }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(expert, "expert")
        try Self.nonEmpty(question, "question")
        guard due >= c.today, due <= c.today.adding(days: 366) else { throw .dueOutOfRange(due) }
        let number = (a.experts.last?.number ?? 0) + 1
        a.experts.append(ExpertInvolvement(number: number, expert: expert.trimmingCharacters(in: .whitespacesAndNewlines),
                                           question: question.trimmingCharacters(in: .whitespacesAndNewlines), due: due, involvedOn: c.today))
        return StepOutcome([AppealEvent(.expertInvolved(ExpertInvolved(number: number, due: due)), on: c.today)])
    }
}
