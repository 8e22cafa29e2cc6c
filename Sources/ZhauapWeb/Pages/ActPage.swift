import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService

/// The act's page (`/appeals/{id}/act`, R38–R44; APPC 73, 79–81, 91–100), in the reader's language: the
/// draft in the model structure with both versions side by side, the justification check's findings and
/// the warnings let pass, the hearing's gate and the approvals, the signed act with its frozen documents
/// and their SHA-256, its delivery and the three months to complain, a deemed refusal, and the complaints
/// on their way to the higher body and back — with only the forms the actor may use.
struct ActPage: Encodable {
    typealias Link = HearingPage.Link
    typealias RowForm = HearingPage.RowForm
    typealias Choice = AppealPage.Choice

    struct Section: Encodable {
        var code: String; var heading: String; var required: Bool; var kk: String; var ru: String
        /// The findings about this section (their count; the list is below).
        var findings: Int
    }
    struct Draft: Encodable {
        var kind: String; var kindCode: String; var outcome: String?; var discretionary: Bool; var revision: Int; var draftedOn: String
        var sections: [Section]
    }
    struct Finding: Encodable {
        var code: String; var severity: String; var severityCode: String; var section: String?; var sectionCode: String?; var language: String?
        var excerpt: String?; var otherExcerpt: String?; var why: String; var fix: String; var basis: String
        /// Open warnings carry their acknowledgement form.
        var acknowledge: RowForm?
    }
    struct Acknowledged: Encodable { var code: String; var section: String?; var language: String?; var reason: String; var by: String; var on: String }
    struct Approval: Encodable { var name: String; var state: String; var pending: Bool; var comment: String? }
    struct Document: Encodable { var label: String; var href: String; var language: String; var sha256: String }
    struct Signed: Encodable {
        var kind: String; var outcome: String?; var number: String; var signedOn: String; var signer: String; var documents: [Document]
        /// APPC 100: cancelled by the higher body's decision of this number and day.
        var cancelledBy: String?
    }
    struct Sent: Encodable {
        var number: Int; var language: String; var channel: String; var sentOn: String; var reference: String?
        var deliveredOn: String?; var proof: String?; var delivery: RowForm?
    }
    struct Term: Encodable { var purpose: String; var due: String; var status: String; var basis: String; var lines: [String] }
    struct Complaint: Encodable {
        var number: Int; var target: String; var text: String; var filedOn: String; var late: Bool
        var passing: String?; var passedTo: Link?; var decision: String?; var decisionDocuments: [Link]
        var pass: RowForm?
    }
    struct Origin: Encodable { var body: String; var appealNumber: String; var complaint: Int; var export: Link? }

    var id: UUID
    var number: String
    var kind: String
    var today: String
    var todayISO: String
    /// An act ends this appeal's procedure (an application or a complaint, not a simplified answer).
    var relevant: Bool
    var isComplaint: Bool
    var origin: Origin?
    var deemedRefusal: String?
    var draft: Draft?
    var drafted: Bool
    var isSigned: Bool
    var kinds: [Choice]
    var outcomes: [Choice]
    var approverChoices: [Choice]
    var findings: [Finding]
    var errors: Int
    var openWarnings: Int
    var acknowledged: [Acknowledged]
    var approvals: [Approval]
    var gate: [String]
    var gateEarliest: String?
    var signable: Bool
    /// Why the head cannot sign yet, in words.
    var signBlocks: [String]
    var signed: Signed?
    var sendings: [Sent]
    var complaintUntil: String?
    var terms: [Term]
    var complaints: [Complaint]
    var deliveryChannels: [Choice]
    var can: [String: Bool]
    var values: [String: [String: String]]
    var refused: String
    var errorField: String
    var once: String
    var done: String?
    var error: String?

    /// Each form's fields, so that every value the template reads exists.
    static let fields: [String: [String]] = [
        "draft_act": ["kind", "outcome", "discretionary"],
        "edit_act": ActSection.allCases.flatMap { ["kk_" + $0.rawValue, "ru_" + $0.rawValue] },
        "approve_act": ["comment"],
        "acknowledge_warning": ["code", "section", "language", "reason"],
        "record_sending": ["language", "channel", "sentOn", "reference"],
        "record_delivery": ["sending", "deliveredOn", "proof"],
        "file_complaint": ["text"],
        "pass_complaint": ["complaint"],
    ]

