import Foundation
import WorkingCalendar

/// APPC 73(3), R40: an objection or argument of a participant, received in writing (a document of the case)
/// or orally (at the hearing, for the protocol). One received after the window is still recorded — the act
/// answers it — and marked late.
public struct RecordObjection: ProcedureStep {
    public static let action = Action.recordObjection
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen && a.hearing?.draft != nil }

    public var participant: Int?
    public var channel: ArgumentChannel
    public var text: String
    /// The written objection's case document.
    public var caseDocument: Int?
    /// Nil: today.
    public var receivedOn: CivilDate?

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let h = try a.openHearing()
        let who = participant ?? 1
        guard h.participant(who) != nil else { throw .unknownParticipant(who) }
        guard channel != .online else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        if channel == .written {
            guard let d = caseDocument else { throw .missingField("caseDocument") }
            if a.document(d).map({ $0.isWithdrawn }) ?? true { throw .unknownEvidenceDocument(d) }
        }
        let day = receivedOn ?? c.today
        guard day <= c.today, day >= a.registration.registeredOn else { throw .dayOutOfRange(field: "receivedOn", day) }
        return try a.addArgument(participant: who, channel: channel, text: try Self.required(text, "text"), document: caseDocument, on: day,
                                 context: c)
    }
}

/// APPC 73(3): the applicant, on the public tracking page with the appeal's number and the coupon's code,
/// reads the draft decision and objects within the window; the objection joins the case as a document and
/// waits on the executor's desk for its answer. After the window the page refuses it and says so.
public struct SubmitObjection: ProcedureStep {
    public static let action = Action.submitObjection
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = .applicant
    public static let viaActions = false
    /// The longest objection taken online, in characters.
    public static let maxLength = 10_000

    /// Open while the hearing is pending and the draft was sent to the addressee.
    public static func isOffered(on a: Appeal) -> Bool {
        guard a.hearingIsOpen, let addressee = a.hearing?.addressee else { return false }
        return !a.draftSendings(to: addressee.number).isEmpty
    }

    public var text: String

    public init(text: String) { self.text = text }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let h = try a.openHearing()
        guard let addressee = h.addressee, !a.draftSendings(to: addressee.number).isEmpty else { throw .objectionNotOpen }
        let body = try Self.required(text, "text")
        guard body.count <= Self.maxLength else { throw .textTooLong(field: "text", limit: Self.maxLength) }
        // The window runs from the day the draft reached the applicant; until then an objection is in time.
        let receipt = a.draftReceipts(calendar: c.calendar, rules: c.rules).first { $0.participant == addressee.number }
        if let until = receipt?.objectionUntil, c.today > until { throw .objectionWindowClosed(until: until) }
        let number = h.arguments.count + 1
        var out = try a.addArgument(participant: addressee.number, channel: .online, text: body, document: nil, on: c.today, context: c)
        let frozen = a.freeze(.objection(number: number), title: "objection", kind: .objection, party: a.applicant.displayName,
                              direction: .incoming, languages: [a.language == .ru ? .ru : .kk], generated: nil, context: c)
        a.hearing?.arguments[number - 1].document = frozen.numbers.first
        if case .objectionRecorded(var p) = out.events[0].payload {
            p.document = frozen.numbers.first
            out.events[0] = AppealEvent(.objectionRecorded(p), on: c.today)
        }
        return StepOutcome(out.events + frozen.events, effects: frozen.effects)
    }
}

extension Appeal {
    mutating func addArgument(participant: Int, channel: ArgumentChannel, text: String, document: Int?, on day: CivilDate,
                              context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let receipt = draftReceipts(calendar: c.calendar, rules: c.rules).first { $0.participant == participant }
        let late = receipt?.objectionUntil.map { day > $0 } ?? false
        let number = (hearing?.arguments.count ?? 0) + 1
        hearing?.arguments.append(HearingArgument(number: number, participant: participant, channel: channel, text: text, document: document,
                                                  receivedOn: day, late: late, answer: nil))
        return StepOutcome([AppealEvent(.objectionRecorded(ObjectionRecorded(number: number, participant: participant, channel: channel,
                                                                             document: document, late: late)), on: day)])
    }
}

/// R40: each argument is accepted or not, and why — the act will carry the answer.
public struct AnswerArgument: ProcedureStep {
    public static let action = Action.answerArgument
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { !(a.hearing?.arguments.isEmpty ?? true) }

    public var number: Int
    public var accepted: Bool
    public var reasonKk: String
    public var reasonRu: String?

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let h = a.hearing else { throw .hearingNotPlanned }
        guard h.arguments.indices.contains(number - 1) else { throw .unknownArgument(number) }
        let kk = try Self.required(reasonKk, "reasonKk")
        let ru = DocumentWording.given(reasonRu)
        if ru == nil, DocumentWording.russianRequired(for: a) { throw .missingField("reasonRu") }
        a.hearing?.arguments[number - 1].answer = ArgumentAnswer(accepted: accepted, reasonKk: kk, reasonRu: ru, answeredOn: c.today,
                                                                 answeredBy: c.actor.userID)
        return StepOutcome([AppealEvent(.argumentAnswered(ArgumentAnswered(number: number, accepted: accepted)), on: c.today)])
    }
}
