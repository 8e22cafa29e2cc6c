import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService

/// The hearing's page (`/appeals/{id}/hearing`, R30–R37; APPC 73, 74), in the reader's language: what the
/// hearing rules say and why, the participants and each one's receipt of the draft decision, the draft's
/// versions, the hearing documents' sendings and deliveries, the adoption gate, the invitations, the
/// arguments with their answers, and how the hearing ended — with only the forms the actor may use.
struct HearingPage: Encodable {
    struct Link: Encodable { var label: String; var href: String }
    struct Ruling: Encodable {
        var decision: String; var decisionCode: String; var reason: String; var articles: String; var source: String; var status: LawPage.Badge
    }
    struct Preview: Encodable { var outcome: String; var ruling: Ruling }
    struct Participant: Encodable {
        var number: Int; var role: String; var name: String; var contacts: String?; var channel: String; var addedOn: String
        /// R33, APPC 73(3): when the draft in force was sent and received, the last day to object, the earliest day of the act.
        var sentOn: String?; var receivedOn: String?; var objectionUntil: String?; var adoptableFrom: String?
    }
    struct Draft: Encodable {
        var version: Int; var preparedOn: String; var current: Bool; var summary: String; var facts: String?; var reasoning: String?
        var documents: [Link]
    }
    /// A form shown inside a list (a sending's delivery, an argument's answer): its key, its values, its refusal.
    struct RowForm: Encodable { var key: String; var values: [String: String]; var refused: Bool; var error: String?; var errorField: String }
    struct Sent: Encodable {
        var number: Int; var document: String; var participant: String; var language: String; var channel: String; var sentOn: String
        var reference: String?; var file: Link?; var deliveredOn: String?; var proof: String?; var proofDocument: Link?; var delivery: RowForm?
    }
    struct Invitation: Encodable {
        var number: Int; var form: String; var app: String?; var date: String; var time: String; var place: String; var how: String?
        var invitedOn: String; var documents: [Link]
    }
    struct Argument: Encodable {
        var number: Int; var participant: String; var channel: String; var text: String; var receivedOn: String; var late: Bool; var document: Link?
        var answer: String?; var accepted: Bool?; var answerForm: RowForm?
    }
    struct Held: Encodable {
        var form: String; var heldOn: String; var rows: [Row]; var documents: [Link]
        struct Row: Encodable { var label: String; var value: String }
    }
    struct Omitted: Encodable { var reason: String; var articles: String; var note: String?; var decidedOn: String }
    struct Term: Encodable { var purpose: String; var due: String; var status: String; var basis: String; var lines: [String] }

    var id: UUID
    var number: String
    var kind: String
    var today: String
    var todayISO: String
    /// Whether a hearing concerns this appeal's kind at all (an application or a complaint).
    var relevant: Bool
    var planned: Bool
    var pending: Bool
    var plan: String?
    var plannedOn: String?
    var ruling: Ruling?
    var previews: [Preview]
    var participants: [Participant]
    var drafts: [Draft]
    var sendings: [Sent]
    var gateAllowed: Bool
    var gate: [String]
    var earliest: String?
    /// The earliest day when the gate is closed for another reason (the too-early block names it itself).
    var earliestNote: String?
    var terms: [Term]
    var invitations: [Invitation]
    var arguments: [Argument]
    var held: Held?
    var omitted: Omitted?
    /// The forms the actor may use now.
    var can: [String: Bool]
    var outcomes: [AppealPage.Choice]
    var exceptions: [AppealPage.Choice]
    var contactChannels: [AppealPage.Choice]
    var deliveryChannels: [AppealPage.Choice]
    var hearingDocuments: [AppealPage.Choice]
    var participantChoices: [AppealPage.Choice]
    var invitationForms: [AppealPage.Choice]
    var oralForms: [AppealPage.Choice]
    var writtenForms: [AppealPage.Choice]
    var documents: [AppealPage.Choice]
    var objectionChannels: [AppealPage.Choice]
    /// The reason the act will state if the hearing is omitted (the rules allow exactly one).
    var omissionReason: String?
    var omissionCode: String?
    var russianRequired: Bool
    /// The typed values of each form (a refused form keeps what was typed), by the form's key.
    var values: [String: [String: String]]
    /// The key of the refused form and the field it names (`record_hearing.secretaryName`), or "".
    var refused: String
    var errorField: String
    var once: String
    var done: String?
    var error: String?