    /// The form a key names (`acknowledge_warning-2` is the acknowledgement of finding 2, `edit_act-ru` the Russian version's).
    static func action(ofForm key: String) -> String { String(key.prefix { $0 != "-" }) }

    static func choices<C: RawRepresentable>(_ all: [C], _ prefix: String, t: [String: String]) -> [Choice] where C.RawValue == String {
        all.map { Choice(value: $0.rawValue, label: t[prefix + $0.rawValue] ?? $0.rawValue) }
    }

    /// What blocks the hearing's gate, in words (as the hearing page says it).
    static func blocks(_ gate: AdoptionGate?, lang: Language, t: [String: String]) -> [String] {
        (gate?.blocks ?? []).map { b in
            switch b {
            case .hearingNotPlanned: t["hearing_block_not_planned"] ?? ""
            case .hearingPending: t["hearing_block_pending"] ?? ""
            case .noDraft: t["hearing_block_no_draft"] ?? ""
            case .draftNotDelivered(let n): (t["hearing_block_not_delivered"] ?? "") + " № \(n)"
            case .tooEarly(let d): (t["hearing_block_too_early"] ?? "") + " " + d.inWords(lang)
            }
        }
    }

    static func make(_ v: ActView, actor: Actor, colleagues: [Actor], lang: Language, t: [String: String], typed: [String: String] = [:],
                     refusedForm: String? = nil, errorField: String? = nil, error: String? = nil) -> ActPage {
        let a = v.appeal
        let allowed = Set(Permissions.available(actor: actor, appeal: a))
        func tr(_ key: String, _ fallback: String) -> String { t[key] ?? fallback }
        let base = "/appeals/\(a.id)/case/documents/"
        func langName(_ l: Language?) -> String? { l.map { tr("lang_" + $0.rawValue, $0.rawValue) } }
        func link(_ n: Int) -> Link {
            Link(label: "№ \(n)" + (langName(a.document(n)?.language).map { " — " + $0 } ?? ""), href: base + "\(n)")
        }
        func heading(_ s: ActSection) -> String { tr("act_section_" + s.rawValue, s.rawValue) }
        let people = Dictionary(colleagues.map { ($0.userID, $0.name) }, uniquingKeysWith: { x, _ in x })
        let today = v.today.description
        let d = a.act
        let readiness = v.readiness
        let signedAct = a.signedAct

        // Every form's values: what was typed into the refused one, else the defaults.
        var values: [String: [String: String]] = [:]
        for (key, names) in fields { values[key] = Dictionary(uniqueKeysWithValues: names.map { ($0, "") }) }
        values["draft_act"]?["kind"] = d?.kind.rawValue ?? (a.kind == .complaint ? ActKind.complaintDecision.rawValue : "")
        values["draft_act"]?["outcome"] = d?.outcome?.rawValue ?? ""
        values["draft_act"]?["discretionary"] = d?.discretionary == true ? "true" : ""
        for s in ActSection.allCases {
            values["edit_act"]?["kk_" + s.rawValue] = d?.kk[s] ?? ""
            values["edit_act"]?["ru_" + s.rawValue] = d?.ru[s] ?? ""
        }
        values["record_sending"]?["sentOn"] = today
        values["record_sending"]?["language"] = a.language == .ru ? "ru" : "kk"
        values["record_sending"]?["channel"] = DeliveryChannel.post.rawValue
        if let refusedForm {
            let form = action(ofForm: refusedForm)
            for (k, x) in typed where values[form]?[k] != nil { values[form]?[k] = x }
        }
        func rowForm(_ key: String, _ defaults: [String: String]) -> RowForm {
            var out = Dictionary(uniqueKeysWithValues: (fields[action(ofForm: key)] ?? []).map { ($0, "") }).merging(defaults) { $1 }
            if key == refusedForm { for (k, x) in typed where out[k] != nil { out[k] = x } }
            return RowForm(key: key, values: out, refused: key == refusedForm, error: key == refusedForm ? error : nil,
                           errorField: key == refusedForm ? errorField ?? "" : "")
        }

        var can: [String: Bool] = [:]
        for action in ActPagesController.steps { can[action.rawValue] = allowed.contains(action) }
        // APPC 91(2): a deemed refusal may be complained about too (the menu offers the step once an act is signed).
        can["file_complaint"] = FileComplaint.who.admits(actor, appeal: a) && FileComplaint.allowedIn.contains(a.state)
            && a.complaintAgainst == nil && a.kind == .application && (signedAct != nil || v.deemedRefusal != nil)
        can["record_sending"] = allowed.contains(.recordSending) && signedAct != nil
        // The head sees the sign button while a draft waits (disabled, with the reasons, until it is signable).
        can["sign_button"] = actor.roles.contains(.head) && d != nil && signedAct == nil && a.state == .underConsideration

        let findings = (readiness?.findings ?? []).enumerated().map { i, f -> Finding in
            let open = readiness?.openWarnings.contains(f) ?? false
            let ack = open && can["acknowledge_warning"] == true
                ? rowForm("acknowledge_warning-\(i + 1)", ["code": f.code, "section": f.section?.rawValue ?? "", "language": f.language?.rawValue ?? ""])
                : nil
            return Finding(code: f.code, severity: tr("act_severity_" + f.severity.rawValue + (f.severity == .warning && !open ? "_acknowledged" : ""),
                                                      f.severity.rawValue),
                           severityCode: f.severity.rawValue, section: f.section.map(heading), sectionCode: f.section?.rawValue,
                           language: langName(f.language), excerpt: f.excerpt, otherExcerpt: f.otherExcerpt, why: f.why[lang], fix: f.fix[lang],
                           basis: f.basis, acknowledge: ack)
        }
        let draft = d.map { d -> Draft in
            let counts = Dictionary(grouping: readiness?.findings.compactMap(\.section) ?? [], by: { $0 }).mapValues(\.count)
            let shown = ActSection.allCases.filter { s in
                ActSection.required.contains(s) || d.kk[s] != nil || d.ru[s] != nil || (s == .discretion && d.discretionary) || (s == .arguments)
                    || (s == .hearing && a.hearing != nil)
            }
            return Draft(kind: tr("act_kind_" + d.kind.rawValue, d.kind.rawValue), kindCode: d.kind.rawValue,
                         outcome: d.outcome.map { tr("complaint_outcome_" + $0.rawValue, $0.rawValue) }, discretionary: d.discretionary,
                         revision: d.revision, draftedOn: d.draftedOn.dotted,
                         sections: shown.map { s in
                             Section(code: s.rawValue, heading: heading(s), required: ActSection.required.contains(s),
                                     kk: values["edit_act"]?["kk_" + s.rawValue] ?? "", ru: values["edit_act"]?["ru_" + s.rawValue] ?? "",
                                     findings: counts[s] ?? 0)
                         })
        }
        let acknowledged = (d?.acknowledgements ?? []).map { k in
            Acknowledged(code: k.code, section: k.section.map(heading), language: langName(k.language), reason: k.reason,
                         by: people[k.by] ?? "—", on: k.on.dotted)
        }
        let approvals = (d?.approvals ?? []).map { p -> Approval in
            let pending = p.revision != d?.revision
            let state = pending ? tr("act_approval_pending", "") + (p.approvedOn.map { " (\(tr("act_approval_earlier", "")) \($0.dotted))" } ?? "")
                : tr("act_approval_given", "") + " " + (p.approvedOn?.dotted ?? "")
            return Approval(name: p.approverName ?? people[p.approver] ?? "—", state: state, pending: pending, comment: p.comment)
        }
        let gate = blocks(readiness?.gate, lang: lang, t: t)
        var signBlocks = gate
        if let r = readiness {
            if !r.errors.isEmpty { signBlocks.append(tr("act_block_errors", "") + " \(r.errors.count)") }
            if !r.openWarnings.isEmpty { signBlocks.append(tr("act_block_warnings", "") + " \(r.openWarnings.count)") }
            for p in approvals where p.pending { signBlocks.append(tr("act_block_approval", "") + " " + p.name) }
        }
        if !actor.roles.contains(.head) { signBlocks.append(tr("act_block_not_head", "")) }

        let signed = signedAct.map { s in
            Signed(kind: tr("act_kind_" + s.kind.rawValue, s.kind.rawValue), outcome: s.outcome.map { tr("complaint_outcome_" + $0.rawValue, $0.rawValue) },
                   number: s.number, signedOn: s.signedOn.dotted, signer: s.signerName,
                   documents: s.documents.map { n in
                       let l = a.document(n)?.language
                       return Document(label: link(n).label, href: base + "\(n)", language: langName(l) ?? "", sha256: l.flatMap { s.sha256[$0.rawValue] } ?? "")
                   }, cancelledBy: a.actCancelledBy.map { "№ \($0.number), \($0.decidedOn.dotted)" })
        }
        let canDeliver = allowed.contains(.recordDelivery)
        let sendings = a.sendings.enumerated().filter { $0.element.document == .administrativeAct }.map { i, s -> Sent in
            let n = i + 1
            return Sent(number: n, language: langName(s.language) ?? "", channel: tr("delivery_" + s.channel.rawValue, s.channel.rawValue),
                        sentOn: s.sentOn.dotted, reference: s.reference, deliveredOn: s.deliveredOn?.dotted, proof: s.proof,
                        delivery: canDeliver && s.deliveredOn == nil ? rowForm("record_delivery-\(n)", ["sending": "\(n)", "deliveredOn": today]) : nil)
        }
        let terms = v.terms.map { term in
            Term(purpose: tr("purpose_" + term.purpose.rawValue, term.purpose.rawValue), due: term.due.dotted,
                 status: tr("termstatus_" + term.status.rawValue, term.status.rawValue), basis: v.rules.basis(of: term, lang),
                 lines: (try? v.calendar.term(term.request).explanation.lines(lang, unit: term.unit, amount: term.amount)) ?? [])
        }
        let complaintUntil = a.terms.last { $0.purpose == .complaintFiling }?.due.inWords(lang)
        let complaints = a.complaints.map { c -> Complaint in
            let target = switch c.target {
            case .act(let number): tr("act_complaint_against_act", "") + " № " + number
            case .deemedRefusal(let since): tr("act_complaint_against_refusal", "") + " " + since.dotted
            }
            let passing = c.passing.map { p in
                "\(tr("act_passed_to", "")) \(p.higherBodyName) · \(p.passedOn.dotted)" + (p.export.map { " · \(tr("act_with_export", "")) № \($0)" } ?? "")
            }
            let decision = c.decision.map { x in
                "\(tr("complaint_outcome_" + x.outcome.rawValue, x.outcome.rawValue)) · № \(x.number) · \(x.decidedOn.dotted)"
            }
            return Complaint(number: c.number, target: target, text: c.text, filedOn: c.filedOn.dotted, late: c.late, passing: passing,
                             passedTo: nil, decision: decision, decisionDocuments: (c.decision?.documents ?? []).map(link),
                             pass: c.passing == nil && can["pass_complaint"] == true ? rowForm("pass_complaint-\(c.number)", ["complaint": "\(c.number)"]) : nil)
        }
        let origin = a.complaintAgainst.map { link in
            let export = a.documents.last { $0.title.hasPrefix("case_export ") && $0.direction == .incoming }
            return Origin(body: a.documents.first { $0.title.hasPrefix("case_export ") }?.party ?? "", appealNumber: link.appealNumber,
                          complaint: link.complaint, export: export.map { Link(label: "№ \($0.number) — " + tr("act_case_export", ""), href: base + "\($0.number)") })
        }
        let kinds: [ActKind] = a.kind == .complaint ? [.complaintDecision] : [.favourable, .burdening]
        return ActPage(
            id: a.id, number: a.registration.number, kind: a.kind.map { tr("kind_" + $0.rawValue, $0.rawValue) } ?? tr("kind_unknown", "—"),
            today: v.today.dotted, todayISO: today, relevant: a.kind.map { !$0.isSimplified } ?? false, isComplaint: a.kind == .complaint,
            origin: origin, deemedRefusal: v.deemedRefusal?.inWords(lang), draft: draft, drafted: d != nil, isSigned: signedAct != nil,
            kinds: choices(kinds, "act_kind_", t: t), outcomes: choices(ComplaintOutcome.allCases, "complaint_outcome_", t: t),
            approverChoices: colleagues.filter { $0.userID != actor.userID }.map { Choice(value: $0.userID.uuidString, label: "\($0.name), \($0.position(lang))") },
            findings: findings, errors: readiness?.errors.count ?? 0, openWarnings: readiness?.openWarnings.count ?? 0, acknowledged: acknowledged,
            approvals: approvals, gate: gate, gateEarliest: readiness?.gate?.earliest?.inWords(lang), signable: readiness?.signable ?? false,
            signBlocks: signBlocks.filter { !$0.isEmpty }, signed: signed, sendings: sendings, complaintUntil: complaintUntil, terms: terms,
            complaints: complaints, deliveryChannels: choices(DeliveryChannel.allCases, "delivery_", t: t), can: can, values: values,
            refused: refusedForm ?? "", errorField: errorField.map { (refusedForm ?? "") + "." + $0 } ?? "", once: UUID().uuidString, done: nil,
            error: error)
    }
}
