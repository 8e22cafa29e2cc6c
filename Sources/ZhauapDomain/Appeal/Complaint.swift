import Foundation
import WorkingCalendar

/// What a complaint is about: the act adopted on this appeal, or the absence of one after the term (a
/// deemed refusal from the day after the term, APPC 91(2)).
public enum ComplaintTarget: Sendable, Hashable, Codable {
    case act(number: String)
    case deemedRefusal(since: CivilDate)
}

/// A complaint against this body's act, filed with this body (APPC 91(4)), which passes it with the
/// case file to the higher body; late filing is no ground to refuse it (APPC 92).
public struct ComplaintFiling: Sendable, Hashable, Codable {
    public var number: Int
    public var target: ComplaintTarget
    public var text: String
    public var filedOn: CivilDate
    /// Filed after the three months of APPC 92 (accepted all the same, the higher body weighs it).
    public var late: Bool
    public var recordedBy: UUID
    public var passing: ComplaintPassing?
    public var decision: ComplaintDecisionRecord?
}

/// The complaint went to the higher body with the case file (its export).
public struct ComplaintPassing: Sendable, Hashable, Codable {
    public var passedOn: CivilDate
    public var higherBodyID: UUID
    public var higherBodyName: String
    /// The complaint as registered in the higher body of this installation.
    public var complaintAppealID: UUID
    /// The case export sent with it.
    public var export: Int?
}

/// The higher body's decision as it came back into this case.
public struct ComplaintDecisionRecord: Sendable, Hashable, Codable {
    public var outcome: ComplaintOutcome
    public var decidedOn: CivilDate
    public var number: String
    /// The decision's documents as received into this case.
    public var documents: [Int]
}

/// A complaint registered in the higher body: the appeal, body and complaint it came from, so the
/// decision goes back there.
public struct ComplaintLink: Sendable, Hashable, Codable {
    public var appealID: UUID
    public var bodyID: UUID
    public var appealNumber: String
    public var complaint: Int
}

extension Appeal {
    /// APPC 91(2): an application with no act by the end of its term is deemed refused from the day after
    /// the term; the applicant may complain. Nil while the term runs, once an act is adopted, or for
    /// appeals that end in an answer.
    public func deemedRefusal(on day: CivilDate) -> CivilDate? {
        guard kind == .application, state.isOpen, let t = term(.consideration), day > t.due else { return nil }
        return t.due.adding(days: 1)
    }

    public var signedAct: SignedAct? { if case .decided(let s, _) = stage { s } else { nil } }

    /// APPC 100: the higher body's decision that cancelled this act (cancel, or cancel and adopt a new one):
    /// the act no longer stands. Nil while it stands.
    public var actCancelledBy: ComplaintDecisionRecord? {
        complaints.compactMap(\.decision).last { $0.outcome == .cancel || $0.outcome == .cancelAndAdopt }
    }
}
