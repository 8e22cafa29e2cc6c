import Foundation
import WorkingCalendar

/// R44: an approver named on the draft approves its current revision (a later edit asks again).
public struct ApproveAct: ProcedureStep {
    public static let action = Action.approveAct
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.actApprover]
    public static func isOffered(on a: Appeal) -> Bool { !(a.act?.pendingApprovals.isEmpty ?? true) }

    public var comment: String?
    public init(comment: String? = nil) { self.comment = comment }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard var d = a.act else { throw .noAct }
        guard let i = d.approvals.firstIndex(where: { $0.approver == c.actor.userID }) else { throw .forbidden(action: Self.action.rawValue) }
        d.approvals[i].approvedOn = c.today
        d.approvals[i].revision = d.revision
        d.approvals[i].approverName = c.actor.name
        d.approvals[i].comment = DocumentWording.given(comment)
        a.act = d
        return StepOutcome([AppealEvent(.actApproved(ActApproved(revision: d.revision)), on: c.today)])
    }
}

/// R39–R43: a warning of the justification check is read and let pass, with the reason (on the trail);
/// errors cannot be let pass.
public struct AcknowledgeWarning: ProcedureStep {
    public static let action = Action.acknowledgeWarning
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool { a.act != nil }

    public var code: String
    public var section: ActSection?
    public var language: Language?
    public var reason: String

    public init(code: String, section: ActSection? = nil, language: Language? = nil, reason: String) {
        (self.code, self.section, self.language, self.reason) = (code, section, language, reason)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard var d = a.act else { throw .noAct }
        let why = try Self.required(reason, "reason")
        let readiness = a.actReadiness(on: c.today, calendar: c.calendar, rules: c.rules)
        let open = (readiness?.openWarnings ?? []).filter { $0.code == code && (section == nil || $0.section == section)
            && (language == nil || $0.language == language) }
        guard !open.isEmpty else { throw .unknownWarning(code) }
        for f in open {
            d.acknowledgements.append(WarningAcknowledgement(code: f.code, section: f.section, language: f.language, reason: why,
                                                             by: c.actor.userID, on: c.today))
        }
        a.act = d
        return StepOutcome(open.map {
            AppealEvent(.warningAcknowledged(WarningAcknowledged(code: $0.code, section: $0.section, language: $0.language, revision: d.revision)),
                        on: c.today, reason: why)
        })
    }
}
