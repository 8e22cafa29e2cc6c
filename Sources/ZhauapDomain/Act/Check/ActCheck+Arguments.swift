import Foundation
import WorkingCalendar
import ZhauapText

extension ActCheck {
    /// «довод № 2», «доводу 2», «2-й довод»; «2-дәлел», «дәлел № 2».
    static let argumentNumber = Regex.make(
        "(?:довод\\p{L}*|возражени\\p{L}*|аргумент\\p{L}*|дәлел\\p{L}*|уәж\\p{L}*)\\s*(?:№\\s*)?(\\d+)|(?<!\\d)(\\d+)\\s*-?\\s*(?:й|ой|ий|ші|шы|)\\s*-?\\s*(?:довод|дәлел|уәж)")

    static let stopStems: Set<String> = Set(["заявител", "который", "являет", "поэтому", "должен", "должн", "также", "потому", "котор", "өтініш", "берушi",
                                             "сондықтан", "себебі", "болып", "табылады"].map { Stem.of(Fold.word($0)) })

    /// The argument's telling words: stems of five letters or more, not the common ones.
    static func salientStems(_ text: String) -> [[String]] {
        Tokens.of(text).filter { $0.folded.count >= 5 && !$0.folded.contains(where: \.isNumber) && !stopStems.contains($0.stem) }.map(\.stems)
    }

    static func numbers(in text: String) -> Set<Int> {
        let lower = text.lowercased()
        var out: Set<Int> = []
        for m in argumentNumber.matches(in: lower, range: NSRange(lower.startIndex..., in: lower)) {
            for g in 1...2 { if let r = Range(m.range(at: g), in: lower), let n = Int(lower[r]) { out.insert(n) } }
        }
        return out
    }

    /// Kazakh when it has a letter of the Kazakh alphabet Russian lacks.
    static func isKazakh(_ text: String) -> Bool { text.contains { "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains($0) } }

    /// Whether version `v` addresses the argument: by its number, or (in the argument's own language) by most
    /// of its telling words.
    static func addresses(_ v: Version, _ a: ActArgument) -> Bool {
        let texts = [ActSection.arguments, .legalReasoning].compactMap { v[$0]?.text }
        if texts.contains(where: { numbers(in: $0).contains(a.number) }) { return true }
        let sameLanguage = isKazakh(a.text) == (v.language == .kk)
        guard sameLanguage else { return false }
        let salient = salientStems(a.text)
        guard !salient.isEmpty else { return false }
        let present = Set(texts.flatMap { Tokens.of($0).flatMap(\.stems) })
        let found = salient.filter { $0.contains(where: present.contains) }.count
        return found * 2 >= salient.count && found >= min(2, salient.count)
    }

    /// R40: each argument of the applicant accepted or not, and why. With the case's arguments, each one is
    /// looked for; without them, arguments the text itself mentions must be weighed.
    static func arguments(_ v: Version, _ input: ActCheckInput, versions: [Version]) -> [ActFinding] {
        let l = v.language
        if let given = input.arguments, !given.isEmpty {
            return given.filter { a in
                // A version in the other language than the argument's is read by numbers only; without them,
                // it answers when its counterpart does and it speaks of the arguments at all (the equivalence
                // check compares the two).
                if addresses(v, a) { return false }
                if isKazakh(a.text) != (l == .kk), let other = versions.first(where: { $0.language != l }) {
                    let speaks = v[.arguments] != nil || v.reasoning.contains { ActCues.argument.occurs(in: $0, l) }
                    return !addresses(other, a) || !speaks
                }
                return true
            }.map { ActFinding(.argumentUnanswered, section: .arguments, language: l, excerpt: "\($0.number). \($0.text)") }
        }
        let sentences = v.reasoning.flatMap(\.sentences)
        let mentions = sentences.filter { $0.has(ActCues.argument, l) }
        guard !mentions.isEmpty else { return [] }
        let weighed = mentions.contains { $0.has(ActCues.assessed, l) && !$0.has(ActCues.vaguelyAssessed, l) }
        return weighed ? [] : [ActFinding(.argumentUnanswered, section: .arguments, language: l, excerpt: mentions[0].excerpt)]
    }
}
