import Foundation
import WorkingCalendar

/// What a norm is applied for in a case (R28, R42): it decides the matter; it empowers the body to adopt
/// the act; it confirms the body's competence. The act needs an empowering and a competence norm.
public enum CasePurpose: String, Sendable, Hashable, Codable, CaseIterable {
    case decides, empowers, competence
}

/// The norm as it stood when it was applied: the version in force on the relevant day, copied, so the case
/// keeps what was applied whatever the registry later says.
public struct PinnedNorm: Sendable, Hashable, Codable {
    public var normID: String
    public var actID: String
    public var actTitle: LocalizedText
    public var level: String
    public var rank: Int
    public var article: String
    public var paragraph: String?
    public var subparagraph: String?
    /// The day whose law applies (the day the matter arose; by default the appeal's registration day).
    public var relevantOn: CivilDate
    public var version: NormVersion
    public var registryVersion: String

    public init(_ n: Norm, version: NormVersion, in registry: LawRegistry, relevantOn: CivilDate) {
        let act = registry.act(n.act)
        normID = n.id
        actID = n.act
        actTitle = LocalizedText(kk: act?.titleKk ?? n.act, ru: act?.titleRu ?? n.act, en: act?.titleEn ?? n.act)
        level = act?.level ?? ""
        rank = registry.rank(of: n)
        (article, paragraph, subparagraph) = (n.article, n.paragraph, n.subparagraph)
        self.relevantOn = relevantOn
        self.version = version
        registryVersion = registry.version
    }

    /// «ӘРПК 76-бап 1-тармақ» without the act: the norm's place.
    public func citation(_ lang: Language) -> String {
        Norm(id: normID, act: actID, article: article, paragraph: paragraph, subparagraph: subparagraph, markersKk: [], markersRu: [],
             roles: [], term: nil, conflicts: [], specialTo: [], versions: [], source: "", status: .unverified).citation(lang)
    }
}

/// The answer to one precondition (R28): met, not met, or unclear.
public enum PreconditionAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case met
    case notMet = "not_met"
    case unclear
}

/// One checklist item answered: which precondition (1-based), the answer, the facts and documents of the
/// case file it rests on, a note, and the explanation for the applicant (R28) where one is needed.
public struct PreconditionCheck: Sendable, Hashable, Codable {
    public var precondition: Int
    public var answer: PreconditionAnswer
    public var facts: [Int]
    public var evidence: [Int]
    public var note: String?
    public var explainKk: String?
    public var explainRu: String?
    public var answeredBy: UUID
    public var answeredOn: CivilDate
}

/// A norm applied to the case: pinned, what for, why (and over which conflicting norms), and its checklist.
public struct AppliedNorm: Sendable, Hashable, Codable {
    public var number: Int
    public var pinned: PinnedNorm
    public var purposes: [CasePurpose]
    public var reason: String
    /// Norms it was preferred to (R25), with the reason above.
    public var prevailsOver: [String]
    public var appliedBy: UUID
    public var appliedOn: CivilDate
    public var checks: [PreconditionCheck]
    public var withdrawn: Withdrawal?

    public struct Withdrawal: Sendable, Hashable, Codable {
        public var reason: String
        public var by: UUID
        public var on: CivilDate
    }

    public var isActive: Bool { withdrawn == nil }
    public func check(_ precondition: Int) -> PreconditionCheck? { checks.last { $0.precondition == precondition } }

    /// R27, R28: what the checklist yields for this norm.
    public var outcome: NormOutcome {
        let count = pinned.version.preconditions.count
        let answers = (0..<count).map { check($0 + 1)?.answer }
        let unanswered = answers.indices.filter { answers[$0] == nil }.map { $0 + 1 }
        let unclear = answers.indices.filter { answers[$0] == .unclear }.map { $0 + 1 }
        let notMet = answers.indices.filter { answers[$0] == .notMet }.map { $0 + 1 }
        if !notMet.isEmpty { return .refusal(notMet: notMet) }
        if !unclear.isEmpty || !unanswered.isEmpty { return .notReady(unclear: unclear, unanswered: unanswered) }
        return .consequence
    }
}

/// What a norm's checklist yields: every IF met → its THEN; one not met → refusal naming it; one unclear
/// or unanswered → not ready. (A precondition not met decides even while others are open.)
public enum NormOutcome: Sendable, Hashable {
    case consequence
    case refusal(notMet: [Int])
    case notReady(unclear: [Int], unanswered: [Int])

    public var code: String {
        switch self {
        case .consequence: "consequence"
        case .refusal: "refusal"
        case .notReady: "not_ready"
        }
    }
}

/// R26 (Law "On legal acts" Art. 13): no norm settles the matter, so it is decided by analogy — of statute
/// (a norm for similar relations) or of law (the general principles and meaning of the legislation).
public enum AnalogyKind: String, Sendable, Hashable, Codable, CaseIterable {
    case statute, law
}

