import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// A norm as the finder and the search show it: where it stands, its act and level of legal force, what
/// it does, how far it is known, and why it matched.
struct NormSummary: Content {
    var id: String
    var act: String
    var actTitle: LocalizedText
    var level: String
    var levelName: LocalizedText?
    /// 1 is the highest force (Law "On legal acts" Art. 10).
    var rank: Int
    var citation: LocalizedText
    var roles: [String]
    var status: String
    var inForce: Bool
    var repealedOn: String?
    var matched: [MatchedWord]
    var text: LocalizedText?

    init(_ c: NormCandidate) {
        let n = c.norm
        id = n.id
        act = n.act
        actTitle = LocalizedText(kk: c.act?.titleKk ?? n.act, ru: c.act?.titleRu ?? n.act, en: c.act?.titleEn ?? n.act)
        level = c.act?.level ?? ""
        levelName = c.level.map { l in LocalizedText { l.name($0) } }
        rank = c.rank
        citation = LocalizedText { n.citation($0) }
        roles = n.roles.map(\.rawValue)
        status = n.status.rawValue
        inForce = c.inForce
        repealedOn = n.repealedOn?.description
        matched = c.matched
        text = n.latest.flatMap { v in v.textKk == nil && v.textRu == nil ? nil : LocalizedText(kk: v.text(.kk) ?? "", ru: v.text(.ru) ?? "", en: v.text(.ru) ?? "") }
    }
}

struct CitedTextDTO: Content {
    var text: LocalizedText
    var source: String
    var status: String
}

/// `GET /api/v1/appeals/{id}/law`: the finder and the checklist of a case (R24–R29).
struct CaseLawResponse: Content {
    struct Conflict: Content {
        var first: NormSummary
        var second: NormSummary
        /// `higher_prevails`, `later_prevails` or `special_prevails` (Law "On legal acts" Art. 10).
        var verdict: String
        var prevailing: String?
        /// R25: the guide's advice — begin with the act of lower force, which holds the detail.
        var detailed: String?
        var note: CitedTextDTO?
    }
    struct Item: Content {
        var number: Int
        var text: LocalizedText
        var source: String
        var status: String
        var answer: String?
        var facts: [Int]
        var evidence: [Int]
        var note: String?
        var explainKk: String?
        var explainRu: String?
    }
    struct Applied: Content {
        var number: Int
        var norm: String
        var act: String
        var actTitle: LocalizedText
        var level: String
        var rank: Int
        var citation: LocalizedText
        var relevantOn: String
        var versionFrom: String
        var versionTo: String?
        var text: LocalizedText?
        var purposes: [String]
        var reason: String
        var prevailsOver: [String]
        var appliedOn: String
        /// How the registry holds the norm now: `current`, `amended`, `repealed` or `removed`, and since when.
        var registryNow: String
        var registryChangedOn: String?
        var withdrawn: Bool
        var preconditions: [Item]
        var consequence: CitedTextDTO?
        /// `consequence`, `refusal` or `not_ready`.
        var outcome: String
    }
    struct Analogy: Content {
        var number: Int
        var kind: String
        var basis: String
        var basisRu: String?
        var norms: [String]
        var reason: String
        var recordedOn: String
    }
    struct Missing: Content {
        /// `law`, `precondition`, `empowering_norm` or `competence_norm`.
        var code: String
        var norm: String?
        var number: Int?
        var unclear: Bool?
    }
    struct Proposal: Content {
        /// `consequence` (every precondition met: the THEN), `refusal`, `not_ready` or `analogy`.
        var code: String
        var norms: [String]
        var notMet: [String: [Int]]
        var missing: [Missing]
        var analogy: Int?
    }
    var appealId: UUID
    var relevantOn: String
    var picked: [String]
    var markers: [String]
    var candidates: [NormSummary]
    var conflicts: [Conflict]
    var applied: [Applied]
    var analogies: [Analogy]
    var proposal: Proposal
    var registryVersion: String
    var registryRevision: Int?

