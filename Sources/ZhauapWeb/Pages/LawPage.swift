import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// The finder's page (`/appeals/{id}/law`, R24–R29), in the reader's language: the proposal the checklist
/// yields, the norms applied with their checklists, the marker words, the candidates by legal force, the
/// conflicts side by side, and analogy.
struct LawPage: Encodable {
    struct Badge: Encodable { var code: String; var label: String; var hint: String }
    struct Candidate: Encodable {
        var id: String; var citation: String; var act: String; var level: String; var rank: Int; var status: Badge
        var roles: String; var matched: String; var text: String?; var inForce: Bool; var applied: Bool
    }
    struct Conflict: Encodable {
        var first: Candidate; var second: Candidate; var verdict: String; var advice: String?; var note: String?; var noteStatus: Badge?
    }
    struct Item: Encodable {
        var number: Int; var text: String; var status: Badge; var answer: String?; var answerCode: String; var facts: String
        var note: String?; var explanation: String?; var explainKk: String; var explainRu: String
    }
    struct Applied: Encodable {
        var number: Int; var norm: String; var citation: String; var act: String; var level: String; var version: String
        var registryNow: String?; var purposes: String; var reason: String; var over: String?; var withdrawn: Bool
        var items: [Item]; var consequence: String?; var outcome: String; var outcomeCode: String
    }
    struct Analogy: Encodable { var number: Int; var kind: String; var basis: String; var norms: String; var reason: String; var on: String }

    var id: UUID
    var number: String
    var essence: String?
    var relevantOn: String
    var registryVersion: String
    var proposal: String
    var proposalCode: String
    var missing: [String]
    var applied: [Applied]
    var picked: String
    var markers: String
    var candidates: [Candidate]
    var conflicts: [Conflict]
    var analogies: [Analogy]
    var facts: [AppealPage.Choice]
    var documents: [AppealPage.Choice]
    var answers: [AppealPage.Choice]
    var purposes: [AppealPage.Choice]
    var analogyKinds: [AppealPage.Choice]
    var canApply: Bool
    var canCheck: Bool
    var canWithdraw: Bool
    var canAnalogy: Bool
    var once: String
    var done: String?
    var error: String?

    static func badge(_ v: Verification, t: [String: String]) -> Badge {
        Badge(code: v.rawValue, label: t["law_status_" + v.rawValue] ?? v.rawValue, hint: t["law_status_hint_" + v.rawValue] ?? "")
    }

    static func candidate(_ c: NormCandidate, lang: Language, t: [String: String], applied: Set<String>) -> Candidate {
        let act = c.act?.title(lang) ?? c.norm.act
        let matched = c.matched.map { "«\($0.word)» — \(t["law_field_" + $0.field.rawValue] ?? $0.field.rawValue)" }.joined(separator: "; ")
        return Candidate(id: c.norm.id, citation: "\(c.norm.citation(lang))", act: act, level: c.level?.name(lang) ?? "", rank: c.rank,
                         status: badge(c.norm.status, t: t), roles: c.norm.roles.map { t["law_role_" + $0.rawValue] ?? $0.rawValue }.joined(separator: ", "),
                         matched: matched, text: c.norm.latest?.text(lang).map { String($0.prefix(400)) }, inForce: c.inForce,
                         applied: applied.contains(c.norm.id))
    }

