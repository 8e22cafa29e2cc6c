import Foundation
import WorkingCalendar

/// R32, R33: the invitation to the hearing — the form chosen for the participant's convenience (a personal
/// conversation at the body or at the applicant's place, a video or messenger call, e-mail, or a written
/// opinion passed through another person), the day and time, the place or link, how to take part, and the
/// right to object — frozen in the case in Kazakh, and in Russian for an appeal in Russian.
public struct InviteToHearing: ProcedureStep {
    public static let action = Action.inviteToHearing
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen && a.hearing?.draft != nil }

    public var form: HearingForm
    public var app: String?
    public var date: CivilDate
    public var time: String
    public var place: String
    public var howKk: String?
    public var howRu: String?

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        var h = try a.openHearing()
        guard h.draft != nil else { throw .noDraft }
        guard date >= c.today, date <= c.today.adding(days: 366) else { throw .dayOutOfRange(field: "date", date) }
        _ = try Self.minutes(time, "time")
        if form == .videoCall { _ = try Self.required(app, "app") }
        if DocumentWording.russianRequired(for: a), DocumentWording.given(howKk) != nil, DocumentWording.given(howRu) == nil {
            throw .missingField("howRu")
        }
        let number = h.invitations.count + 1
        // Fixed wording in both languages; free text typed in Kazakh alone keeps the invitation Kazakh (Law "On languages" Art. 11).
        let languages: [Language] = DocumentWording.given(howKk) == nil || DocumentWording.given(howRu) != nil ? [.kk, .ru] : [.kk]
        h.invitations.append(HearingInvitation(number: number, form: form, app: DocumentWording.given(app), date: date, time: time,
                                               place: try Self.required(place, "place"), howKk: DocumentWording.given(howKk),
                                               howRu: DocumentWording.given(howRu), documents: [], invitedOn: c.today))
        a.hearing = h
        let frozen = a.freeze(.hearingInvitation(number: number), title: "hearing_invitation", kind: .generated, party: a.applicant.displayName,
                              direction: .outgoing, languages: languages, generated: .hearingInvitation, context: c)
        a.hearing?.invitations[number - 1].documents = frozen.numbers
        let event = AppealEvent(.invitationIssued(InvitationIssued(number: number, form: form, date: date, time: time, documents: frozen.numbers)),
                                on: c.today)
        return StepOutcome([event] + frozen.events, effects: frozen.effects)
    }
}
