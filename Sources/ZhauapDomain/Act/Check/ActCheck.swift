import Foundation
import WorkingCalendar

/// The justification check of an administrative act (R39–R43, with R33 and R35 for the hearing): reads
/// each language version as written and the facts of the case it is given, and reports what is missing or
/// wrong, each finding with its requirement and article, why it matters and how to fix it. Pure: no I/O.
///
/// It checks only what the text and the given facts show. The codes (see `ActFindingCode` for severity
/// and basis): `section_missing`, `single_language`, `versions_differ`, `summary_no_decision`,
/// `summary_not_first`, `summary_too_long`, `template_phrase`, `bare_norm_reference`, `facts_undated`,
/// `facts_no_evidence`, `precondition_not_matched`, `competence_norm_missing`, `argument_unanswered`,
/// `discretion_unexplained`, `hearing_omission_unexplained`, `draft_too_late`, `appeal_term_missing`,
/// `appeal_body_missing`, `appeal_address_missing`, `appeal_way_missing`, `appeal_court_route_missing`.
public enum ActCheck {
    /// The term rules the draft's lead time is counted by (APPC 73, `draft_lead`).
    static let rules: TermRules? = try? TermRules.bundled()

    /// One language version, its sections read.
    struct Version {
        let language: Language
        let sections: [ActSection: ActText]
        init(_ language: Language, _ raw: ActSections) {
            self.language = language
            sections = raw.mapValues(ActText.init).filter { !$0.value.isBlank }
        }
        subscript(_ s: ActSection) -> ActText? { sections[s] }
        /// The reasoning's sections in order (where R40's extra parts may also be written).
        var reasoning: [ActText] { [ActSection.legalReasoning, .arguments, .discretion, .hearing].compactMap { sections[$0] } }
    }

    /// Every finding for the act, in the order of the model structure; errors block signing.
    public static func findings(_ input: ActCheckInput, calendar: WorkingDayCalendar?) -> [ActFinding] {
        let versions = [Language.kk, .ru].compactMap { l in input.versions[l].map { Version(l, $0) } }
        var out: [ActFinding] = []
        if versions.count == 1 { out.append(ActFinding(.singleLanguage, section: nil, language: versions[0].language)) }
        for v in versions {
            out += missingSections(v)
            out += summary(v)
            out += reasoning(v, input)
            out += arguments(v, input, versions: versions)
            out += discretion(v, input)
            out += hearing(v, input)
            out += appeal(v, input)
        }
        out += draftLead(input, calendar: calendar)
        if let kk = input.versions[.kk], let ru = input.versions[.ru] { out += equivalence(kk: kk, ru: ru) }
        return out.sorted { ($0.section ?? .signature, $0.language?.rawValue ?? "") < ($1.section ?? .signature, $1.language?.rawValue ?? "") }
    }

    /// R43: the eight parts every act has, filled in each version.
    static func missingSections(_ v: Version) -> [ActFinding] {
        ActSection.required.filter { v[$0] == nil }.map { ActFinding(.sectionMissing, section: $0, language: v.language) }
    }

    /// R42(4): the versions' differences as the equivalence check reads them; a required part filled in one
    /// version only is already `section_missing`. A difference found in both versions' same section is one
    /// finding with both spans.
    static func equivalence(kk: ActSections, ru: ActSections) -> [ActFinding] {
        func keyed(_ s: ActSections) -> [String: String] { Dictionary(uniqueKeysWithValues: s.map { ($0.key.rawValue, $0.value) }) }
        let found = ActEquivalence.compare(kk: keyed(kk), ru: keyed(ru)).filter { f in
            !(f.code == "section_missing" && ActSection(rawValue: f.section).map(ActSection.required.contains) == true)
        }
        var out: [ActFinding] = []
        var ruOnly = found.filter { $0.onlyIn == .ru }
        // Surnames are read by a heuristic (their consonants): a difference is a warning to look at, not an error.
        func code(_ f: ActEquivalence.Finding) -> ActFindingCode { f.code == "name_differs" ? .namesDiffer : .versionsDiffer }
        for f in found where f.onlyIn == .kk {
            let section = ActSection(rawValue: f.section)
            if let i = ruOnly.firstIndex(where: { $0.code == f.code && $0.section == f.section }) {
                let other = ruOnly.remove(at: i)
                out.append(ActFinding(code(f), section: section, language: nil, excerpt: f.spans.first?.excerpt, otherExcerpt: other.spans.first?.excerpt))
            } else {
                out.append(ActFinding(code(f), section: section, language: .kk, excerpt: f.spans.first?.excerpt))
            }
        }
        out += ruOnly.map { ActFinding(code($0), section: ActSection(rawValue: $0.section), language: .ru, excerpt: $0.spans.first?.excerpt) }
        return out
    }

    /// R33; APPC 73: the act adopted on or after the earliest day the draft's receipt allows (counted by the
    /// same term rule as the hearing's adoption gate).
    static func draftLead(_ input: ActCheckInput, calendar: WorkingDayCalendar?) -> [ActFinding] {
        guard let calendar, let rules, let given = input.hearing?.draftGivenOn, let actDate = input.actDate,
              let earliest = rules.end(of: .draftLead, from: given, kind: input.appealKind ?? .application, calendar: calendar),
              actDate < earliest else { return [] }
        return [ActFinding(.draftTooLate, section: .hearing, language: nil, excerpt: "\(given.dotted) → \(actDate.dotted) (≥ \(earliest.dotted))")]
    }
}
