import Foundation
import WorkingCalendar

/// The higher body's decision on a complaint (APPC 100; the outcomes the state system knows).
public enum ComplaintOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case leaveUnsatisfied = "leave_unsatisfied"
    case cancel
    case cancelAndAdopt = "cancel_and_adopt"
    case performAction = "perform_action"
    case adoptFavourable = "adopt_favourable"
    /// Back to the body that adopted the act, with the violations found.
    case returnWithViolations = "return_with_violations"
    case leaveWithoutConsideration = "leave_without_consideration"
}

/// An approver's say on the draft act before the signer (R44: approval, then signature).
public struct ActApproval: Sendable, Hashable, Codable {
    public var approver: UUID
    public var approverName: String?
    /// Nil while awaited.
    public var approvedOn: CivilDate?
    public var revision: Int?
    public var comment: String?
}

/// A warning of the justification check that someone read and let pass, with the reason (on the trail).
public struct WarningAcknowledgement: Sendable, Hashable, Codable {
    public var code: String
    public var section: ActSection?
    public var language: Language?
    public var reason: String
    public var by: UUID
    public var on: CivilDate
}

/// The act being drafted (R42, R43): its kind, both language versions section by section (two documents,
/// Law "On languages" Arts. 8, 11), its approvals and the warnings let pass. Once signed it is frozen in
/// the case and the appeal's stage carries the signature (`SignedAct`).
public struct ActDraft: Sendable, Hashable, Codable {
    public var kind: ActKind
    /// A decision chosen among several lawful ones (APPC 4, 10, 11): it must say how discretion was used.
    public var discretionary: Bool
    /// For a complaint decision: what the higher body decided.
    public var outcome: ComplaintOutcome?
    public var kk: ActSections
    public var ru: ActSections
    /// 1 for the first draft; each edit adds one (approvals name the revision they approved).
    public var revision: Int
    public var draftedOn: CivilDate
    public var draftedBy: UUID
    public var approvals: [ActApproval]
    public var acknowledgements: [WarningAcknowledgement]

    public init(kind: ActKind, discretionary: Bool, outcome: ComplaintOutcome?, kk: ActSections, ru: ActSections, revision: Int,
                draftedOn: CivilDate, draftedBy: UUID, approvals: [ActApproval] = [], acknowledgements: [WarningAcknowledgement] = []) {
        (self.kind, self.discretionary, self.outcome, self.kk, self.ru) = (kind, discretionary, outcome, kk, ru)
        (self.revision, self.draftedOn, self.draftedBy, self.approvals, self.acknowledgements) =
            (revision, draftedOn, draftedBy, approvals, acknowledgements)
    }

    public func sections(_ lang: Language) -> ActSections { lang == .ru ? ru : kk }

    public var versions: [Language: ActSections] { [.kk: kk, .ru: ru] }

    /// Approvers who have not approved the current revision.
    public var pendingApprovals: [ActApproval] { approvals.filter { $0.revision != revision } }

    public func awaitsApproval(by user: UUID) -> Bool { pendingApprovals.contains { $0.approver == user } }

    /// Whether this warning was let pass with a reason.
    public func acknowledged(_ f: ActFinding) -> Bool {
        acknowledgements.contains { $0.code == f.code && $0.section == f.section && $0.language == f.language }
    }
}

/// The act as signed (R44): who signed, on which day, its outgoing number, the frozen documents of both
/// versions with their SHA-256 (also on the trail), and how it reached the addressee. The electronic
/// signature, when integrated, signs exactly these hashes (`signature`).
public struct SignedAct: Sendable, Hashable, Codable {
    public var kind: ActKind
    public var outcome: ComplaintOutcome?
    public var revision: Int
    public var number: String
    public var signedOn: CivilDate
    public var signedBy: UUID
    public var signerName: String
    /// The case documents of the Kazakh and Russian versions, in that order.
    public var documents: [Int]
    /// Language code → SHA-256 of that version's frozen file.
    public var sha256: [String: String]
    /// An electronic signature over the hashes, once a signing service is connected (nil: signed on paper).
    public var signature: String?
}

/// An act that can be adopted only after its hearing; the check's findings and what blocks signing.
public struct ActReadiness: Sendable, Hashable {
    public var findings: [ActFinding]
    public var gate: AdoptionGate?
    /// Errors of the check (they block signing).
    public var errors: [ActFinding] { findings.filter { $0.severity == .error } }
    /// Warnings not yet let pass with a reason.
    public var openWarnings: [ActFinding]
    public var pendingApprovals: [ActApproval]

    public var signable: Bool { errors.isEmpty && openWarnings.isEmpty && pendingApprovals.isEmpty && (gate?.allowed ?? true) }
}
