import Foundation
import WorkingCalendar

/// APPC 88: a head who has read the appeal may clear its crime-or-threat flag — set by the registrar or
/// read in the text — with a reason, on the trail. Until then the appeal is never terminated as anonymous.
public struct ClearCrimeFlag: ProcedureStep {
    public static let action = Action.clearCrimeFlag
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.head]
    public static func isOffered(on a: Appeal) -> Bool { a.reportsCrimeOrThreat }

    public var reason: String

    public init(reason: String) { self.reason = reason }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        guard a.reportsCrimeOrThreat else { throw .notFlagged }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var flag = a.crimeFlag ?? CrimeFlag(setBy: .registrar, on: a.registration.registeredOn)
        flag.cleared = CrimeFlag.Clearance(by: c.actor.userID, byName: c.actor.name, on: c.today, reason: text)
        a.crimeFlag = flag
        a.reportsCrimeOrThreat = false
        return StepOutcome([AppealEvent(.crimeFlagCleared(CrimeFlagCleared(setBy: flag.setBy, categories: flag.categories)), on: c.today, reason: text)])
    }
}
