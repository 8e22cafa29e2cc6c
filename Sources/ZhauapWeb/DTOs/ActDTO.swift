import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// A finding of the justification check as the API gives it (R39–R43).
struct ActFindingDTO: Content {
    var code: String
    var severity: String
    var section: String?
    var language: String?
    var excerpt: String?
    var otherExcerpt: String?
    var basis: String
    var why: LocalizedText
    var fix: LocalizedText
    /// Let pass with a reason (warnings only).
    var acknowledged: Bool?

    init(_ f: ActFinding, acknowledged: Bool? = nil) {
        (code, severity, section, language, excerpt, otherExcerpt, basis, why, fix) =
            (f.code, f.severity.rawValue, f.section?.rawValue, f.language?.rawValue, f.excerpt, f.otherExcerpt, f.basis, f.why, f.fix)
        self.acknowledged = acknowledged
    }
}

/// `GET /api/v1/appeals/{id}/act`: the act of one case (R38–R44; APPC 73, 91–100).
struct ActResponse: Content {
    struct Approval: Content { var approver: UUID; var approverName: String?; var approvedOn: CivilDate?; var revision: Int?; var current: Bool }
    struct Acknowledgement: Content { var code: String; var section: String?; var language: String?; var reason: String; var on: CivilDate }
    struct Draft: Content {
        var kind: String
        var discretionary: Bool
        var outcome: String?
        var revision: Int
        var draftedOn: CivilDate
        var versions: [String: [String: String]]
        var approvals: [Approval]
        var acknowledgements: [Acknowledgement]
    }
    struct Check: Content {
        var findings: [ActFindingDTO]
        var errors: Int
        var warnings: Int
        /// Adoption today: the check, the warnings, the approvals and the hearing's gate all allow it.
        var signable: Bool
        var blocks: [String]
        var earliest: CivilDate?
    }
    struct Signed: Content {
        var number: String
        var signedOn: CivilDate
        var signerName: String
        var documents: [Int]
        var sha256: [String: String]
        var revision: Int
        /// APPC 100: the higher body's decision that cancelled the act (its number), while nil the act stands.
        var cancelledBy: String?
    }
    struct Delivery: Content { var sending: Int; var language: String; var channel: String; var sentOn: CivilDate; var deliveredOn: CivilDate?; var proof: String?; var proofDocument: Int? }
    struct Complaint: Content {
        var number: Int
        var against: String
        var actNumber: String?
        var deemedRefusalSince: CivilDate?
        var filedOn: CivilDate
        var late: Bool
        var passedOn: CivilDate?
        var higherBody: String?
        var export: Int?
        var decision: Decision?
    }
    struct Decision: Content { var outcome: String; var decidedOn: CivilDate; var number: String; var documents: [Int] }
    struct Origin: Content { var appealNumber: String; var complaint: Int }

    var appealId: UUID
    var number: String
    var today: CivilDate
    var state: String
    var draft: Draft?
    var check: Check?
    var signed: Signed?
    var deliveries: [Delivery]
    var deemedRefusalSince: CivilDate?
    var terms: [TermDTO]
    var higherBody: String?
    var complaints: [Complaint]
    var complaintOf: Origin?
    var allowedActions: [String]

    static let steps: Set<Action> = [.draftAct, .editAct, .approveAct, .acknowledgeWarning, .signAct, .recordSending, .recordDelivery,
                                     .fileComplaint, .passComplaint]

    init(_ v: ActView, actor: Actor) {
        let a = v.appeal
        (appealId, number, today, state) = (a.id, a.registration.number, v.today, a.state.rawValue)
        draft = a.act.map { d in
            Draft(kind: d.kind.rawValue, discretionary: d.discretionary, outcome: d.outcome?.rawValue, revision: d.revision, draftedOn: d.draftedOn,
                  versions: ["kk": Self.texts(d.kk), "ru": Self.texts(d.ru)],
                  approvals: d.approvals.map { Approval(approver: $0.approver, approverName: $0.approverName, approvedOn: $0.approvedOn,
                                                        revision: $0.revision, current: $0.revision == d.revision) },
                  acknowledgements: d.acknowledgements.map { Acknowledgement(code: $0.code, section: $0.section?.rawValue, language: $0.language?.rawValue,
                                                                             reason: $0.reason, on: $0.on) })
        }
        check = v.readiness.map { r in
            let d = a.act
            var blocks = r.gate.map { $0.blocks.map(\.code) } ?? []
            if !r.errors.isEmpty { blocks.append("act_has_errors") }
            if !r.openWarnings.isEmpty { blocks.append("warnings_not_acknowledged") }
            if !r.pendingApprovals.isEmpty { blocks.append("approval_pending") }
            return Check(findings: r.findings.map { ActFindingDTO($0, acknowledged: $0.severity == .warning ? d?.acknowledged($0) : nil) },
                         errors: r.errors.count, warnings: r.findings.count - r.errors.count, signable: r.signable && a.state == .underConsideration,
                         blocks: blocks, earliest: r.gate?.earliest)
        }
        signed = a.signedAct.map { Signed(number: $0.number, signedOn: $0.signedOn, signerName: $0.signerName, documents: $0.documents,
                                         sha256: $0.sha256, revision: $0.revision, cancelledBy: a.actCancelledBy?.number) }
        deliveries = a.sendings.enumerated().filter { $0.element.document == .administrativeAct }.map { i, s in
            Delivery(sending: i + 1, language: s.language.rawValue, channel: s.channel.rawValue, sentOn: s.sentOn, deliveredOn: s.deliveredOn,
                     proof: s.proof, proofDocument: s.proofDocument)
        }
        deemedRefusalSince = v.deemedRefusal
        terms = v.terms.map { TermDTO($0, calendar: v.calendar) }
        higherBody = v.higherBody?.code
        complaints = a.complaints.map { c in
            var actNumber: String?, since: CivilDate?
            switch c.target {
            case .act(let n): actNumber = n
            case .deemedRefusal(let d): since = d
            }
            return Complaint(number: c.number, against: actNumber != nil ? "act" : "deemed_refusal", actNumber: actNumber, deemedRefusalSince: since,
                             filedOn: c.filedOn, late: c.late, passedOn: c.passing?.passedOn, higherBody: c.passing?.higherBodyName,
                             export: c.passing?.export,
                             decision: c.decision.map { Decision(outcome: $0.outcome.rawValue, decidedOn: $0.decidedOn, number: $0.number, documents: $0.documents) })
        }
        complaintOf = a.complaintAgainst.map { Origin(appealNumber: $0.appealNumber, complaint: $0.complaint) }
        allowedActions = Permissions.available(actor: actor, appeal: a).filter(Self.steps.contains).map(\.rawValue)
    }

    static func texts(_ s: ActSections) -> [String: String] { Dictionary(uniqueKeysWithValues: s.map { ($0.key.rawValue, $0.value) }) }
}
