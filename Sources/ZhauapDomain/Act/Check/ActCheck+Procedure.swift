import Foundation
import WorkingCalendar

extension ActCheck {
    /// APPC 10 or 11 cited by its shape: «статья 10 АППК», «11-бабы … ӘРПК».
    static let appc1011 = Regex.make("(?:стать\\p{L}*|ст\\.)\\s*1[01]\\b[^.]*(?:аппк|административного процедурно)|(?:аппк|әрпк)[^.]*(?:стать\\p{L}*|ст\\.)\\s*1[01]\\b|\\b1[01]-ба[пб]\\p{L}*[^.]*әрпк|әрпк[^.]*\\b1[01]-ба[пб]")

    /// R40; APPC 10, 11: a discretionary decision explains how lawfulness and proportionality were kept.
    static func discretion(_ v: Version, _ input: ActCheckInput) -> [ActFinding] {
        guard input.discretionary, v[.legalReasoning] != nil || v[.discretion] != nil else { return [] }
        let explained = v.reasoning.flatMap(\.sentences).contains { $0.has(ActCues.discretion, v.language) || $0.matches(appc1011) }
        return explained ? [] : [ActFinding(.discretionUnexplained, section: .discretion, language: v.language)]
    }

    /// R35; APPC 73: a burdening act adopted without a hearing says why.
    static func hearing(_ v: Version, _ input: ActCheckInput) -> [ActFinding] {
        guard input.kind == .burdening else { return [] }
        let l = v.language
        let sentences = ([v[.hearing]] + [v[.legalReasoning], v[.facts]]).compactMap { $0 }.flatMap(\.sentences)
        let aboutHearing = sentences.filter { $0.has(ActCues.hearing, l) }
        let reasoned = aboutHearing.contains { $0.has(ActCues.reason, l) } || (v[.hearing].map { $0.sentences.contains { $0.has(ActCues.reason, l) } } ?? false)
        if let h = input.hearing {
            guard !h.held, !reasoned else { return [] }
        } else {
            // Not stated: only the text's own «not held» without a reason.
            let omitted = aboutHearing.contains { s in s.lower.contains("не провод") || s.lower.contains("өткізілме") || s.lower.contains("өткізілген жоқ") || s.lower.contains("без заслушивания") || s.lower.contains("тыңдаусыз") }
            guard omitted, !reasoned else { return [] }
        }
        return [ActFinding(.hearingOmissionUnexplained, section: .hearing, language: l, excerpt: aboutHearing.first?.excerpt)]
    }

    /// R43(6); APPC 91, 92: the term, the body and its address, the ways, and the court.
    static func appeal(_ v: Version, _ input: ActCheckInput) -> [ActFinding] {
        guard let text = v[.appealProcedure] else { return [] }
        let l = v.language
        func has(_ c: ActCueSet) -> Bool { c.occurs(in: text, l) }
        var out: [ActFinding] = []
        func add(_ code: ActFindingCode) { out.append(ActFinding(code, section: .appealProcedure, language: l, excerpt: text.sentences.first?.excerpt)) }
        let court = text.sentences.contains { $0.has(ActCues.court, l) }
        if input.kind == .complaintDecision {
            if !court { add(.appealCourtRouteMissing) }
            return out
        }
        if !has(ActCues.appealMonths) && !has(ActCues.appealAnyTerm) { add(.appealTermMissing) }
        if !has(ActCues.higherBody) { add(.appealBodyMissing) } else if !has(ActCues.address) { add(.appealAddressMissing) }
        if !has(ActCues.appealWay) { add(.appealWayMissing) }
        let afterComplaint = text.sentences.contains { $0.has(ActCues.court, l) && $0.has(ActCues.courtAfterComplaint, l) }
        if !afterComplaint { add(.appealCourtRouteMissing) }
        return out
    }
}
