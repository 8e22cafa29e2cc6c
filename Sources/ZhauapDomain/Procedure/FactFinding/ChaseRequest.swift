import Foundation
import WorkingCalendar

/// R22: a reminder to the addressed body of a request still unanswered — one action, on the trail.
public struct ChaseRequest: ProcedureStep {
    public static let action = Action.chaseRequest
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool { a.assistance.contains(where: \.isAwaiting) }

    public var number: Int

    public init(number: Int) { self.number = number }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let i = try Self.awaiting(number, in: a)
        a.assistance[i].chases.append(c.today)
        let r = a.assistance[i]
        return StepOutcome([AppealEvent(.requestChased(RequestChased(number: number, due: r.due, overdue: r.isOverdue(on: c.today))), on: c.today)])
    }

    /// The index of request `number`, which must still await its answer.
    static func awaiting(_ number: Int, in a: Appeal) throws(ProcedureError) -> Int {
        guard let i = a.assistance.firstIndex(where: { $0.number == number }) else { throw .unknownRequest(number) }
        guard a.assistance[i].isAwaiting else { throw .requestClosed(number) }
        return i
    }
}
