import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// The appeal page's model, built from plain values (so it can be tested without a server).
struct AppealPage: Encodable {
    struct Term: Encodable { var purpose: String; var due: String; var status: String; var basis: String; var lines: [String] }
    struct Entry: Encodable { var when: String; var legalDate: String; var type: String; var who: String; var reason: String? }
    struct Choice: Encodable { var value: String; var label: String }

    var id: UUID
    var number: String
    var registeredOn: String
    var channel: String
    var applicantName: String?
    var iin: String?
    var address: String?
    var essence: String?
    var kind: String
    var suggestedKind: String?
    var suggestionWords: String?
    var state: String
    var terms: [Term]
    var actions: [String: Bool]
    var executors: [Choice]
    var bodies: [Choice]
    var grounds: [Choice]
    var outcomes: [Choice]
    var kinds: [Choice]
    var competences: [Choice] = []
    var checklist: [Choice]
    var characters: [Choice]
    var documents: [Choice]
    var trail: [Entry]
    var error: String?
    /// A waiting extension request: the date asked for and why.
    var extensionRequestUntil: String?
    var extensionRequestUntilISO: String?
    var extensionRequestReason: String?
    /// A proposed new due date for an extension: ten working days after the current one.
    var extendSuggestion: String?
    /// Documents recorded as sent (R46), and what may be recorded: the documents this appeal has, the channels.
    var sendings: [String] = []
    var sendable: [Choice] = []
    var deliveryChannels: [Choice] = []
    /// Today in the body's time zone (`YYYY-MM-DD`), the default day of a sending.
    var today: String = ""

    static func make(_ a: Appeal, trail: [TrailEntry], calendar: WorkingDayCalendar, actor: Actor, executors: [Actor],
                     bodies: [AdministrativeBody], rules: TermRules, lang: Language, t: [String: String], error: String?) -> AppealPage {
        let p = a.applicant
        let name = p.displayName ?? ""
        // The IIN is restricted personal data: in full only for the head and the assigned executor.
        let full = actor.roles.contains(.head) || a.executorID == actor.userID
        let id = p.kind == .individual ? p.iin : p.bin
        let allowed = Set(Permissions.available(actor: actor, appeal: a))
        // Trail times are shown in the body's own time zone.
        let timeZone = bodies.first { $0.id == a.bodyID }?.timeZone ?? AdministrativeBody.defaultTimeZone
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy HH:mm"
        f.timeZone = TimeZone(identifier: timeZone)
        return AppealPage(
            id: a.id, number: a.registration.number, registeredOn: a.registration.registeredOn.dotted,
            channel: t["channel_" + a.registration.channel.rawValue] ?? a.registration.channel.rawValue,
            applicantName: name.isEmpty ? nil : name,
            iin: id.map { full ? $0 : IdentificationNumber($0, kind: .iin).masked }, address: p.postalAddress, essence: a.essence,
            kind: t["kind_" + (a.kind?.rawValue ?? "unknown")] ?? "", suggestedKind: a.suggestion?.kind.map { t["kind_" + $0.rawValue] ?? $0.rawValue },
            suggestionWords: a.suggestion.map { $0.kindMarkers.joined(separator: ", ") },
            state: t["state_" + a.state.rawValue] ?? a.state.rawValue,
            terms: a.terms.map { term in
                Term(purpose: t["purpose_" + term.purpose.rawValue] ?? term.purpose.rawValue, due: term.due.dotted,
                     status: t["termstatus_" + term.status.rawValue] ?? term.status.rawValue, basis: rules.basis(of: term, lang),
                     lines: ((try? calendar.term(term.request).explanation.lines(lang, unit: term.unit, amount: term.amount)) ?? [])
                        + (term.originalDue.map { ["\(t["term_extended"] ?? ""): \($0.dotted) → \(term.due.dotted)"] } ?? []))
            },
            actions: Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0.rawValue, allowed.contains($0)) }),
            executors: executors.map { Choice(value: $0.userID.uuidString, label: "\($0.name), \($0.position)") },
            bodies: bodies.filter { $0.id != a.bodyID }.map { Choice(value: $0.id.uuidString, label: lang == .ru ? $0.nameRu : $0.nameKk) },
            grounds: TerminationGround.allCases.map { Choice(value: $0.rawValue, label: t["ground_" + $0.rawValue] ?? $0.rawValue) },
            outcomes: [TerminationGround.returned, .leftWithoutConsideration].map { Choice(value: $0.rawValue, label: t["ground_" + $0.rawValue] ?? $0.rawValue) },
            kinds: AppealKind.allCases.map { Choice(value: $0.rawValue, label: t["kind_" + $0.rawValue] ?? $0.rawValue) },
            competences: Competence.allCases.map { Choice(value: $0.rawValue, label: t["competence_" + $0.rawValue] ?? $0.rawValue) },
            checklist: ChecklistItem.allCases.map {
                Choice(value: $0.rawValue, label: "\(t["checklist_" + $0.rawValue] ?? $0.rawValue) — \(t[$0.isEssential ? "checklist_essential" : "checklist_formal"] ?? "")")
            },
            characters: AnswerCharacter.allCases.map { Choice(value: $0.rawValue, label: t["character_" + $0.rawValue] ?? $0.rawValue) },
            documents: AppealDocument.allCases.filter { $0.isAvailable(for: a) }.flatMap { d in
                d.languages(for: a).map(\.rawValue).map { Choice(value: "/appeals/\(a.id)/documents/\(d.rawValue)?lang=\($0)",
                                         label: "\(t["doc_" + d.rawValue] ?? d.rawValue) — \(t["lang_" + $0] ?? $0)") }
            },
            trail: trail.reversed().map { e in
                Entry(when: f.string(from: e.recordedAt), legalDate: e.legalDate.dotted, type: t["event_" + e.type] ?? e.type,
                      who: e.actorName, reason: e.reason)
            },
            error: error,
            extensionRequestUntil: a.extensionRequest.flatMap { $0.isPending ? $0.until.dotted : nil },
            extensionRequestUntilISO: a.extensionRequest.flatMap { $0.isPending ? $0.until.description : nil },
            extensionRequestReason: a.extensionRequest.flatMap { $0.isPending ? $0.reason : nil },
            extendSuggestion: a.term(.consideration).flatMap { try? calendar.addWorkingDays(11, to: $0.due).description },
            sendings: a.sendings.map { s in
                [t["doc_" + s.document.rawValue] ?? s.document.rawValue, t["lang_" + s.language.rawValue] ?? s.language.rawValue,
                 t["delivery_" + s.channel.rawValue] ?? s.channel.rawValue, s.sentOn.dotted, s.reference].compactMap { $0 }.joined(separator: " · ")
            },
            sendable: OutgoingDocument.allCases.filter { $0.isAvailable(for: a) }.map { Choice(value: $0.rawValue, label: t["doc_" + $0.rawValue] ?? $0.rawValue) },
            deliveryChannels: DeliveryChannel.allCases.map { Choice(value: $0.rawValue, label: t["delivery_" + $0.rawValue] ?? $0.rawValue) })
    }
}
