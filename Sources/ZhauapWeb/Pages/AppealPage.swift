import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// The appeal page's model, built from plain values (so it can be tested without a server): a summary
/// built around the next step, the steps allowed now as a menu (each opening its own form), the terms
/// explained, the documents, what was sent, and the trail.
struct AppealPage: Encodable {
    struct Term: Encodable { var purpose: String; var due: String; var status: String; var basis: String; var lines: [String] }
    struct Entry: Encodable { var when: String; var legalDate: String; var type: String; var who: String; var reason: String? }
    struct Choice: Encodable { var value: String; var label: String; var selected: Bool = false }
    struct MenuItem: Encodable { var action: String; var label: String; var href: String }

    var id: UUID
    var number: String
    var registeredOn: String
    var receivedAt: String
    var channel: String
    var applicantName: String?
    var iin: String?
    /// The IIN/BIN as given fails its check (R2): shown as a flag.
    var iinFlag: String?
    var address: String?
    var essence: String?
    var kind: String
    var suggestedKind: String?
    var suggestionWords: String?
    /// The suggestion's confidence, and the two likeliest kinds when it is unsure (R5).
    var suggestionConfidence: String?
    var suggestionUnsure: String?
    /// APPC 88: who or what flagged a crime or a threat, in which words; or who cleared it and why.
    var crimeFlag: String?
    var crimeCleared: String?
    /// What the reading proposes, each with the step that carries it out (a person decides).
    var readingProposals: [MenuItem] = []
    var state: String
    var stateCode: String
    var executor: String?
    var competence: String?
    /// The final term (the answer's due date) and the nearest other term, named by its purpose.
    var finalDue: String?
    var nearTerm: String?
    var flags: [String]
    var forwardedTo: String?
    var terminationGround: String?
    var answerText: String?
    var terms: [Term]
    var actions: [String: Bool]
    var menu: [MenuItem]
    var executors: [Choice]
    var bodies: [Choice]
    var grounds: [Choice]
    var outcomes: [Choice]
    var kinds: [Choice]
    var specials: [Choice]
    var competences: [Choice]
    var checklist: [Choice]
    var characters: [Choice]
    var documents: [Choice]
    var trail: [Entry]
    var error: String?
    /// A success message after a step ("Assigned.").
    var done: String?
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
    /// The legal day of a step now (`YYYY-MM-DD`): today, or the registration day when that is later (an
    /// appeal received after hours); a sending may be dated from registration through this day.
    var today: String = ""
    var registeredOnISO: String = ""
    /// Whether the documents of this appeal must be typed in Russian too (an appeal in Russian).
    var russianRequired: Bool = false
    /// The answer form asks for the text of each language its letter is produced in.
    var answerLanguages: [Choice] = []
    /// The step form shown on its own page, when one is open.
    var step: StepForm?
    /// The one-time key every form that creates something carries (a double click takes the step once).
    var once: String = ""
    /// Right after registering: the coupon in each language, offered at the top.
    var coupons: [Choice] = []
    /// The administrative case: its inventory, facts, requests, experts and exports.
    var caseFile: CaseFilePage?
    /// R30–R37: the hearing page is linked for the kinds that end in an act (or once a hearing exists).
    var hearingLink: Bool = false
    /// R34, R35: what the hearing rules decided for this appeal and why, and how the hearing stands.
    var hearingSummary: String?
    /// R38–R44: the act page is linked where the hearing's is; one line says how the act stands.
    var actLink: Bool = false
    var actSummary: String?
    /// The sendings not yet recorded as delivered (the delivery form's choices).
    var undelivered: [Choice] = []

