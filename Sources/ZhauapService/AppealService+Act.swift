import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The act of one case (R38–R44) as the executor, the head and the API see it: the draft's two versions,
/// the justification check's findings, the hearing's gate, the approvals, the signed act and its delivery,
/// the three months to complain, a deemed refusal, and the complaints with their way to the higher body.
public struct ActView: Sendable {
    public var appeal: Appeal
    public var today: CivilDate
    /// Nil before the act is drafted.
    public var readiness: ActReadiness?
    /// APPC 91(2): deemed refused from this day (no act by the end of the term).
    public var deemedRefusal: CivilDate?
    public var higherBody: AdministrativeBody?
    /// The act's terms (APPC 92, 91(4)), explained like every term.
    public var terms: [AppealTerm]
    public var calendar: WorkingDayCalendar
    public var rules: TermRules
}

extension AppealService {
    public func actView(_ appealID: UUID, actor: Actor) async throws -> ActView {
        guard let (appeal, _) = try await storage.appeals.appeal(appealID, bodyID: actor.bodyID) else { throw ServiceError.notFound }
        let body = try await body(of: actor)
        let calendar = try await calendars.current()
        let today = max(today(in: body), appeal.registration.registeredOn)
        return ActView(appeal: appeal, today: today, readiness: appeal.actReadiness(on: today, calendar: calendar, rules: rules),
                       deemedRefusal: appeal.deemedRefusal(on: today), higherBody: try await higher(of: body),
                       terms: appeal.terms.filter { $0.purpose == .complaintFiling || $0.purpose == .complaintPassing },
                       calendar: calendar, rules: rules)
    }

    /// APPC 91(4), 92: the applicant files a complaint online on the public tracking page, proving the appeal
    /// with its number and the coupon's code. Nil when no appeal has that number and code.
    public func submitComplaint(number: String, code: String, text: String) async throws -> Appeal? {
        guard let appeal = try await track(number: number, code: code) else { return nil }
        return try await perform(AppealCommand(FileComplaint(text: text)), on: appeal.id, actor: Actor.applicant(of: appeal))
    }

    /// Signed acts of the body with a complaint still to pass to the higher body (APPC 91(4)): the registrar's
    /// and the head's list, the term nearest first.
    public func complaintsToPass(actor: Actor) async throws -> [Appeal] {
        var out: [Appeal] = []
        for id in try await storage.appeals.appealsWithComplaintsToPass(bodyID: actor.bodyID) {
            if let (a, _) = try await storage.appeals.appeal(id, bodyID: actor.bodyID), a.complaints.contains(where: { $0.passing == nil }) { out.append(a) }
        }
        return out
    }

    /// The appeal's legal day now, in its body's time zone (never before its registration day).
    public func today(of a: Appeal) async throws -> CivilDate {
        guard let body = try await storage.organisation.body(a.bodyID) else { return max(todayInDefaultZone(), a.registration.registeredOn) }
        return max(today(in: body), a.registration.registeredOn)
    }

    /// The justification check on an act written elsewhere (R39–R43), on the real calendar.
    public func checkAct(_ input: ActCheckInput) async throws -> [ActFinding] {
        ActCheck.findings(input, calendar: try await calendars.current())
    }
}
