import Foundation
import WorkingCalendar

/// R42, R43: the act proposed from the structured case — every section in both languages, from the
/// facts and their evidence, the applied norms and their checklists, the hearing and its arguments, and the
/// body. The executor edits what it proposes; what the case does not hold (how discretion was used) is left
/// for the executor to write, and the check says so.
public enum ActDrafter {
    public struct Inputs: Sendable {
        public var kind: ActKind
        public var outcome: ComplaintOutcome?
        public var discretionary: Bool
        public var body: AdministrativeBody
        /// The body that decides a complaint about this act (APPC 91(4)); nil: not set up.
        public var higherBody: AdministrativeBody?
        public var drafter: Actor

        public init(kind: ActKind, outcome: ComplaintOutcome?, discretionary: Bool, body: AdministrativeBody, higherBody: AdministrativeBody?,
                    drafter: Actor) {
            (self.kind, self.outcome, self.discretionary, self.body, self.higherBody, self.drafter) =
                (kind, outcome, discretionary, body, higherBody, drafter)
        }
    }

    public static func propose(for a: Appeal, _ i: Inputs, lang: Language) -> ActSections {
        var s: ActSections = [:]
        let w = ActWording(lang)
        let addressee = a.applicant.displayName ?? w.applicantWord
        s[.introduction] = introduction(a, i, w)
        s[.title] = w.title(i.kind, outcome: i.outcome, number: a.registration.number)
        s[.salutation] = w.salutation(a.applicant)
        s[.operativeSummary] = w.summary(i.kind, outcome: i.outcome, addressee: addressee, number: a.registration.number,
                                         body: lang == .ru ? i.body.nameRu : i.body.nameKk)
        s[.facts] = facts(a, w)
        s[.legalReasoning] = reasoning(a, w)
        if let args = arguments(a, w) { s[.arguments] = args }
        if i.discretionary { s[.discretion] = "" }
        if let h = a.hearing, let text = w.hearing(h, appeal: a) { s[.hearing] = text }
        s[.appealProcedure] = w.appealProcedure(i.kind, body: i.body, higher: i.higherBody)
        s[.signature] = w.signature(i.drafter)
        return s
    }

    static func introduction(_ a: Appeal, _ i: Inputs, _ w: ActWording) -> String {
        let p = a.applicant
        let ids = [p.iin.map { w.iinLabel + " " + $0 }, p.bin.map { w.binLabel + " " + $0 }, p.postalAddress].compactMap { $0 }
        return [w.lang == .ru ? i.body.nameRu : i.body.nameKk,
                i.body.address.isEmpty ? nil : i.body.address,
                "\(w.responsible): \(i.drafter.name), \(i.drafter.position(w.lang))",
                "\(w.caseNumber): \(a.caseFile.index)",
                "\(w.appealNumber): \(a.registration.number) (\(a.registration.registeredOn.dotted))",
                "\(w.addressee): \(p.displayName ?? w.applicantWord)" + (ids.isEmpty ? "" : ", " + ids.joined(separator: ", "))]
            .compactMap { $0 }.joined(separator: "\n")
    }

    /// R42(1), R43(5a): the essential facts in chronological order, each with the day and the case documents it rests on.
    static func facts(_ a: Appeal, _ w: ActWording) -> String {
        var lines: [(CivilDate, String)] = [(a.registration.registeredOn, w.registered(a))]
        for f in a.facts where f.status != .notProven && !f.applicantArgument {
            let text = (w.lang == .ru ? f.statementRu : f.statementKk) ?? f.statement
            let docs = f.evidence.compactMap { a.document($0) }.filter { !$0.isWithdrawn }
            let day = docs.map(\.date).min() ?? f.recordedOn
            let basis = docs.map { "\(w.documentWord) № \($0.number) «\($0.title)» (\($0.date.dotted))" }
            lines.append((day, text.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                + (basis.isEmpty ? "" : " — " + w.confirmedBy + " " + basis.joined(separator: ", ")) + "."))
        }
        if let h = a.hearing, case .held(let held) = h.conduct {
            lines.append((held.heldOn, w.hearingHeld(held) + "."))
        }
        return lines.sorted { $0.0 < $1.0 }.enumerated().map { "\($0.offset + 1)) \($0.element.0.dotted) — \($0.element.1)" }.joined(separator: "\n")
    }

    /// R42(2)–(3), R43(5b): each applied norm — what it provides, why it is applied, its preconditions
    /// and whether the facts meet them; the competence norm named.
    static func reasoning(_ a: Appeal, _ w: ActWording) -> String {
        var parts: [String] = []
        for n in a.law.applied where n.isActive {
            let p = n.pinned
            var t = "\(p.citation(w.lang)) \(w.lang == .ru ? p.actTitle.ru : p.actTitle.kk)"
            if n.purposes.contains(.competence) { t = w.competence + " " + t }
            else if n.purposes.contains(.empowers) { t = w.empowering + " " + t }
            if let text = p.version.text(w.lang) { t += " " + w.provides + ": «\(text)»." } else { t += "." }
            t += " " + w.appliedBecause + ": " + n.reason.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) + "."
            for (k, pre) in p.version.preconditions.enumerated() {
                guard let c = n.check(k + 1) else { continue }
                let why = (w.lang == .ru ? c.explainRu : c.explainKk) ?? c.note
                t += " " + w.precondition(pre.text(w.lang), answer: c.answer, facts: c.facts) + (why.map { ": " + $0 } ?? "") + "."
            }
            parts.append(t)
        }
        for an in a.law.analogies {
            parts.append(w.analogy(an))
        }
        return parts.joined(separator: "\n\n")
    }

    /// R40: the applicant's arguments — the hearing's and those recorded as facts — each accepted or not, and why.
    static func arguments(_ a: Appeal, _ w: ActWording) -> String? {
        var lines: [String] = []
        for arg in a.hearing?.arguments ?? [] {
            guard let ans = arg.answer else { lines.append(w.argument(arg.number, arg.text, accepted: nil, reason: nil)); continue }
            lines.append(w.argument(arg.number, arg.text, accepted: ans.accepted, reason: w.lang == .ru ? (ans.reasonRu ?? ans.reasonKk) : ans.reasonKk))
        }
        for f in a.facts where f.applicantArgument {
            let text = (w.lang == .ru ? f.statementRu : f.statementKk) ?? f.statement
            lines.append(w.argument(nil, text, accepted: f.status == .established, reason: nil))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