public struct AnalogyRecord: Sendable, Hashable, Codable {
    public var number: Int
    public var kind: AnalogyKind
    /// On what: the similar norms (analogy of statute) or the principles (analogy of law), in words.
    public var basis: String
    public var basisRu: String?
    /// The registry norms applied by analogy (analogy of statute).
    public var norms: [String]
    public var reason: String
    public var recordedBy: UUID
    public var recordedOn: CivilDate
}

/// The law of the case: the norms applied, with their checklists, and any decision by analogy.
public struct CaseLaw: Sendable, Hashable, Codable {
    public var applied: [AppliedNorm]
    public var analogies: [AnalogyRecord]

    public init(applied: [AppliedNorm] = [], analogies: [AnalogyRecord] = []) { (self.applied, self.analogies) = (applied, analogies) }
    public var isEmpty: Bool { applied.isEmpty && analogies.isEmpty }
    public var active: [AppliedNorm] { applied.filter(\.isActive) }
    public func applied(_ normID: String) -> AppliedNorm? { applied.last { $0.pinned.normID == normID && $0.isActive } }

    /// What is missing before the matter can be decided.
    public enum Missing: Sendable, Hashable {
        /// No norm applied and no analogy recorded.
        case law
        /// A precondition of a deciding norm is unclear or unanswered.
        case precondition(norm: String, number: Int, unclear: Bool)
        /// The act needs its empowering norm / its competence norm named (R42).
        case empoweringNorm
        case competenceNorm
    }

    /// R27, R28: the consequence the checklist proposes for the case.
    public enum Proposal: Sendable, Hashable {
        /// Every precondition of every deciding norm met: their THEN.
        case consequence(norms: [String])
        /// A precondition not met: refuse, naming each (norm id and numbers).
        case refusal(notMet: [String: [Int]])
        /// Not ready to decide: what is missing.
        case notReady([Missing])
        /// Decided by analogy (R26): the record stands for the checklist.
        case analogy(Int)

        public var code: String {
            switch self {
            case .consequence: "consequence"
            case .refusal: "refusal"
            case .notReady: "not_ready"
            case .analogy: "analogy"
            }
        }
    }

    /// The proposal for the case. `needsAct`: the appeal ends in an administrative act (an application or
    /// a complaint), which needs its empowering and competence norms named.
    public func proposal(needsAct: Bool) -> Proposal {
        let active = self.active
        let deciding = active.filter { $0.purposes.contains(.decides) }
        var missing: [Missing] = []
        if needsAct {
            if !active.contains(where: { $0.purposes.contains(.empowers) }) { missing.append(.empoweringNorm) }
            if !active.contains(where: { $0.purposes.contains(.competence) }) { missing.append(.competenceNorm) }
        }
        if deciding.isEmpty {
            if let a = analogies.last { return missing.isEmpty ? .analogy(a.number) : .notReady(missing) }
            return .notReady([.law] + missing)
        }
        var refusals: [String: [Int]] = [:]
        for n in deciding {
            switch n.outcome {
            case .consequence: break
            case .refusal(let notMet): refusals[n.pinned.normID] = notMet
            case .notReady(let unclear, let unanswered):
                missing += (unclear.map { ($0, true) } + unanswered.map { ($0, false) }).sorted { $0.0 < $1.0 }
                    .map { .precondition(norm: n.pinned.normID, number: $0.0, unclear: $0.1) }
            }
        }
        if !refusals.isEmpty { return .refusal(notMet: refusals) }
        if !missing.isEmpty { return .notReady(missing) }
        return .consequence(norms: deciding.map(\.pinned.normID))
    }
}

/// How a pinned norm stands in the registry now (R24): unchanged, amended or repealed since, or gone.
public enum PinStatus: Sendable, Hashable {
    case current
    case amended(on: CivilDate)
    case repealed(on: CivilDate)
    case removed

    public var code: String {
        switch self {
        case .current: "current"
        case .amended: "amended"
        case .repealed: "repealed"
        case .removed: "removed"
        }
    }

    /// Compares the pinned version with the registry's norm: a later version with another wording is an
    /// amendment; a repeal after the pinned version is a repeal.
    public static func of(_ pin: PinnedNorm, in registry: LawRegistry) -> PinStatus {
        guard let n = registry.norm(pin.normID) else { return .removed }
        let later = n.versions.filter { $0.from > pin.version.from }
        if let r = later.first(where: \.repealed) { return .repealed(on: r.from) }
        if let v = later.first(where: { $0.preconditions != pin.version.preconditions || $0.consequence != pin.version.consequence
                                           || $0.textKk != pin.version.textKk || $0.textRu != pin.version.textRu }) {
            return .amended(on: v.from)
        }
        return .current
    }
}