    static func make(_ v: LawView, actor: Actor, lang: Language, t: [String: String]) -> LawPage {
        let a = v.appeal
        let allowed = Set(Permissions.available(actor: actor, appeal: a))
        let appliedIDs = Set(a.law.active.map(\.pinned.normID))
        func tr(_ key: String, _ fallback: String = "") -> String { t[key] ?? fallback }
        let proposalText: String
        var missing: [String] = []
        switch v.proposal {
        case .consequence(let norms):
            let thens = a.law.active.filter { norms.contains($0.pinned.normID) }.compactMap { $0.pinned.version.consequence?.text(lang) }
            proposalText = tr("law_proposal_consequence") + " " + thens.joined(separator: " ")
        case .refusal(let notMet):
            let named = notMet.sorted { $0.key < $1.key }.flatMap { id, numbers -> [String] in
                let n = a.law.applied(id)
                return numbers.compactMap { i in n?.pinned.version.preconditions[safe: i - 1].map { "\(n!.pinned.citation(lang)): \($0.text(lang))" } }
            }
            proposalText = tr("law_proposal_refusal") + " " + named.joined(separator: "; ")
        case .analogy(let n):
            proposalText = tr("law_proposal_analogy") + " №\(n)"
        case .notReady(let list):
            proposalText = tr("law_proposal_not_ready")
            missing = list.map { m in
                switch m {
                case .law: tr("law_missing_law")
                case .empoweringNorm: tr("law_missing_empowering")
                case .competenceNorm: tr("law_missing_competence")
                case .precondition(let id, let number, let unclear):
                    (a.law.applied(id).map { "\($0.pinned.citation(lang)), №\(number)" } ?? id) + " — "
                        + tr(unclear ? "law_missing_unclear" : "law_missing_unanswered")
                }
            }
        }
        let applied = a.law.applied.map { n -> Applied in
            let p = n.pinned
            let now: String? = switch v.pins[p.normID] ?? .current {
            case .current: nil
            case .amended(let d): tr("law_pin_amended") + " " + d.inWords(lang)
            case .repealed(let d): tr("law_pin_repealed") + " " + d.inWords(lang)
            case .removed: tr("law_pin_removed")
            }
            let items = p.version.preconditions.enumerated().map { i, c -> Item in
                let check = n.check(i + 1)
                let explanation = lang == .ru ? (check?.explainRu ?? c.explainRu) : (check?.explainKk ?? c.explainKk)
                return Item(number: i + 1, text: c.text(lang), status: badge(c.status, t: t),
                            answer: check.map { tr("law_answer_" + $0.answer.rawValue) }, answerCode: check?.answer.rawValue ?? "none",
                            facts: (check?.facts.map { "№\($0)" } ?? []).joined(separator: ", ")
                                + ((check?.evidence.isEmpty ?? true) ? "" : " · " + tr("law_documents") + " " + check!.evidence.map { "№\($0)" }.joined(separator: ", ")),
                            note: check?.note, explanation: explanation, explainKk: check?.explainKk ?? c.explainKk ?? "",
                            explainRu: check?.explainRu ?? c.explainRu ?? "")
            }
            let version = p.version.from.inWords(lang) + (p.version.to.map { " – " + $0.inWords(lang) } ?? "")
            return Applied(number: n.number, norm: p.normID, citation: p.citation(lang), act: p.actTitle[lang],
                           level: v.registry.level(p.level)?.name(lang) ?? p.level, version: version, registryNow: now,
                           purposes: n.purposes.map { tr("law_purpose_" + $0.rawValue) }.joined(separator: ", "), reason: n.reason,
                           over: n.prevailsOver.isEmpty ? nil : n.prevailsOver.joined(separator: ", "), withdrawn: !n.isActive, items: items,
                           consequence: p.version.consequence?.text(lang), outcome: tr("law_outcome_" + n.outcome.code), outcomeCode: n.outcome.code)
        }
        let conflicts = v.conflicts.map { c -> Conflict in
            let verdict: String = switch c.verdict {
            case .higherPrevails: tr("law_verdict_higher")
            case .laterPrevails: tr("law_verdict_later")
            case .specialPrevails: tr("law_verdict_special")
            }
            let prevailing = c.prevailing.flatMap { id in [c.first, c.second].first { $0.norm.id == id } }.map { " — \($0.norm.citation(lang)), \($0.act?.title(lang) ?? "")" } ?? ""
            let advice = c.detailed.flatMap { id in [c.first, c.second].first { $0.norm.id == id } }
                .map { tr("law_advice_detail") + " \($0.norm.citation(lang)), \($0.act?.title(lang) ?? "")." }
            return Conflict(first: candidate(c.first, lang: lang, t: t, applied: appliedIDs), second: candidate(c.second, lang: lang, t: t, applied: appliedIDs),
                            verdict: verdict + prevailing, advice: advice, note: c.note?.note(lang), noteStatus: c.note.map { badge($0.status, t: t) })
        }
        return LawPage(
            id: a.id, number: a.registration.number, essence: a.essence, relevantOn: v.relevantOn.inWords(lang), registryVersion: v.registry.version,
            proposal: proposalText, proposalCode: v.proposal.code, missing: missing, applied: applied,
            picked: v.picked.joined(separator: ", "), markers: v.markers.joined(separator: ", "),
            candidates: v.candidates.map { candidate($0, lang: lang, t: t, applied: appliedIDs) }, conflicts: conflicts,
            analogies: a.law.analogies.map {
                Analogy(number: $0.number, kind: tr("law_analogy_" + $0.kind.rawValue), basis: lang == .ru ? ($0.basisRu ?? $0.basis) : $0.basis,
                        norms: $0.norms.joined(separator: ", "), reason: $0.reason, on: $0.recordedOn.dotted)
            },
            facts: a.facts.map { AppealPage.Choice(value: "\($0.number)", label: "№\($0.number): " + (lang == .ru ? ($0.statementRu ?? $0.statement) : ($0.statementKk ?? $0.statement))) },
            documents: a.documents.filter { !$0.isWithdrawn }.map { AppealPage.Choice(value: "\($0.number)", label: "№\($0.number): \($0.title)") },
            answers: PreconditionAnswer.allCases.map { AppealPage.Choice(value: $0.rawValue, label: tr("law_answer_" + $0.rawValue)) },
            purposes: CasePurpose.allCases.map { AppealPage.Choice(value: $0.rawValue, label: tr("law_purpose_" + $0.rawValue), selected: $0 == .decides) },
            analogyKinds: AnalogyKind.allCases.map { AppealPage.Choice(value: $0.rawValue, label: tr("law_analogy_" + $0.rawValue)) },
            canApply: allowed.contains(.applyNorm), canCheck: allowed.contains(.checkPrecondition), canWithdraw: allowed.contains(.withdrawNorm),
            canAnalogy: allowed.contains(.recordAnalogy), once: UUID().uuidString, done: nil, error: nil)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
