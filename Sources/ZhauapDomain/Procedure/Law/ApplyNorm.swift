import Foundation
import WorkingCalendar

/// R24, R25, R28: the executor applies a norm of the registry to the case — for what (it decides the
/// matter, empowers the act, confirms competence), why, and over which conflicting norms. The norm is
/// pinned to its version in force on the relevant day (by default the day the appeal was registered).
public struct ApplyNorm: ProcedureStep {
    public static let action = Action.applyNorm
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]
    public static var needsLaw: Bool { true }

    public var norm: String
    public var purposes: [CasePurpose]?
    public var relevantOn: CivilDate?
    public var reason: String
    public var prevailsOver: [String]?

    public init(norm: String, purposes: [CasePurpose]? = nil, relevantOn: CivilDate? = nil, reason: String, prevailsOver: [String]? = nil) {
        (self.norm, self.purposes, self.relevantOn, self.reason, self.prevailsOver) = (norm, purposes, relevantOn, reason, prevailsOver)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(norm, "norm")
        try Self.nonEmpty(reason, "reason")
        let registry = c.law ?? LawRegistry.empty
        guard let n = registry.norm(norm) else { throw .unknownNorm(norm) }
        let day = relevantOn ?? a.registration.registeredOn
        guard day <= c.today else { throw .dateOutOfRange(day) }
        guard let version = n.version(on: day) else { throw .normNotInForce(norm, day) }
        guard a.law.applied(norm) == nil else { throw .normAlreadyApplied(norm) }
        var over: [String] = []
        for id in prevailsOver ?? [] where !over.contains(id) {
            guard registry.norm(id) != nil, id != norm else { throw .unknownNorm(id) }
            over.append(id)
        }
        let purposes = Array(Set(purposes ?? [.decides])).sorted { $0.rawValue < $1.rawValue }
        let applied = AppliedNorm(number: (a.law.applied.last?.number ?? 0) + 1,
                                  pinned: PinnedNorm(n, version: version, in: registry, relevantOn: day),
                                  purposes: purposes.isEmpty ? [.decides] : purposes, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                  prevailsOver: over, appliedBy: c.actor.userID, appliedOn: c.today, checks: [], withdrawn: nil)
        a.law.applied.append(applied)
        return StepOutcome([AppealEvent(.normApplied(NormApplied(applied)), on: c.today)])
    }
}

/// The executor withdraws a norm applied by mistake, with the reason (the checklist stays on record).
public struct WithdrawNorm: ProcedureStep {
    public static let action = Action.withdrawNorm
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]

    public var norm: String
    public var reason: String

    public init(norm: String, reason: String) { (self.norm, self.reason) = (norm, reason) }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(reason, "reason")
        guard let i = a.law.applied.lastIndex(where: { $0.pinned.normID == norm && $0.isActive }) else { throw .normNotApplied(norm) }
        a.law.applied[i].withdrawn = .init(reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), by: c.actor.userID, on: c.today)
        return StepOutcome([AppealEvent(.normWithdrawn(NormWithdrawn(number: a.law.applied[i].number, norm: norm)), on: c.today,
                                        reason: a.law.applied[i].withdrawn?.reason)])
    }
}
