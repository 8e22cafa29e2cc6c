import Foundation
import WorkingCalendar

/// The act the procedure is heading for, as far as the hearing is concerned (R34, R35).
public enum HearingOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// An act in the addressee's favour.
    case favourable
    /// An act that burdens the addressee (a refusal, a restriction, a duty).
    case burdening
    /// The simplified procedure: an answer, no administrative act (APPC 87–89).
    case none
}

/// The exceptions of R35 (APPC 73; the guide's list): when a hearing may be omitted, the act stating why.
public enum HearingException: String, Sendable, Hashable, Codable, CaseIterable {
    /// Enforcement is being carried out.
    case enforcement
    /// The statutory term of the procedure is shorter than three days.
    case shortTerm = "short_term"
    /// The act must be adopted at once to protect rights and freedoms or public or state interests.
    case urgent
    /// A participant of the procedure asked to omit it.
    case waived
    /// An automatic decision with no discretion of the body or official.
    case automatic
}

/// What the hearing rules say for a case (R34, R35).
public enum HearingDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// The simplified procedure: no act, no hearing.
    case notApplicable = "not_applicable"
    /// A burdening act: the addressee must be heard.
    case required
    /// Those whose rights the act may restrict must be heard (with the addressee of a burdening act).
    case requiredWithThirdParties = "required_with_third_parties"
    /// An exception of R35 applies: the hearing may be omitted, the act stating this reason.
    case mayOmitWithReason = "may_omit_with_reason"
    /// A favourable act that burdens nobody: a hearing may be held, need not be.
    case optional

    /// Whether the hearing may be left out (the act then states why, R35).
    public var mayOmit: Bool { self == .mayOmitWithReason || self == .optional }
    /// Whether a hearing concerns this case at all.
    public var applies: Bool { self != .notApplicable }
}

/// Why no hearing was held, as the act states it (R35).
public enum OmissionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A favourable act that affects nobody else's rights.
    case favourable = "favourable_no_third_party"
    case enforcement
    case shortTerm = "short_term"
    case urgent
    case waived
    case automatic

    public init(_ e: HearingException) { self = OmissionReason(rawValue: e.rawValue)! }
}

/// The hearing rules as cited data (R34, R35; APPC 73, 74, 87–89): the first rule whose conditions hold
/// decides. Each rule names its articles, its source and how far that source is verified; rules carry the
/// days they are in force, like the term rules, and an administrator extends them as data.
public struct HearingRules: Sendable, Hashable, Codable {
    public struct When: Sendable, Hashable, Codable {
        /// The appeal kinds the rule is for; nil: any kind.
        public var kinds: [AppealKind]?
        public var outcomes: [HearingOutcome]?
        /// Whether the act burdens third parties; nil: either.
        public var thirdParty: Bool?
        /// The exceptions the rule is for; nil: whatever the exception; `[]`: only when there is none.
        public var exceptions: [HearingException]?

        public init(kinds: [AppealKind]? = nil, outcomes: [HearingOutcome]? = nil, thirdParty: Bool? = nil, exceptions: [HearingException]? = nil) {
            (self.kinds, self.outcomes, self.thirdParty, self.exceptions) = (kinds, outcomes, thirdParty, exceptions)
        }

        public func holds(kind: AppealKind, outcome: HearingOutcome, thirdParty tp: Bool, exception: HearingException?) -> Bool {
            if let kinds, !kinds.contains(kind) { return false }
            if let outcomes, !outcomes.contains(outcome) { return false }
            if let thirdParty, thirdParty != tp { return false }
            if let exceptions {
                if let exception { if !exceptions.contains(exception) { return false } } else if !exceptions.isEmpty { return false }
            }
            return true
        }
    }

    public struct Rule: Sendable, Hashable, Codable {
        public var id: String
        public var when: When
        public var decision: HearingDecision
        /// Why, in the words the page shows and the act states.
        public var reason: LocalizedText
        /// The articles the rule rests on (`APPC 73`, `APPC 87`).
        public var articles: [String]
        public var source: String
        public var status: Verification
        public var effectiveFrom: CivilDate?
        public var effectiveTo: CivilDate?

        public func isInForce(on day: CivilDate) -> Bool {
            (effectiveFrom.map { $0 <= day } ?? true) && (effectiveTo.map { day <= $0 } ?? true)
        }
    }

    public var version: String
    public var rules: [Rule]