    init(_ v: LawView) {
        appealId = v.appeal.id
        relevantOn = v.relevantOn.description
        picked = v.picked
        markers = v.markers
        candidates = v.candidates.map(NormSummary.init)
        conflicts = v.conflicts.map { c in
            Conflict(first: NormSummary(c.first), second: NormSummary(c.second), verdict: c.verdict.rawValue, prevailing: c.prevailing,
                     detailed: c.detailed,
                     note: c.note.map { n in CitedTextDTO(text: LocalizedText { n.note($0) }, source: n.source, status: n.status.rawValue) })
        }
        applied = v.appeal.law.applied.map { a in Self.applied(a, pin: v.pins[a.pinned.normID] ?? .current) }
        analogies = v.appeal.law.analogies.map {
            Analogy(number: $0.number, kind: $0.kind.rawValue, basis: $0.basis, basisRu: $0.basisRu, norms: $0.norms, reason: $0.reason,
                    recordedOn: $0.recordedOn.description)
        }
        proposal = Self.proposal(v.proposal)
        registryVersion = v.registry.version
        registryRevision = v.revision
    }

    static func applied(_ a: AppliedNorm, pin: PinStatus) -> Applied {
        let p = a.pinned, version = p.version
        let changedOn: CivilDate? = switch pin {
        case .amended(let d), .repealed(let d): d
        case .current, .removed: nil
        }
        return Applied(
            number: a.number, norm: p.normID, act: p.actID, actTitle: p.actTitle, level: p.level, rank: p.rank,
            citation: LocalizedText { p.citation($0) }, relevantOn: p.relevantOn.description, versionFrom: version.from.description,
            versionTo: version.to?.description,
            text: version.textKk == nil && version.textRu == nil ? nil : LocalizedText(kk: version.text(.kk) ?? "", ru: version.text(.ru) ?? "", en: version.text(.ru) ?? ""),
            purposes: a.purposes.map(\.rawValue), reason: a.reason, prevailsOver: a.prevailsOver, appliedOn: a.appliedOn.description,
            registryNow: pin.code, registryChangedOn: changedOn?.description, withdrawn: !a.isActive,
            preconditions: version.preconditions.enumerated().map { i, c in
                let check = a.check(i + 1)
                return Item(number: i + 1, text: LocalizedText { c.text($0) }, source: c.source, status: c.status.rawValue,
                            answer: check?.answer.rawValue, facts: check?.facts ?? [], evidence: check?.evidence ?? [], note: check?.note,
                            explainKk: check?.explainKk ?? c.explainKk, explainRu: check?.explainRu ?? c.explainRu)
            },
            consequence: version.consequence.map { c in CitedTextDTO(text: LocalizedText { c.text($0) }, source: c.source, status: c.status.rawValue) },
            outcome: a.outcome.code)
    }

    static func proposal(_ p: CaseLaw.Proposal) -> Proposal {
        switch p {
        case .consequence(let norms): Proposal(code: p.code, norms: norms, notMet: [:], missing: [], analogy: nil)
        case .refusal(let notMet): Proposal(code: p.code, norms: notMet.keys.sorted(), notMet: notMet, missing: [], analogy: nil)
        case .analogy(let n): Proposal(code: p.code, norms: [], notMet: [:], missing: [], analogy: n)
        case .notReady(let missing):
            Proposal(code: p.code, norms: [], notMet: [:], missing: missing.map { m in
                switch m {
                case .law: Missing(code: "law")
                case .empoweringNorm: Missing(code: "empowering_norm")
                case .competenceNorm: Missing(code: "competence_norm")
                case .precondition(let norm, let number, let unclear): Missing(code: "precondition", norm: norm, number: number, unclear: unclear)
                }
            }, analogy: nil)
        }
    }
}
