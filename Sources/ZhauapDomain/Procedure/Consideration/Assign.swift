import Foundation
import WorkingCalendar

/// A head puts an executor of the body in charge of the appeal.
public struct Assign: ProcedureStep {
    public static let action = Action.assign
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.head]

    public var executorID: UUID

    public init(executorID: UUID) { self.executorID = executorID }

    enum CodingKeys: String, CodingKey { case executorID = "executorId" }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        a.stage = a.stage.assigning(executorID)
        return StepOutcome([AppealEvent(.assigned(Assigned(executor: executorID)), on: c.today)],
                           effects: [.requireExecutor(executorID)])
    }
}