    /// How the act stands, in one line: drafted, signed, delivered, deemed refused (APPC 91(2)), complained about.
    static func actSummary(_ a: Appeal, on day: CivilDate, lang: Language, t: [String: String]) -> String? {
        var parts: [String] = []
        if let s = a.signedAct {
            parts.append("\(t["act_summary_signed"] ?? "") № \(s.number) · \(s.signedOn.dotted)")
            if let d = a.sendings.filter({ $0.document == .administrativeAct }).compactMap(\.deliveredOn).min() {
                parts.append("\(t["act_summary_delivered"] ?? "") \(d.dotted)")
            }
        } else if let d = a.act {
            parts.append("\(t["act_summary_drafted"] ?? "") \(d.draftedOn.dotted) · \(t["act_revision"] ?? "") \(d.revision)")
        }
        if let since = a.deemedRefusal(on: day) { parts.append("\(t["act_summary_deemed_refusal"] ?? "") \(since.dotted)") }
        if !a.complaints.isEmpty { parts.append("\(t["act_summary_complaints"] ?? ""): \(a.complaints.count)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    static func make(_ a: Appeal, trail: [TrailEntry], calendar: WorkingDayCalendar, actor: Actor, executors: [Actor],
                     bodies: [AdministrativeBody], rules: TermRules, lang: Language, t: [String: String], error: String?,
                     colleagues: [Actor] = [], today: CivilDate? = nil) -> AppealPage {
        let p = a.applicant
        let name = p.displayName ?? ""
        // The IIN is restricted personal data: shown as the one rule allows (in full to the head and the assigned executor).
        let shown = Permissions.applicant(of: a, for: actor)
        let idNumber = p.kind == .individual ? p.iin : p.bin
        let idCheck = idNumber.map { IdentificationNumber($0, kind: p.kind == .individual ? .iin : .bin) }
        let allowed = Permissions.available(actor: actor, appeal: a)
        let body = bodies.first { $0.id == a.bodyID }
        // Trail times are shown in the body's own time zone.
        let timeZone = body?.timeZone ?? AdministrativeBody.defaultTimeZone
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy HH:mm"
        f.timeZone = TimeZone(identifier: timeZone)
        let people = Dictionary((colleagues + executors).map { ($0.userID, $0.name) }, uniquingKeysWith: { x, _ in x })
        let row = WorklistRow(a)
        var flags: [String] = []
        if let idCheck, !idCheck.isValid { flags.append(t["flag_bad_iin"] ?? "") }
        if a.recusalPending { flags.append(t["flag_recusal_pending"] ?? "") }
        if a.extensionRequest?.isPending == true && a.state.isOpen { flags.append(t["flag_extension_pending"] ?? "") }
        if a.reportsCrimeOrThreat { flags.append(t["flag_crime"] ?? "") }
        if !a.reportsCrimeOrThreat, a.crimeFlag?.cleared == nil, let p = a.suggestion?.possibleCrime, a.state.isOpen {
            flags.append((t["flag_possible_crime"] ?? "") + (p.words.isEmpty ? "" : ": " + p.words.joined(separator: ", ")))
        }
        if a.suggestion?.repeatOf.map({ !$0.newArguments }) == true && a.state.isOpen { flags.append(t["flag_repeat"] ?? "") }
        if a.state.isOpen && a.competence == nil { flags.append(t["flag_competence_unchecked"] ?? "") }
        let considerationLines: (AppealTerm) -> [String] = { term in
            ((try? calendar.term(term.request).explanation.lines(lang, unit: term.unit, amount: term.amount)) ?? [])
                + (term.originalDue.map { ["\(t["term_extended"] ?? ""): \($0.dotted) → \(term.due.dotted)"] } ?? [])
        }
        // The hearing's own steps have their forms on the hearing page.
        let menu = StepForm.order(allowed.filter { $0.step.viaActions }).map { action -> MenuItem in
            let href = HearingPagesController.pageOnly.contains(action) ? "/appeals/\(a.id)/hearing#form-\(action.rawValue)"
                : ActPagesController.pageOnly.contains(action) ? "/appeals/\(a.id)/act#form-\(action.rawValue)"
                : "/appeals/\(a.id)/steps/\(action.rawValue)"
            return MenuItem(action: action.rawValue, label: t["action_" + action.rawValue] ?? action.rawValue, href: href)
        }
        let legalDay = max(today ?? a.registration.registeredOn, a.registration.registeredOn)
        let received = RegistrationDay.local(a.registration.receivedAt, timeZone: timeZone)
        var page = AppealPage(
            id: a.id, number: a.registration.number, registeredOn: a.registration.registeredOn.dotted,
            receivedAt: received.date.dotted + String(format: " %02d:%02d", received.minute / 60, received.minute % 60),
            channel: t["channel_" + a.registration.channel.rawValue] ?? a.registration.channel.rawValue,
            applicantName: name.isEmpty ? nil : name,
            iin: p.kind == .individual ? shown.iin : shown.bin,
            iinFlag: idCheck.flatMap { $0.isValid ? nil : t["flag_bad_iin"] },
            address: p.postalAddress, essence: a.essence,
            kind: t["kind_" + (a.kind?.rawValue ?? "unknown")] ?? "", suggestedKind: a.suggestion?.kind.map { t["kind_" + $0.rawValue] ?? $0.rawValue },
            suggestionWords: a.suggestion.map { $0.kindMarkers.joined(separator: ", ") },
            suggestionConfidence: a.suggestion?.confidence.map { String(format: "%.0f %%", $0 * 100) },
            suggestionUnsure: a.suggestion.flatMap { s in
                s.lowConfidence && (s.alternatives?.count ?? 0) > 1
                    ? (s.alternatives ?? []).map { "\(t["kind_" + $0.kind.rawValue] ?? $0.kind.rawValue) \(String(format: "%.0f %%", $0.probability * 100))" }.joined(separator: " · ")
                    : nil
            },
            crimeFlag: a.crimeFlag.flatMap { f in
                f.cleared != nil ? nil : (t["crime_set_by_" + f.setBy.rawValue] ?? "") + (f.words.isEmpty ? "" : ": " + f.words.joined(separator: ", "))
            },
            crimeCleared: a.crimeFlag?.cleared.map { c in "\(t["crime_cleared"] ?? "") \(c.byName), \(c.on.dotted): \(c.reason)" },
            state: t["state_" + a.state.rawValue] ?? a.state.rawValue, stateCode: a.state.rawValue,
            executor: a.executorID.map { people[$0] ?? "—" },
            competence: a.competence.map { t["competence_" + $0.competence.rawValue] ?? $0.competence.rawValue },
            finalDue: row.finalDue.flatMap { CivilDate($0)?.dotted },
            nearTerm: row.nearPurpose.flatMap { purpose in row.nearDue.flatMap { CivilDate($0) }.map { "\(t["near_" + purpose] ?? purpose) \($0.dotted)" } },
            flags: flags.filter { !$0.isEmpty },
            forwardedTo: a.forwardings.last.map { fw in
                (fw.demands == nil ? (t["forwarded_whole"] ?? "") : (t["forwarded_part"] ?? "")) + " " + (lang == .ru ? (fw.targetNameRu ?? fw.targetName) : fw.targetName) + " · " + fw.forwardedOn.dotted
            },
            terminationGround: a.termination.map { t["ground_" + $0.ground.rawValue] ?? $0.ground.rawValue },
            answerText: a.answer.map { $0.text(lang == .ru ? .ru : .kk) ?? $0.text },
            terms: a.terms.map { term in
                Term(purpose: t["purpose_" + term.purpose.rawValue] ?? term.purpose.rawValue, due: term.due.dotted,
                     status: t["termstatus_" + term.status.rawValue] ?? term.status.rawValue, basis: rules.basis(of: term, lang),
                     lines: considerationLines(term))
            },
            actions: Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0.rawValue, allowed.contains($0)) }),
            // The steps with a file of their own are the case file's forms; the rest open their step page.
            menu: menu,
            executors: executors.map { Choice(value: $0.userID.uuidString, label: "\($0.name), \($0.position)") },
            bodies: bodies.filter { $0.id != a.bodyID }.map { Choice(value: $0.id.uuidString, label: lang == .ru ? $0.nameRu : $0.nameKk) },
            grounds: TerminationGround.allCases.map { Choice(value: $0.rawValue, label: t["ground_" + $0.rawValue] ?? $0.rawValue) },
            outcomes: [TerminationGround.returned, .leftWithoutConsideration].map { Choice(value: $0.rawValue, label: t["ground_" + $0.rawValue] ?? $0.rawValue) },
            kinds: AppealKind.allCases.map { Choice(value: $0.rawValue, label: t["kind_" + $0.rawValue] ?? $0.rawValue,
                                                    selected: $0 == (a.kind ?? a.suggestion?.kind)) },
            specials: SpecialRuleChoice.choices(rules: rules, kind: a.kind ?? a.suggestion?.kind, on: a.registration.registeredOn, lang: lang, t: t,
                                                selected: a.specialRule).map { Choice(value: $0.value, label: $0.label, selected: $0.selected) },
            competences: Competence.allCases.map { Choice(value: $0.rawValue, label: t["competence_" + $0.rawValue] ?? $0.rawValue) },
            checklist: ChecklistItem.allCases.map { item in
                Choice(value: item.rawValue,
                       label: "\(t["checklist_" + item.rawValue] ?? item.rawValue) — \(t[item.isEssential ? "checklist_essential" : "checklist_formal"] ?? "")",
                       selected: (a.completeness?.missing ?? CompletenessCheck.detectMissing(a)).contains(item))
            },
            characters: AnswerCharacter.allCases.map { Choice(value: $0.rawValue, label: t["character_" + $0.rawValue] ?? $0.rawValue) },
            documents: AppealDocument.allCases.filter { $0.isAvailable(for: a) }.flatMap { d in
                d.languages(for: a).map(\.rawValue).map { Choice(value: "/appeals/\(a.id)/documents/\(d.rawValue)?lang=\($0)",
                                         label: "\(t["doc_" + d.rawValue] ?? d.rawValue) — \(t["lang_" + $0] ?? $0)") }
            },
            trail: trail.reversed().map { e in
                // A term's basis is shown from its rule in the page's language (the trail keeps the English one).
                let basis = e.details["rule"].flatMap { id in rules.rules.first { $0.id == id }?.basis(lang) }
                // A recomputed term says what moved, in the page's language (older entries kept an English reason).
                let moved = e.type == "term_recomputed"
                    ? e.details["from"].flatMap(CivilDate.init).flatMap { from in e.details["to"].flatMap(CivilDate.init).map { "\(from.dotted) → \($0.dotted)" } }
                    : nil
                return Entry(when: f.string(from: e.recordedAt), legalDate: e.legalDate.dotted, type: t["event_" + e.type] ?? e.type,
                             who: e.actorName, reason: moved ?? basis ?? e.reason)
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
            deliveryChannels: DeliveryChannel.allCases.map { Choice(value: $0.rawValue, label: t["delivery_" + $0.rawValue] ?? $0.rawValue) },
            today: legalDay.description, registeredOnISO: a.registration.registeredOn.description,
            russianRequired: DocumentWording.russianRequired(for: a),
            answerLanguages: (a.language == .ru ? [Language.ru, .kk] : [.kk, .ru]).map { l in
                Choice(value: l.rawValue, label: t["lang_" + l.rawValue] ?? l.rawValue, selected: l == (a.language == .ru ? .ru : .kk) || l == .kk)
            })
        // A sending recorded as delivered says when (APPC 73(3): the draft's delivery starts the objection window).
        for (i, s) in a.sendings.enumerated() {
            if let d = s.deliveredOn { page.sendings[i] += " · \(t["hearing_delivered_on"] ?? "") \(d.dotted)" }
        }
        page.hearingLink = a.hearing != nil || a.kind.map { !$0.isSimplified } ?? false
        if let h = a.hearing {
            let status = switch h.conduct {
            case .pending: t["hearing_pending"] ?? ""
            case .held(let x): "\(t["hearing_held"] ?? "") \(x.heldOn.dotted)."
            case .omitted(let o): "\(t["hearing_omitted"] ?? "") \(o.decidedOn.dotted)."
            }
            page.hearingSummary = "\(t["hearing_decision_" + h.ruling.decision.rawValue] ?? h.ruling.decision.rawValue): \(h.ruling.reason[lang]) \(status)"
        }
        page.actLink = page.hearingLink || a.act != nil || !a.complaints.isEmpty
        page.actSummary = Self.actSummary(a, on: legalDay, lang: lang, t: t)
        page.undelivered = a.sendings.enumerated().filter { $0.element.deliveredOn == nil }.map { i, s in
            Choice(value: "\(i + 1)", label: "№ \(i + 1): \(t["doc_" + s.document.rawValue] ?? s.document.rawValue) · \(s.sentOn.dotted)")
        }
        // R6, R8: what the reading proposes, each leading to the step a person takes (or does not).
        page.readingProposals = ReadingProposal.of(a).map { p in
            var text = t["proposal_" + p.kind.rawValue] ?? p.kind.rawValue
            if let o = p.outside { text += " " + (lang == .ru ? o.nameRu : o.nameKk) + " (" + o.markers.joined(separator: ", ") + ")" }
            if let r = p.repeatOf { text += " \(r.number) (\(t["proposal_similarity"] ?? "") \(String(format: "%.0f %%", r.similarity * 100)))" }
            if p.kind == .forwardCrime, !p.words.isEmpty { text += " (" + p.words.joined(separator: ", ") + ")" }
            let query = p.ground.map { "?ground=\($0.rawValue)" } ?? p.outside.map { "?targetBodyId=\($0.bodyID)" } ?? ""
            return MenuItem(action: allowed.contains(p.action) ? p.action.rawValue : "", label: text, href: "/appeals/\(a.id)/steps/\(p.action.rawValue)" + query)
        }
        return page
    }

    /// What a step's form offers before anything is typed: the proposed extension date, the date asked
    /// for, the body's usual correction deadline.
    func defaults(for action: Action, correctionDays: Int) -> [String: String] {
        switch action {
        case .extend, .requestExtension:
            ["until": extendSuggestion ?? "", "reason": caseFile?.extensionProposal ?? "", "reasonRu": caseFile?.extensionProposalRu ?? ""]
        case .decideExtension: ["until": extensionRequestUntilISO ?? "", "accept": "true"]
        case .returnForCorrection: ["workingDays": String(correctionDays)]
        default: [:]
        }
    }

    /// The word of the essence a marker stem matched, so a stem is never shown cut short.
    static func word(startingWith stem: String, in essence: String?) -> String {
        guard let essence else { return stem }
        let words = essence.split { !$0.isLetter && !$0.isNumber }
        return words.first { $0.lowercased().hasPrefix(stem.lowercased()) }.map { String($0).lowercased() } ?? stem
    }
}
