import Foundation
import WorkingCalendar

/// Term rules as cited data (`Resources/term-rules.json`): the APPC defaults and the special laws that
/// override them (R17). Law that can change is data, not code.
public struct TermRules: Sendable, Codable {
    public struct Rule: Sendable, Codable, Hashable {
        public var id: String
        public var purpose: TermPurpose
        /// Kinds the rule applies to; nil for any kind.
        public var kinds: [AppealKind]?
        /// A special-law code (`information_request`, `lawyer_request` …); a rule with one wins (R17).
        public var special: String?
        public var unit: TermUnit
        public var amount: Int
        public var convention: CountingConvention?
        public var extendable: Bool?
        /// The legal basis in English (kept on the appeal's term), and in Kazakh and Russian for people.
        public var basis: String
        public var basisKk: String?
        public var basisRu: String?
        /// The first and last day the rule is in force (nil: open-ended), so that a change of the law is
        /// a new rule with its own dates and terms begun before it keep theirs.
        public var effectiveFrom: CivilDate?
        public var effectiveTo: CivilDate?
        /// The registry norm that sets this term (`law-registry.json`): the two must agree (one source per fact).
        public var norm: String?

        public func isInForce(on day: CivilDate) -> Bool {
            (effectiveFrom.map { $0 <= day } ?? true) && (effectiveTo.map { day <= $0 } ?? true)
        }

        public func basis(_ lang: Language) -> String {
            switch lang {
            case .kk: basisKk ?? basis
            case .ru: basisRu ?? basis
            case .en: basis
            }
        }
    }

    public var version: String
    public var rules: [Rule]
    /// APPC 76(2): an extension reaches at most this many months past the original due date.
    public var maxExtensionMonths: Int

    public static func bundled() throws -> TermRules {
        guard let url = Bundle.module.url(forResource: "term-rules", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(TermRules.self, from: Data(contentsOf: url))
    }

    /// The rule for a purpose in force on `day` (the day the term starts): a matching special-law rule
    /// first, then one for the kind, then the default.
    public func rule(for purpose: TermPurpose, kind: AppealKind?, special: String?, on day: CivilDate) -> Rule? {
        let candidates = rules.filter { $0.purpose == purpose && $0.isInForce(on: day) }
        if let special, let r = candidates.first(where: { $0.special == special }) { return r }
        if let kind, let r = candidates.first(where: { $0.special == nil && $0.kinds?.contains(kind) == true }) { return r }
        return candidates.first { $0.special == nil && $0.kinds == nil }
    }

    /// The basis of the rule a term was counted by, in a language; the term's own text when the rule is gone.
    public func basis(of term: AppealTerm, _ lang: Language) -> String {
        rules.first { $0.id == term.ruleID }?.basis(lang) ?? term.basis
    }

    /// The last day of the term for `purpose` started on `day`, counted on `calendar` by the rule in force
    /// (nil when no rule applies or the calendar does not reach the day).
    public func end(of purpose: TermPurpose, from day: CivilDate, kind: AppealKind?, calendar: WorkingDayCalendar) -> CivilDate? {
        guard let rule = rule(for: purpose, kind: kind, special: nil, on: day) else { return nil }
        return try? calendar.term(TermRequest(start: day, unit: rule.unit, amount: rule.amount, convention: rule.convention ?? .eventDay)).end
    }

    /// Special-law codes known to the rules.
    public var specialCodes: [String] { rules.compactMap(\.special) }
}
