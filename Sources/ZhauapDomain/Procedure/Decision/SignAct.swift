import Foundation
import WorkingCalendar

/// R44; APPC 73, 79, 80: the signer (the head) adopts the act — not before the hearing's earliest day,
/// not while the justification check has errors, not before every warning is let pass with a reason and
/// every approver approved the current revision. Both versions are frozen in the case, their SHA-256 on
/// the trail; the act gets its outgoing number and the consideration ends. A decision on a complaint
/// passed from another body of the installation goes back into that body's case.
public struct SignAct: ProcedureStep {
    public static let action = Action.signAct
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.head]
    public static func isOffered(on a: Appeal) -> Bool { a.act != nil }

    public init() {}

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard var d = a.act, let readiness = a.actReadiness(on: c.today, calendar: c.calendar, rules: c.rules) else { throw .noAct }
        guard case .underConsideration(let executor) = a.stage else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        if let gate = readiness.gate, !gate.allowed { throw .adoptionBlocked(gate.blocks) }
        guard readiness.errors.isEmpty else { throw .actHasErrors(Array(Set(readiness.errors.map(\.code))).sorted()) }
        guard readiness.openWarnings.isEmpty else { throw .warningsNotAcknowledged(Array(Set(readiness.openWarnings.map(\.code))).sorted()) }
        guard readiness.pendingApprovals.isEmpty else { throw .approvalPending(readiness.pendingApprovals.count) }
        // The signature block names who took the decision (R43(7)).
        d.kk[.signature] = "\(c.actor.position(.kk)) \(c.actor.name)"
        d.ru[.signature] = "\(c.actor.position(.ru)) \(c.actor.name)"
        a.act = d
        a.issue(.administrativeAct, on: c.today, by: c.actor)
        let number = a.issue(of: .administrativeAct)!.number
        // The stage first, so the frozen documents print the signature, number and date.
        a.stage = .decided(SignedAct(kind: d.kind, outcome: d.outcome, revision: d.revision, number: number, signedOn: c.today,
                                     signedBy: c.actor.userID, signerName: c.actor.name, documents: [], sha256: [:]), executor: executor)
        let frozen = a.freeze(.act(revision: d.revision), title: "administrative_act", kind: .administrativeAct, party: a.applicant.displayName,
                              direction: .outgoing, languages: [.kk, .ru], generated: .administrativeAct, context: c)
        var hashes: [String: String] = [:]
        for n in frozen.numbers { if let doc = a.document(n), let file = doc.file, let l = doc.language { hashes[l.rawValue] = file.sha256 } }
        let signed = SignedAct(kind: d.kind, outcome: d.outcome, revision: d.revision, number: number, signedOn: c.today, signedBy: c.actor.userID,
                               signerName: c.actor.name, documents: frozen.numbers, sha256: hashes)
        a.stage = .decided(signed, executor: executor)
        a.close([.consideration, .forwarding], on: c.today)
        a.close([.extensionNotice, .objection, .draftLead], .cancelled, on: c.today)
        let event = ActSigned(kind: d.kind, outcome: d.outcome, revision: d.revision, number: number, documents: frozen.numbers,
                              sha256Kk: hashes["kk"], sha256Ru: hashes["ru"], acknowledged: Array(Set(d.acknowledgements.map(\.code))).sorted())
        return StepOutcome([AppealEvent(.actSigned(event), on: c.today)] + frozen.events,
                           effects: frozen.effects + (a.complaintAgainst.map { [.returnComplaintDecision($0)] } ?? []))
    }
}
