import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The hearing of one case (R30–R37) as the executor and the API see it: the plan and the rules' answer,
/// the participants and each one's receipt of the draft, the objection window and the earliest day of
/// the act on the real calendar, and whether the act may be adopted today.
public struct HearingView: Sendable {
    public var appeal: Appeal
    public var today: CivilDate
    /// What the rules would say for a favourable and a burdening act, before the executor plans it.
    public var preview: [HearingOutcome: HearingRuling]
    public var receipts: [DraftReceipt]
    public var gate: AdoptionGate
    /// The objection window and the earliest day of the act, explained like every term.
    public var terms: [AppealTerm]
    public var calendar: WorkingDayCalendar
    public var rules: TermRules
}

extension AppealService {
    public func hearingView(_ appealID: UUID, actor: Actor) async throws -> HearingView {
        guard let (appeal, _) = try await storage.appeals.appeal(appealID, bodyID: actor.bodyID) else { throw ServiceError.notFound }
        let body = try await body(of: actor)
        let calendar = try await calendars.current()
        let today = max(today(in: body), appeal.registration.registeredOn)
        var preview: [HearingOutcome: HearingRuling] = [:]
        if let kind = appeal.kind, let hearingRules {
            for o in [HearingOutcome.favourable, .burdening] {
                preview[o] = hearingRules.decide(kind: kind, outcome: o, burdensThirdParty: false, exception: nil, on: today)
            }
        }
        return HearingView(appeal: appeal, today: today, preview: preview, receipts: appeal.draftReceipts(calendar: calendar, rules: rules),
                           gate: appeal.adoptionGate(on: today, calendar: calendar, rules: rules),
                           terms: appeal.terms.filter { $0.purpose == .objection || $0.purpose == .draftLead }, calendar: calendar, rules: rules)
    }

    /// APPC 73(3): the applicant objects to the draft decision on the public tracking page, proving the appeal
    /// with its number and the coupon's code. Nil when no appeal has that number and code.
    public func submitObjection(number: String, code: String, text: String) async throws -> Appeal? {
        guard let appeal = try await track(number: number, code: code) else { return nil }
        return try await perform(AppealCommand(SubmitObjection(text: text)), on: appeal.id, actor: Actor.applicant(of: appeal))
    }

    /// Appeals of the body whose hearing has an objection or argument not answered yet (the desk's list;
    /// `executorID`: only those assigned to that executor).
    public func objectionsAwaitingAnswer(actor: Actor, mine: Bool) async throws -> [Appeal] {
        let ids = try await storage.appeals.appealsWithObjections(bodyID: actor.bodyID, executorID: mine ? actor.userID : nil)
        var out: [Appeal] = []
        for id in ids {
            if let (a, _) = try await storage.appeals.appeal(id, bodyID: actor.bodyID), a.state.isOpen, !(a.hearing?.unanswered.isEmpty ?? true) {
                out.append(a)
            }
        }
        return out
    }
}
