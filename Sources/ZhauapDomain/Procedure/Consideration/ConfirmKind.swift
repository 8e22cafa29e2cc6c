import WorkingCalendar

/// R5, R17: the kind of the appeal (APPC 4) and any special law's term rule; the consideration term
/// follows the rule for the confirmed kind, counted from registration.
public struct ConfirmKind: ProcedureStep {
    public static let action = Action.confirmKind
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.assignedExecutor, .head]

    public var kind: AppealKind
    /// The competence area the appeal falls in; naming it confirms competence (R6).
    public var area: String?
    public var special: String?

    public init(kind: AppealKind, area: String?, special: String?) {
        self.kind = kind
        self.area = area
        self.special = special
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        if let special, !c.rules.specialCodes.contains(special) { throw .unknownSpecialRule(special) }
        a.kind = kind
        a.area = area ?? a.area
        a.specialRule = special ?? a.specialRule
        var events = [AppealEvent(.kindConfirmed(KindConfirmed(kind: kind, area: a.area ?? "", suggested: a.suggestion?.kind?.rawValue ?? "")),
                                  on: c.today)]
        if let i = a.terms.lastIndex(where: { $0.purpose == .consideration && $0.status == .active }), a.terms[i].originalDue == nil {
            let fresh = try Procedure.startTerm(.consideration, for: a, from: a.registration.registeredOn, context: c)
            if fresh.ruleID != a.terms[i].ruleID || fresh.due != a.terms[i].due {
                a.terms[i] = fresh
                events.append(AppealEvent(.termChanged(TermChanged(purpose: .consideration, due: fresh.due, rule: fresh.ruleID)),
                                          on: c.today, reason: fresh.basis))
            }
        }
        // Competence is confirmed with the area: the forwarding term is met (R6).
        if area != nil {
            if a.competence == nil { a.competence = CompetenceDecision(competence: .whole, decidedOn: c.today, decidedBy: c.actor.userID) }
            a.close([.forwarding], on: c.today)
        }
        return StepOutcome(events)
    }
}
