import Foundation
import WorkingCalendar

/// R34, R35: is a hearing required? The executor says what act is intended — favourable or burdening, or
/// none (the simplified procedure) —, whether it burdens third parties, and whether an exception of R35
/// applies; the hearing rules decide, citing their articles. The addressee (the applicant) is its first
/// participant. Planned again while the hearing is pending, the participants, drafts and objections stay.
public struct PlanHearing: ProcedureStep {
    public static let action = Action.planHearing
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    /// Offered for the kinds that end in an act (applications and complaints) until the hearing is held or omitted.
    public static func isOffered(on a: Appeal) -> Bool {
        guard let kind = a.kind, !kind.isSimplified else { return false }
        return a.hearing.map { $0.conduct == .pending } ?? true
    }

    public var outcome: HearingOutcome
    public var burdensThirdParty: Bool?
    public var exception: HearingException?

    public init(outcome: HearingOutcome, burdensThirdParty: Bool? = nil, exception: HearingException? = nil) {
        (self.outcome, self.burdensThirdParty, self.exception) = (outcome, burdensThirdParty, exception)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let kind = a.kind else { throw .kindNotConfirmed }
        if let h = a.hearing, h.conduct != .pending { throw .hearingConcluded }
        let thirdParty = burdensThirdParty ?? false
        guard let ruling = c.hearingRules?.decide(kind: kind, outcome: outcome, burdensThirdParty: thirdParty, exception: exception, on: c.today)
        else { throw .noHearingRule }
        let addressee = HearingParticipant(number: 1, role: .addressee, name: a.applicant.displayName ?? "—",
                                           contacts: [a.applicant.postalAddress, a.applicant.email, a.applicant.phone].compactMap { $0 }.joined(separator: "; "),
                                           channel: Self.channel(of: a), addedOn: c.today)
        var h = Hearing(outcome: outcome, burdensThirdParty: thirdParty, exception: exception, ruling: ruling, plannedOn: c.today,
                        plannedBy: c.actor.userID, participants: [addressee])
        if let old = a.hearing {
            (h.participants, h.drafts, h.invitations, h.arguments) = (old.participants, old.drafts, old.invitations, old.arguments)
        }
        a.hearing = h
        return StepOutcome([AppealEvent(.hearingPlanned(HearingPlanned(outcome: outcome, burdensThirdParty: thirdParty, exception: exception,
                                                                        decision: ruling.decision, rule: ruling.ruleID)), on: c.today)])
    }

    /// How the applicant is reached by default: the way the appeal came.
    static func channel(of a: Appeal) -> ContactChannel {
        switch a.registration.channel {
        case .eotinish, .portal: .eotinish
        case .email: a.applicant.email == nil ? .post : .email
        case .inPerson, .oral: .inPerson
        default: a.applicant.email != nil ? .email : .post
        }
    }
}

/// R30, R35: an interested person — a third party whose rights the act may restrict — joins the hearing,
/// with contacts and the channel they can use.
public struct AddParticipant: ProcedureStep {
    public static let action = Action.addParticipant
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen }

    public var name: String
    public var contacts: String?
    public var channel: ContactChannel

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        var h = try a.openHearing()
        let p = HearingParticipant(number: (h.participants.map(\.number).max() ?? 0) + 1, role: .interested, name: try Self.required(name, "name"),
                                   contacts: DocumentWording.given(contacts), channel: channel, addedOn: c.today)
        h.participants.append(p)
        a.hearing = h
        return StepOutcome([AppealEvent(.participantAdded(ParticipantAdded(participant: p.number, role: p.role, channel: p.channel)), on: c.today)])
    }
}
