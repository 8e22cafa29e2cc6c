import Foundation
import WorkingCalendar

/// R13: a document is never deleted. Withdrawing one marks it so, with the reason on the trail; it stays
/// in the inventory, struck through, and takes no sheets. The appeal itself (document 1) stays.
public struct WithdrawDocument: ProcedureStep {
    public static let action = Action.withdrawDocument
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool {
        a.documents.contains { $0.kind != .registrationCard && $0.generated == nil && !$0.isWithdrawn }
    }

    public var number: Int
    public var reason: String

    public init(number: Int, reason: String) {
        (self.number, self.reason) = (number, reason)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        guard let i = a.documents.firstIndex(where: { $0.number == number }) else { throw .unknownDocument(number) }
        guard a.documents[i].kind != .registrationCard, a.documents[i].generated == nil else { throw .documentNotWithdrawable(number) }
        guard a.documents[i].withdrawal == nil else { throw .documentWithdrawn(number) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        a.documents[i].withdrawal = Withdrawal(reason: text, on: c.today, by: c.actor.userID)
        return StepOutcome([AppealEvent(.documentWithdrawn(DocumentWithdrawn(number: number)), on: c.today, reason: text)])
    }
}
