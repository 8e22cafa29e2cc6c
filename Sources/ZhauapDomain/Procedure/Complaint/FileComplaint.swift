import Foundation
import WorkingCalendar

/// APPC 91(4), 92: a complaint against the act adopted here, or against its absence after the term (a
/// deemed refusal, 91(2)), is filed with this body — on paper through the registrar or online by the
/// applicant — and never refused for lateness (a late one is marked late). The body passes it on within
/// the term the rules give (91(4)).
public struct FileComplaint: ProcedureStep {
    public static let action = Action.fileComplaint
    public static let allowedIn: Set<AppealState> = [.decided, .registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.registrar, .head, .applicant]

    /// Offered once an act is signed; a deemed refusal (which depends on the day) is offered by the act's
    /// view and page, and the step takes it all the same.
    public static func isOffered(on a: Appeal) -> Bool {
        a.complaintAgainst == nil && a.kind == .application && a.signedAct != nil
    }

    public static let maxLength = 10_000

    public var text: String
    public init(text: String) { self.text = text }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let body = try Self.required(text, "text")
        guard body.count <= Self.maxLength else { throw .textTooLong(field: "text", limit: Self.maxLength) }
        if a.complaintAgainst != nil || a.kind == .complaint { throw .complaintGoesToCourt }
        let target: ComplaintTarget
        if let s = a.signedAct { target = .act(number: s.number) }
        else if let since = a.deemedRefusal(on: c.today) { target = .deemedRefusal(since: since) }
        else { throw .nothingToComplainAbout }
        // APPC 92: three months from delivery; a later complaint is accepted all the same.
        let filing = a.term(.complaintFiling)
        let late = filing.map { c.today > $0.due } ?? false
        a.close([.complaintFiling], late ? .cancelled : .met, on: c.today)
        let passing = try Procedure.startTerm(.complaintPassing, for: a, from: c.today, context: c)
        a.terms.append(passing)
        let number = (a.complaints.last?.number ?? 0) + 1
        a.complaints.append(ComplaintFiling(number: number, target: target, text: body, filedOn: c.today, late: late, recordedBy: c.actor.userID))
        let against = if case .act = target { "act" } else { "deemed_refusal" }
        return StepOutcome([AppealEvent(.complaintFiled(ComplaintFiled(complaint: number, against: against, late: late, passBy: passing.due)),
                                        on: c.today)])
    }
}

/// APPC 91(4): the complaint goes to the higher body with the administrative case (its export, made
/// after the complaint was filed); in this installation it arrives there as a registered complaint.
public struct PassComplaint: ProcedureStep {
    public static let action = Action.passComplaint
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.registrar, .head]
    public static var needsHigherBody: Bool { true }
    public static func isOffered(on a: Appeal) -> Bool { a.complaints.contains { $0.passing == nil } }

    public var complaint: Int?
    public init(complaint: Int? = nil) { self.complaint = complaint }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let n = complaint ?? a.complaints.last { $0.passing == nil }?.number ?? a.complaints.last?.number ?? 1
        guard let i = a.complaints.firstIndex(where: { $0.number == n }) else { throw .unknownComplaint(n) }
        guard a.complaints[i].passing == nil else { throw .complaintPassed(n) }
        guard let higher = c.higherBody, higher.id != c.body.id else { throw .noHigherBody }
        guard let export = a.exports.last, export.exportedOn >= a.complaints[i].filedOn else { throw .exportRequired }
        let late = a.term(.complaintPassing).map { c.today > $0.due } ?? false
        a.close([.complaintPassing], on: c.today)
        let newID = c.newID()
        a.complaints[i].passing = ComplaintPassing(passedOn: c.today, higherBodyID: higher.id, higherBodyName: higher.nameKk,
                                                   complaintAppealID: newID, export: export.number)
        let link = ComplaintLink(appealID: a.id, bodyID: a.bodyID, appealNumber: a.registration.number, complaint: n)
        return StepOutcome([AppealEvent(.complaintPassed(ComplaintPassed(complaint: n, higherBody: higher.code, export: export.number, late: late)),
                                        on: c.today)],
                           effects: [.registerComplaint(targetBodyID: higher.id, newAppealID: newID, link: link, export: export.number)])
    }
}