    /// Each form's fields, so that every value the template reads exists (empty when nothing was typed).
    static let fields: [String: [String]] = [
        "plan_hearing": ["outcome", "burdensThirdParty", "exception"],
        "add_participant": ["name", "contacts", "channel"],
        "prepare_draft": ["summaryKk", "factsKk", "reasoningKk", "summaryRu", "factsRu", "reasoningRu"],
        "record_sending": ["document", "participant", "language", "channel", "sentOn", "reference"],
        "record_delivery": ["sending", "deliveredOn", "proof", "proofDocument"],
        "invite_to_hearing": ["form", "app", "date", "time", "place", "howKk", "howRu"],
        "record_objection": ["participant", "channel", "text", "caseDocument", "receivedOn"],
        "answer_argument": ["number", "accepted", "reasonKk", "reasonRu"],
        "record_hearing": ["form", "heldOn", "place", "startTime", "endTime", "presidingName", "secretaryName", "presentText", "matterKk", "matterRu",
                           "contentKk", "contentRu", "essentialFacts", "recordingMeans", "videoRecorded", "videoConsentDocument", "absenceReason",
                           "signedByPresiding", "signedBySecretary", "readyOn", "readingPlace"],
        "record_hearing_written": ["form", "heldOn"],
        "omit_hearing": ["reason", "note"],
    ]

    /// The form a key names (`record_delivery-3` is the delivery form of sending 3).
    static func action(ofForm key: String) -> String { String(key.prefix { $0 != "-" }).replacingOccurrences(of: "_written", with: "") }

    /// A camelCase field's label key (`secretaryName` → `hearing_field_secretary_name`).
    static func labelKey(_ field: String) -> String {
        "hearing_field_" + field.reduce(into: "") { out, c in out += c.isUppercase ? "_" + c.lowercased() : String(c) }
    }

    /// What the page shows when a form is refused: the reason, naming the field in the page's words.
    static func refusal(_ text: String, field: String?, t: [String: String]) -> String {
        guard let field else { return text }
        let name = t[labelKey(field)] ?? field
        return "\(text) — \(name)"
    }

    static func ruling(_ r: HearingRuling, lang: Language, t: [String: String]) -> Ruling {
        Ruling(decision: t["hearing_decision_" + r.decision.rawValue] ?? r.decision.rawValue, decisionCode: r.decision.rawValue, reason: r.reason[lang],
               articles: r.articles.joined(separator: ", "), source: r.source, status: LawPage.badge(r.status, t: t, source: r.source))
    }

