import Foundation
import WorkingCalendar

/// R46: a document was sent to the applicant — which, in which language, how, on which day. Recorded in
/// every state, final ones too; sending the extension notice meets its term (APPC 76(2)).
public struct RecordSending: ProcedureStep {
    public static let action = Action.recordSending
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    public var document: OutgoingDocument
    public var language: Language
    public var channel: DeliveryChannel
    /// Nil: today.
    public var sentOn: CivilDate?
    public var reference: String?
    /// For a hearing document: the participant it goes to (1, the addressee, when not given).
    public var participant: Int?

    public init(document: OutgoingDocument, language: Language, channel: DeliveryChannel, sentOn: CivilDate?, reference: String?,
                participant: Int? = nil) {
        self.participant = participant
        self.document = document
        self.language = language
        self.channel = channel
        self.sentOn = sentOn
        self.reference = reference
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard document.isAvailable(for: a) else { throw .documentNotAvailable(document) }
        guard document.languages(for: a).contains(language) else { throw .languageNotProduced(language) }
        let day = sentOn ?? c.today
        // From the registration day through today, both included.
        guard day <= c.today, day >= a.registration.registeredOn else { throw .dateOutOfRange(day) }
        let ref = reference.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if document.isFrozenWhenMade {
            // R33, R36, R44: the hearing's documents and the act are frozen when made; the sending names the file it sent.
            let to = participant ?? 1
            let files: [Int]
            if document == .administrativeAct {
                guard to == 1 else { throw .unknownParticipant(to) }
                files = a.signedAct?.documents ?? []
            } else {
                guard let h = a.hearing else { throw .hearingNotPlanned }
                guard h.participant(to) != nil else { throw .unknownParticipant(to) }
                files = switch document {
                case .draftDecision: h.draft?.documents ?? []
                case .hearingInvitation: h.invitations.last?.documents ?? []
                default: h.protocol_?.documents ?? []
                }
            }
            var s = Sending(document: document, language: language, channel: channel, sentOn: day, reference: ref, recordedBy: c.actor.userID)
            s.participant = to
            s.caseDocument = files.first { a.document($0)?.language == language }
            a.sendings.append(s)
            return StepOutcome([AppealEvent(.documentSent(DocumentSent(document: document, language: language, channel: channel, late: nil)), on: day)])
        }
        guard participant == nil else { throw .unknownParticipant(participant!) }
        a.sendings.append(Sending(document: document, language: language, channel: channel, sentOn: day, reference: ref,
                                  recordedBy: c.actor.userID))
        var event = DocumentSent(document: document, language: language, channel: channel, late: nil)
        if document == .extensionNotice, let notice = a.term(.extensionNotice) {
            // APPC 76(2): the participant is told within 3 working days of the extension.
            event.late = day > notice.due
            a.close([.extensionNotice], on: c.today)
        }
        var events = [AppealEvent(.documentSent(event), on: day)]
        var effects: [Effect] = []
        // R13: the case keeps the document exactly as it was sent.
        if let freezer = c.freezer {
            let (meta, content) = freezer.freeze(.sent(document), of: a, body: c.body, language: language)
            let number = a.addDocument(title: document.rawValue, kind: .generated, date: day, party: a.applicant.displayName, direction: .outgoing,
                                       language: language, sheets: meta.pages ?? 1, file: meta.file, generated: document, by: c.actor, on: c.today)
            events.append(AppealEvent(.documentAdded(DocumentAdded(a.documents[a.documents.count - 1])), on: c.today))
            effects.append(.storeFile(meta.file, content: content))
            return StepOutcome(events, effects: effects).with(number)
        }
        return StepOutcome(events)
    }
}
