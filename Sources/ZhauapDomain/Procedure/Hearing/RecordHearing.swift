import Foundation
import WorkingCalendar

/// R30–R37; APPC 73, 74: the hearing was held. An oral one — in person or by a video or messenger call —
/// has its protocol: place, day, start and end, the body, the presiding official and the secretary, who was
/// present and heard, the matter, the explanations, questions, answers and statements, and, where they
/// apply, the facts a participant asked to record, the means of recording (a video only with written
/// consent), when the addressee received the draft, why the addressee is absent; signed by the presiding
/// official and the secretary; when and where it can be read. A protocol missing a required item is
/// refused, naming it. A hearing by e-mail or written opinion has no protocol: its material is in the case.
public struct RecordHearing: ProcedureStep {
    public static let action = Action.recordHearing
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    /// R31: the employee authorised to conduct the procedure (its executor) or to issue the act (the head).
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen && a.hearing?.draft != nil }

    public var form: HearingForm
    public var heldOn: CivilDate?
    public var place: String?
    public var startTime: String?
    public var endTime: String?
    public var presidingName: String?
    public var secretaryName: String?
    public var participantsPresent: [String]?
    public var matterKk: String?
    public var matterRu: String?
    public var contentKk: String?
    public var contentRu: String?
    public var essentialFacts: String?
    public var recordingMeans: String?
    public var videoRecorded: Bool?
    public var videoConsentDocument: Int?
    public var absenceReason: String?
    public var signedByPresiding: Bool?
    public var signedBySecretary: Bool?
    public var readyOn: CivilDate?
    public var readingPlace: String?

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let h = try a.openHearing()
        guard h.draft != nil else { throw .noDraft }
        let day = heldOn ?? c.today
        guard day <= c.today, day >= h.plannedOn else { throw .dayOutOfRange(field: "heldOn", day) }
        guard form.isOral else {
            let given: [Any?] = [place, startTime, endTime, presidingName, secretaryName, participantsPresent, matterKk, matterRu, contentKk,
                                 contentRu, essentialFacts, recordingMeans, videoConsentDocument, absenceReason, readyOn, readingPlace]
            guard given.allSatisfy({ $0 == nil }) else { throw .protocolNotForWritten }
            a.hearing?.conduct = .held(HeldHearing(form: form, heldOn: day, protocol_: nil, recordedBy: c.actor.userID))
            return StepOutcome([AppealEvent(.hearingHeld(HearingHeld(form: form, heldOn: day, protocolDocuments: [])), on: day)])
        }
        let p = try protocolOf(a, hearing: h, day: day, context: c)
        a.hearing?.conduct = .held(HeldHearing(form: form, heldOn: day, protocol_: p, recordedBy: c.actor.userID))
        let ru = p.matterRu != nil
        let frozen = a.freeze(.hearingProtocol, title: "hearing_protocol", kind: .hearingProtocol, party: nil, direction: .internal,
                              languages: ru ? [.kk, .ru] : [.kk], generated: .hearingProtocol, context: c)
        if case .held(var held) = a.hearing?.conduct {
            held.protocol_?.documents = frozen.numbers
            a.hearing?.conduct = .held(held)
        }
        let event = AppealEvent(.hearingHeld(HearingHeld(form: form, heldOn: day, protocolDocuments: frozen.numbers, signedByPresiding: true,
                                                         signedBySecretary: true)), on: day)
        return StepOutcome([event] + frozen.events, effects: frozen.effects)
    }

    /// The protocol as APPC 74 requires it, or the first missing item by name.
    func protocolOf(_ a: Appeal, hearing h: Hearing, day: CivilDate, context c: ProcedureContext) throws(ProcedureError) -> HearingProtocol {
        let place = try Self.required(place, "place")
        let start = try Self.minutes(startTime, "startTime"), end = try Self.minutes(endTime, "endTime")
        guard end > start else { throw .invalidTime(field: "endTime") }
        let presiding = try Self.required(presidingName, "presidingName")
        let secretary = try Self.required(secretaryName, "secretaryName")
        let present = (participantsPresent ?? []).compactMap(DocumentWording.given)
        guard !present.isEmpty else { throw .missingField("participantsPresent") }
        let matterKk = try Self.required(matterKk, "matterKk"), contentKk = try Self.required(contentKk, "contentKk")
        let matterRu = DocumentWording.given(matterRu), contentRu = DocumentWording.given(contentRu)
        if DocumentWording.russianRequired(for: a) || matterRu != nil || contentRu != nil {
            _ = try Self.required(matterRu, "matterRu")
            _ = try Self.required(contentRu, "contentRu")
        }
        // A video recording needs the participant's written consent, taken during the procedure (R37).
        if videoRecorded == true {
            guard let d = videoConsentDocument else { throw .missingField("videoConsentDocument") }
            if a.document(d).map({ $0.isWithdrawn }) ?? true { throw .unknownEvidenceDocument(d) }
        }
        // APPC 74: signed by the presiding official and the secretary.
        guard signedByPresiding == true else { throw .missingField("signedByPresiding") }
        guard signedBySecretary == true else { throw .missingField("signedBySecretary") }
        let ready = readyOn ?? c.today
        guard ready >= day, ready <= c.today.adding(days: 60) else { throw .dayOutOfRange(field: "readyOn", ready) }
        let received = a.draftReceipts(calendar: c.calendar, rules: c.rules).first { $0.participant == h.addressee?.number }?.receivedOn
        return HearingProtocol(place: place, heldOn: day, startTime: startTime!, endTime: endTime!, bodyName: c.body.nameKk, presidingName: presiding,
                               secretaryName: secretary, participantsPresent: present, matterKk: matterKk, matterRu: matterRu, contentKk: contentKk,
                               contentRu: contentRu, essentialFacts: DocumentWording.given(essentialFacts),
                               recordingMeans: DocumentWording.given(recordingMeans), videoRecorded: videoRecorded ?? false,
                               videoConsentDocument: videoRecorded == true ? videoConsentDocument : nil, draftReceivedOn: received,
                               absenceReason: DocumentWording.given(absenceReason), signedByPresiding: true, signedBySecretary: true,
                               readyOn: ready, readingPlace: try Self.required(readingPlace, "readingPlace"), documents: [])
    }
}

/// R35: no hearing is held — for the reason the hearing rules allow here (the exception planned, or a
/// favourable act that burdens nobody), with its articles; the act will state it.
public struct OmitHearing: ProcedureStep {
    public static let action = Action.omitHearing
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen && (a.hearing?.ruling.decision.mayOmit ?? false) }

    public var reason: OmissionReason
    public var note: String?

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let h = try a.openHearing()
        guard h.ruling.decision.mayOmit, h.ruling.omission == reason else { throw .omissionNotAllowed(h.ruling.decision) }
        let o = HearingOmission(reason: reason, articles: h.ruling.articles, textKk: h.ruling.reason.kk, textRu: h.ruling.reason.ru,
                                note: DocumentWording.given(note), decidedOn: c.today, decidedBy: c.actor.userID)
        a.hearing?.conduct = .omitted(o)
        return StepOutcome([AppealEvent(.hearingOmitted(HearingOmitted(reason: reason, articles: o.articles, decision: h.ruling.decision)),
                                        on: c.today)])
    }
}