    static func make(_ v: HearingView, actor: Actor, lang: Language, t: [String: String], typed: [String: String] = [:], refusedForm: String? = nil,
                     errorField: String? = nil, error: String? = nil) -> HearingPage {
        let a = v.appeal
        let h = a.hearing
        let allowed = Set(Permissions.available(actor: actor, appeal: a))
        func tr(_ key: String, _ fallback: String) -> String { t[key] ?? fallback }
        let base = "/appeals/\(a.id)/case/documents/"
        func link(_ n: Int) -> Link {
            let d = a.document(n)
            let language = d?.language.map { " — " + tr("lang_" + $0.rawValue, $0.rawValue) } ?? ""
            return Link(label: "№ \(n)" + language, href: base + "\(n)")
        }
        func who(_ n: Int) -> String { h?.participant(n).map { "№ \($0.number) \($0.name)" } ?? "№ \(n)" }
        let open = h.map { $0.ruling.decision.applies && $0.conduct == .pending } ?? false
        let hasDraft = h?.draft != nil
        let hearingDocs = OutgoingDocument.allCases.filter { $0.isHearingDocument && $0.isAvailable(for: a) }
        var can: [String: Bool] = [:]
        can["plan_hearing"] = allowed.contains(.planHearing) && (h == nil || h?.conduct == .pending) && a.kind != nil
        can["add_participant"] = allowed.contains(.addParticipant) && open
        can["prepare_draft"] = allowed.contains(.prepareDraft) && open
        can["record_sending"] = allowed.contains(.recordSending) && h != nil && !hearingDocs.isEmpty
        can["invite_to_hearing"] = allowed.contains(.inviteToHearing) && open && hasDraft
        can["record_objection"] = allowed.contains(.recordObjection) && open
        can["record_hearing"] = allowed.contains(.recordHearing) && open && hasDraft
        can["omit_hearing"] = allowed.contains(.omitHearing) && open && (h?.ruling.decision.mayOmit ?? false) && h?.ruling.omission != nil
        let canDeliver = allowed.contains(.recordDelivery), canAnswer = allowed.contains(.answerArgument)

        // Every form's values: what was typed into the refused one, else the defaults.
        let today = v.today.description
        var values: [String: [String: String]] = [:]
        for (key, names) in fields { values[key] = Dictionary(uniqueKeysWithValues: names.map { ($0, "") }) }
        values["plan_hearing"]?["outcome"] = h?.outcome.rawValue ?? ""
        values["plan_hearing"]?["burdensThirdParty"] = h?.burdensThirdParty == true ? "true" : ""
        values["plan_hearing"]?["exception"] = h?.exception?.rawValue ?? ""
        values["add_participant"]?["channel"] = ContactChannel.post.rawValue
        values["record_sending"]?["sentOn"] = today
        values["record_sending"]?["participant"] = "1"
        values["record_sending"]?["language"] = a.language == .ru ? "ru" : "kk"
        values["record_sending"]?["document"] = hearingDocs.last?.rawValue ?? ""
        values["record_objection"]?["receivedOn"] = today
        values["record_objection"]?["participant"] = "1"
        values["record_objection"]?["channel"] = ArgumentChannel.written.rawValue
        values["record_hearing"]?["heldOn"] = today
        values["record_hearing"]?["readyOn"] = today
        values["record_hearing"]?["form"] = HearingForm.inPersonAtBody.rawValue
        values["record_hearing_written"]?["heldOn"] = today
        values["record_hearing_written"]?["form"] = HearingForm.email.rawValue
        values["omit_hearing"]?["reason"] = h?.ruling.omission?.rawValue ?? ""
        func rowValues(_ key: String, _ defaults: [String: String]) -> [String: String] {
            var out = Dictionary(uniqueKeysWithValues: (fields[action(ofForm: key)] ?? []).map { ($0, "") }).merging(defaults) { $1 }
            if key == refusedForm { for (k, x) in typed where out[k] != nil { out[k] = x } }
            return out
        }
        if let refusedForm, values[refusedForm] != nil {
            for (k, x) in typed where values[refusedForm]?[k] != nil { values[refusedForm]?[k] = x }
        }
        func rowForm(_ key: String, _ defaults: [String: String]) -> RowForm {
            RowForm(key: key, values: rowValues(key, defaults), refused: key == refusedForm, error: key == refusedForm ? error : nil,
                    errorField: key == refusedForm ? errorField ?? "" : "")
        }

        let receipts = Dictionary(v.receipts.map { ($0.participant, $0) }, uniquingKeysWith: { x, _ in x })
        let participants = (h?.participants ?? []).map { p -> Participant in
            let r = receipts[p.number]
            return Participant(number: p.number, role: tr("hearing_role_" + p.role.rawValue, p.role.rawValue), name: p.name, contacts: p.contacts,
                               channel: tr("hearing_channel_" + p.channel.rawValue, p.channel.rawValue), addedOn: p.addedOn.dotted,
                               sentOn: r?.sentOn?.dotted, receivedOn: r?.receivedOn?.dotted, objectionUntil: r?.objectionUntil?.dotted,
                               adoptableFrom: r?.adoptableFrom?.dotted)
        }
        let drafts = (h?.drafts ?? []).reversed().map { d -> Draft in
            let text = d.text(lang == .ru ? .ru : .kk) ?? d.kk
            return Draft(version: d.version, preparedOn: d.preparedOn.dotted, current: d.version == h?.draft?.version, summary: text.operativeSummary,
                         facts: text.facts, reasoning: text.legalReasoning, documents: d.documents.map(link))
        }
        let sendings = a.sendings.enumerated().filter { $0.element.document.isHearingDocument }.map { i, s -> Sent in
            let n = i + 1
            return Sent(number: n, document: tr("doc_" + s.document.rawValue, s.document.rawValue), participant: who(s.participant ?? 1),
                        language: tr("lang_" + s.language.rawValue, s.language.rawValue), channel: tr("delivery_" + s.channel.rawValue, s.channel.rawValue),
                        sentOn: s.sentOn.dotted, reference: s.reference, file: s.caseDocument.map(link), deliveredOn: s.deliveredOn?.dotted, proof: s.proof,
                        proofDocument: s.proofDocument.map(link),
                        delivery: canDeliver && s.deliveredOn == nil ? rowForm("record_delivery-\(n)", ["sending": "\(n)", "deliveredOn": today]) : nil)
        }
        let gate: [String] = v.gate.blocks.map { b in
            switch b {
            case .hearingNotPlanned: tr("hearing_block_not_planned", "")
            case .hearingPending: tr("hearing_block_pending", "")
            case .noDraft: tr("hearing_block_no_draft", "")
            case .draftNotDelivered(let n): tr("hearing_block_not_delivered", "") + " " + who(n)
            case .tooEarly(let d): tr("hearing_block_too_early", "") + " " + d.inWords(lang)
            }
        }
        let terms = v.terms.map { term in
            Term(purpose: tr("purpose_" + term.purpose.rawValue, term.purpose.rawValue), due: term.due.dotted,
                 status: tr("termstatus_" + term.status.rawValue, term.status.rawValue), basis: v.rules.basis(of: term, lang),
                 lines: (try? v.calendar.term(term.request).explanation.lines(lang, unit: term.unit, amount: term.amount)) ?? [])
        }
        let invitations = (h?.invitations ?? []).map { i in
            Invitation(number: i.number, form: tr("hearing_form_" + i.form.rawValue, i.form.rawValue), app: i.app, date: i.date.dotted, time: i.time,
                       place: i.place, how: lang == .ru ? (i.howRu ?? i.howKk) : i.howKk, invitedOn: i.invitedOn.dotted, documents: i.documents.map(link))
        }
        let arguments = (h?.arguments ?? []).map { g -> Argument in
            let answer = g.answer.map { ans in
                tr(ans.accepted ? "hearing_accepted" : "hearing_not_accepted", "") + " (\(ans.answeredOn.dotted)): "
                    + (lang == .ru ? (ans.reasonRu ?? ans.reasonKk) : ans.reasonKk)
            }
            return Argument(number: g.number, participant: who(g.participant), channel: tr("hearing_argument_" + g.channel.rawValue, g.channel.rawValue),
                            text: g.text, receivedOn: g.receivedOn.dotted, late: g.late, document: g.document.map(link), answer: answer,
                            accepted: g.answer?.accepted,
                            answerForm: canAnswer && g.answer == nil ? rowForm("answer_argument-\(g.number)", ["number": "\(g.number)"]) : nil)
        }
        var held: Held?
        if case .held(let x)? = h?.conduct {
            var rows: [Held.Row] = []
            if let p = x.protocol_ {
                func row(_ key: String, _ value: String?) { if let value, !value.isEmpty { rows.append(Held.Row(label: tr(key, key), value: value)) } }
                let ru = lang == .ru
                row("hearing_field_place", p.place)
                row("hearing_field_held_on", p.heldOn.dotted)
                row("hearing_time", "\(p.startTime)–\(p.endTime)")
                row("hearing_body", p.bodyName)
                row("hearing_field_presiding_name", p.presidingName)
                row("hearing_field_secretary_name", p.secretaryName)
                row("hearing_field_present_text", p.participantsPresent.joined(separator: "; "))
                row("hearing_matter", ru ? (p.matterRu ?? p.matterKk) : p.matterKk)
                row("hearing_content", ru ? (p.contentRu ?? p.contentKk) : p.contentKk)
                row("hearing_field_essential_facts", p.essentialFacts)
                row("hearing_field_recording_means", p.recordingMeans)
                if p.videoRecorded { row("hearing_video_consent", p.videoConsentDocument.map { "№ \($0)" } ?? "—") }
                row("hearing_draft_received", p.draftReceivedOn?.dotted)
                row("hearing_field_absence_reason", p.absenceReason)
                row("hearing_signed", tr("hearing_signed_both", ""))
                row("hearing_reading", "\(p.readyOn.dotted), \(p.readingPlace)")
            }
            held = Held(form: tr("hearing_form_" + x.form.rawValue, x.form.rawValue), heldOn: x.heldOn.dotted, rows: rows,
                        documents: (x.protocol_?.documents ?? []).map(link))
        }
        let omitted = h?.omission.map { o in
            Omitted(reason: lang == .ru ? o.textRu : lang == .en ? (h?.ruling.reason.en ?? o.textKk) : o.textKk, articles: o.articles.joined(separator: ", "),
                    note: o.note, decidedOn: o.decidedOn.dotted)
        }
        let plan = h.map { h in
            [tr("hearing_outcome_" + h.outcome.rawValue, h.outcome.rawValue),
             h.burdensThirdParty ? tr("hearing_third_party_yes", "") : nil,
             h.exception.map { tr("hearing_exception_" + $0.rawValue, $0.rawValue) }].compactMap { $0 }.joined(separator: " · ")
        }
        func choices<C: RawRepresentable>(_ all: [C], _ prefix: String) -> [AppealPage.Choice] where C.RawValue == String {
            all.map { AppealPage.Choice(value: $0.rawValue, label: tr(prefix + $0.rawValue, $0.rawValue)) }
        }
        return HearingPage(
            id: a.id, number: a.registration.number, kind: a.kind.map { tr("kind_" + $0.rawValue, $0.rawValue) } ?? tr("kind_unknown", "—"),
            today: v.today.dotted, todayISO: today, relevant: a.kind.map { !$0.isSimplified } ?? false, planned: h != nil,
            pending: h?.conduct == .pending, plan: plan, plannedOn: h?.plannedOn.dotted, ruling: h.map { ruling($0.ruling, lang: lang, t: t) },
            previews: [HearingOutcome.favourable, .burdening].compactMap { o in
                v.preview[o].map { Preview(outcome: tr("hearing_outcome_" + o.rawValue, o.rawValue), ruling: ruling($0, lang: lang, t: t)) }
            },
            participants: participants, drafts: drafts, sendings: sendings, gateAllowed: v.gate.allowed, gate: gate,
            earliest: v.gate.earliest?.inWords(lang),
            earliestNote: v.gate.blocks.contains { if case .tooEarly = $0 { true } else { false } } ? nil : v.gate.earliest?.inWords(lang), terms: terms, invitations: invitations, arguments: arguments, held: held, omitted: omitted,
            can: can, outcomes: choices(HearingOutcome.allCases, "hearing_outcome_"), exceptions: choices(HearingException.allCases, "hearing_exception_"),
            contactChannels: choices(ContactChannel.allCases, "hearing_channel_"), deliveryChannels: choices(DeliveryChannel.allCases, "delivery_"),
            hearingDocuments: choices(hearingDocs, "doc_"),
            participantChoices: (h?.participants ?? []).map { AppealPage.Choice(value: "\($0.number)", label: "№ \($0.number) \($0.name)") },
            invitationForms: choices(HearingForm.allCases, "hearing_form_"), oralForms: choices(HearingForm.allCases.filter(\.isOral), "hearing_form_"),
            writtenForms: choices(HearingForm.allCases.filter { !$0.isOral }, "hearing_form_"),
            documents: a.documents.filter { !$0.isWithdrawn }.map { AppealPage.Choice(value: "\($0.number)",
                                                                                    label: "№ \($0.number): " + CaseDocuments.title(of: $0, in: a, lang: lang)) },
            objectionChannels: choices([ArgumentChannel.written, .oral], "hearing_argument_"),
            omissionReason: h.flatMap { h in h.ruling.omission.map { _ in h.ruling.reason[lang] } }, omissionCode: h?.ruling.omission?.rawValue,
            russianRequired: DocumentWording.russianRequired(for: a), values: values, refused: refusedForm ?? "",
            errorField: errorField.map { (refusedForm ?? "") + "." + $0 } ?? "", once: UUID().uuidString, done: nil, error: error)
    }
}