    public init(version: String, rules: [Rule]) {
        self.version = version
        self.rules = rules
    }

    /// The rules shipped with the product (nil only if the resource is missing from the build).
    public static let shipped: HearingRules? = try? bundled()

    public static func bundled() throws -> HearingRules {
        guard let url = Bundle.module.url(forResource: "hearing-rules", withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode(HearingRules.self, from: Data(contentsOf: url))
    }

    /// The rules' answer for this case on `day`: the first rule in force whose conditions hold.
    public func decide(kind: AppealKind, outcome: HearingOutcome, burdensThirdParty: Bool, exception: HearingException?,
                       on day: CivilDate) -> HearingRuling? {
        rules.first { $0.isInForce(on: day) && $0.when.holds(kind: kind, outcome: outcome, thirdParty: burdensThirdParty, exception: exception) }
            .map { HearingRuling($0, exception: exception) }
    }

    /// A rules file an administrator gives (`HEARING_RULES`), or every problem it has.
    public static func read(_ data: Data) -> Result<HearingRules, Problems> {
        let rules: HearingRules
        do { rules = try JSONDecoder().decode(HearingRules.self, from: data) } catch {
            return .failure(Problems(list: ["not a hearing rules file: \(error)"]))
        }
        let problems = rules.problems()
        return problems.isEmpty ? .success(rules) : .failure(Problems(list: problems))
    }

    public struct Problems: Error, Sendable, Hashable { public var list: [String] }

    /// What is wrong with the rules: a duplicate or empty id, a rule without its articles, source or reason in
    /// each language, a period that ends before it starts, and any case left undecided on a day some rule
    /// starts or ends (from the earliest start on: a gap would leave a hearing question unanswered).
    public func problems() -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        for r in rules {
            if r.id.trimmingCharacters(in: .whitespaces).isEmpty { out.append("a rule without an id") }
            if !seen.insert(r.id).inserted { out.append("\(r.id): the id is used twice") }
            if r.articles.isEmpty { out.append("\(r.id): no articles cited") }
            if r.source.trimmingCharacters(in: .whitespaces).isEmpty { out.append("\(r.id): no source") }
            if [r.reason.kk, r.reason.ru, r.reason.en].contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                out.append("\(r.id): the reason must be given in kk, ru and en")
            }
            if let from = r.effectiveFrom, let to = r.effectiveTo, to < from { out.append("\(r.id): in force to \(to) before from \(from)") }
        }
        guard let first = rules.compactMap(\.effectiveFrom).min() else { return out + ["no rule says from when it is in force"] }
        let days = Set([first] + rules.compactMap(\.effectiveFrom) + rules.compactMap { $0.effectiveTo?.adding(days: 1) }).sorted()
        for day in days {
            let gaps = gaps(on: day)
            if !gaps.isEmpty { out.append("on \(day) no rule decides \(gaps.count) case(s), e.g. \(gaps[0]) (kind/outcome/third party/exception)") }
        }
        return out
    }

    /// The combinations no rule in force on `day` decides: a complete table has none.
    public func gaps(on day: CivilDate) -> [String] {
        var out: [String] = []
        for kind in AppealKind.allCases {
            for outcome in HearingOutcome.allCases {
                for tp in [false, true] {
                    for e in [nil] + HearingException.allCases.map(Optional.some)
                        where decide(kind: kind, outcome: outcome, burdensThirdParty: tp, exception: e, on: day) == nil {
                        out.append("\(kind.rawValue)/\(outcome.rawValue)/\(tp)/\(e?.rawValue ?? "-")")
                    }
                }
            }
        }
        return out
    }
}

/// The hearing rules' answer for one case, as kept on the appeal and shown: the decision, the rule and
/// why, with its articles.
public struct HearingRuling: Sendable, Hashable, Codable {
    public var decision: HearingDecision
    public var ruleID: String
    public var reason: LocalizedText
    public var articles: [String]
    public var source: String
    public var status: Verification
    /// The reason the act states if the hearing is omitted (nil while it may not be omitted).
    public var omission: OmissionReason?

    public init(_ rule: HearingRules.Rule, exception: HearingException?) {
        decision = rule.decision
        ruleID = rule.id
        reason = rule.reason
        articles = rule.articles
        source = rule.source
        status = rule.status
        omission = switch rule.decision {
        case .optional: .favourable
        case .mayOmitWithReason: exception.map(OmissionReason.init) ?? .favourable
        default: nil
        }
    }
}
