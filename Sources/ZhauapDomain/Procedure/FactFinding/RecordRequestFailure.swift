import Foundation
import WorkingCalendar

/// R22: when the information cannot be obtained, the executor records why and the direct supervisor (the
/// head) is told: the request shows on the head's page as failed.
public struct RecordRequestFailure: ProcedureStep {
    public static let action = Action.recordRequestFailure
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool { a.assistance.contains(where: \.isAwaiting) }

    public var number: Int
    public var reason: String

    public init(number: Int, reason: String) { (self.number, self.reason) = (number, reason) }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        let i = try ChaseRequest.awaiting(number, in: a)
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        a.assistance[i].outcome = .failed(reason: text, on: c.today)
        return StepOutcome([AppealEvent(.requestFailed(RequestFailed(number: number, headNotified: true)), on: c.today, reason: text)])
    }
}
