import Foundation
import WorkingCalendar

/// R7: a head accepts a recusal — and names the new executor — or rejects it. Only while the appeal is
/// open: a closed appeal keeps the executor who handled it.
public struct DecideRecusal: ProcedureStep {
    public static let action = Action.decideRecusal
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.head]

    public static func isOffered(on a: Appeal) -> Bool { a.recusal != nil && a.recusal?.decision == nil }

    public var accept: Bool
    public var newExecutorID: UUID?

    public init(accept: Bool, newExecutorID: UUID?) {
        self.accept = accept
        self.newExecutorID = newExecutorID
    }

    enum CodingKeys: String, CodingKey { case accept, newExecutorID = "newExecutorId" }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard Self.isOffered(on: a) else { throw .noPendingRecusal }
        a.recusal?.decision = accept
        var effects: [Effect] = []
        if accept {
            guard let newExecutorID else { throw .missingField("newExecutorId") }
            a.stage = a.stage.assigning(newExecutorID)
            effects.append(.requireExecutor(newExecutorID))
        }
        return StepOutcome([AppealEvent(.recusalDecided(RecusalDecided(accepted: accept, executor: accept ? newExecutorID : nil)), on: c.today)], effects: effects)
    }
}
