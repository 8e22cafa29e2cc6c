import Foundation
import ZhauapText

/// Another body of the installation whose competence the text matches, when it matches none of this
/// body's areas (R6, APPC 65): forwarding there is proposed.
public struct OutsideMatch: Sendable, Hashable, Codable {
    public var bodyID: UUID
    public var code: String
    public var nameKk: String
    public var nameRu: String
    public var area: String
    public var markers: [String]
}

extension KindSuggester {
    /// The other body whose area the text matches most, if this body has areas and the text matches none.
    public static func outside(_ text: String?, body: AdministrativeBody, suggestion: KindSuggestion, bodies: [AdministrativeBody]) -> OutsideMatch? {
        guard suggestion.area == nil, !body.competenceAreas.isEmpty else { return nil }
        let t = Clean.text(text ?? "")
        let tokens = Tokens.of(t)
        var best: OutsideMatch? = nil
        for other in bodies where other.id != body.id {
            if let (area, words) = areaFinding(tokens, text: t, areas: other.competenceAreas), words.count > (best?.markers.count ?? 0) {
                best = OutsideMatch(bodyID: other.id, code: other.code, nameKk: other.nameKk, nameRu: other.nameRu, area: area, markers: words)
            }
        }
        return best
    }
}

/// What the reading proposes for a person to decide (R6, R8; APPC 65, 88): each proposal names the step
/// that would carry it out. None is taken by itself; the decision taken is on the trail.
public struct ReadingProposal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// APPC 88: a crime or a threat — forward to the competent body (police, prosecutor, national security).
        case forwardCrime = "forward_crime"
        /// APPC 65: outside this body's competence, inside another's of the installation.
        case forwardOutside = "forward_outside"
        /// APPC 88 [U]: no essence stated.
        case terminateNoEssence = "terminate_no_essence"
        /// APPC 88 [U]: repeated, same applicant and subject, no new arguments.
        case terminateRepeat = "terminate_repeat"
    }

    public var kind: Kind
    public var action: Action
    public var ground: TerminationGround?
    public var outside: OutsideMatch?
    public var repeatOf: RepeatFinding?
    public var words: [String]

    public static func of(_ a: Appeal) -> [ReadingProposal] {
        guard [.registered, .underConsideration, .awaitingCorrection].contains(a.state) else { return [] }
        var out: [ReadingProposal] = []
        let s = a.suggestion
        if a.reportsCrimeOrThreat, a.forwardings.isEmpty {
            out.append(ReadingProposal(kind: .forwardCrime, action: .forward, words: a.crimeFlag?.words ?? []))
        }
        if let o = s?.outside, a.competence == nil, a.forwardings.isEmpty {
            out.append(ReadingProposal(kind: .forwardOutside, action: .forward, outside: o, words: o.markers))
        }
        // Termination is never proposed for a crime or a threat, nor for a possible one (APPC 88: the words
        // are on the suggestion), nor for an application or a complaint.
        let simplifiable = a.kind.map(\.isSimplified) ?? true
        let possibleCrime = s?.possibleCrime != nil && a.crimeFlag?.cleared == nil
        if !a.reportsCrimeOrThreat && !possibleCrime && simplifiable {
            if s?.noEssence == true { out.append(ReadingProposal(kind: .terminateNoEssence, action: .terminate, ground: .essenceNotStated, words: [])) }
            if let r = s?.repeatOf, !r.newArguments {
                out.append(ReadingProposal(kind: .terminateRepeat, action: .terminate, ground: .repeatedWithoutNewArguments, repeatOf: r, words: []))
            }
        }
        return out
    }
}
