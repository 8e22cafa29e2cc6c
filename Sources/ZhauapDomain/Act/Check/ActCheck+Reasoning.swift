import Foundation
import WorkingCalendar
import ZhauapText

extension ActCheck {
    /// A reference to a norm by its shape: «статья 43», «п. 2 ст. 43», «пункту 12»; «43-бабы», «12-тармағы».
    static let normReferenceRu = Regex.make("(?<![\\p{L}])(стать\\p{L}*|ст\\.|пункт\\p{L}*|п\\.|подпункт\\p{L}*|пп\\.)\\s*\\d")
    static let normReferenceKk = Regex.make("(?<!\\d)\\d+(?:[.-]\\d+)?-(?:ба[пб]|тарма[қғ])\\p{L}*")
    /// The article numbers a sentence cites.
    static let articleRu = Regex.make("(?:стать\\p{L}*|ст\\.|пункт\\p{L}*|п\\.)\\s*(\\d+(?:\\.\\d+)?)")
    static let articleKk = Regex.make("(?<!\\d)(\\d+(?:\\.\\d+)?)-(?:ба[пб]|тарма[қғ])")

    static let datePattern = Regex.make(
        "\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b" +
        "|\\b\\d{1,2}\\s+(январ|феврал|март|апрел|ма[йяе]\\b|июн|июл|август|сентябр|октябр|ноябр|декабр)" +
        "|(январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*\\s+\\d{4}" +
        "|(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\\p{L}*\\s+\\d{4}" +
        "|\\d{4}\\s*жыл\\p{L}*\\s+(\\d{1,2}\\s+)?(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)" +
        "|\\b\\d{1,2}\\s+(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)")
    static let documentNumber = Regex.make("№\\s*[\\p{L}\\d]")

    static func citesNorm(_ s: ActText.Sentence, _ lang: Language) -> Bool {
        s.matches(lang == .kk ? normReferenceKk : normReferenceRu) || s.matches(normReferenceKk) || s.matches(normReferenceRu)
    }

    static func articles(_ s: ActText.Sentence) -> Set<String> {
        var out: Set<String> = []
        for r in [articleRu, articleKk] {
            for m in r.matches(in: s.lower, range: NSRange(s.lower.startIndex..., in: s.lower)) {
                if let g = Range(m.range(at: 1), in: s.lower) { out.insert(String(s.lower[g])) }
            }
        }
        return out
    }

    /// A Kazakh causal form («қабылданғандықтан», «ресімделгендіктен») links a fact to its consequence.
    static func hasCausalSuffix(_ s: ActText.Sentence) -> Bool {
        s.tokens.contains { t in ["diktan", "dikten", "tiktan", "tikten"].contains { t.folded.hasSuffix($0) } }
    }

    static func isConcrete(_ s: ActText.Sentence, _ lang: Language) -> Bool { s.hasDigit || s.has(ActCues.evidence, lang) }

    /// R42(2b), (3): a sentence saying that the facts meet (or do not meet) the norm's condition, and why.
    static func matchesPrecondition(_ s: ActText.Sentence, _ lang: Language) -> Bool {
        guard s.has(ActCues.condition, lang), s.has(ActCues.fulfilled, lang),
              s.has(ActCues.therefore, lang) || hasCausalSuffix(s) else { return false }
        return !s.has(ActCues.template, lang) || isConcrete(s, lang)
    }

    /// R39, R42(2): a sentence that only lists norms — a lead word, references and the acts' names, and
    /// nothing of what the norms provide.
    static func isBareReference(_ s: ActText.Sentence, _ lang: Language) -> Bool {
        guard citesNorm(s, lang), !s.has(ActCues.provides, lang) else { return false }
        return contentWords(s, lang) <= 2
    }

    static let filler: Set<String> = Set(["и", "а", "также", "или", "года", "г", "рк", "республики", "казахстан", "аппк", "указанного", "настоящего", "этого",
                                          "часть", "части", "главы", "и", "және", "мен", "бен", "пен", "жылғы", "жылы", "қр", "қазақстан", "республикасы",
                                          "республикасының", "әрпк", "аталған", "осы", "бабы", "бабын", "бабының", "тармағы", "тармағын", "тармағының",
                                          "тармақшасы"].map { Fold.word($0) })
    static let referenceWord = ActCueSet(kk: ["бап*", "баб*", "тармақ*", "тармағ*"], ru: ["стать*", "ст", "пункт*", "п", "подпункт*", "пп"])

    /// The words of a sentence that say something besides naming norms.
    static func contentWords(_ s: ActText.Sentence, _ lang: Language) -> Int {
        // Words inside «» are the acts' names.
        var quoted: [Range<String.Index>] = []
        var open: String.Index? = nil
        for i in s.text.indices {
            if s.text[i] == "«" { open = i } else if s.text[i] == "»", let o = open { quoted.append(o..<i); open = nil }
        }
        return s.tokens.filter { t in
            if quoted.contains(where: { $0.contains(t.range.lowerBound) }) { return false }
            if t.folded.contains(where: \.isNumber) || filler.contains(t.folded) { return false }
            let one = ActText.Sentence(text: "", tokens: [t], lower: "")
            return ![ActCues.lawAct, ActCues.referenceLead, referenceWord].contains { $0.occurs(in: one, lang) }
        }.count
    }

    /// Facts, template phrases, bare references, the precondition and the competence norm (R39, R42, R43(5)).
    static func reasoning(_ v: Version, _ input: ActCheckInput) -> [ActFinding] {
        var out: [ActFinding] = []
        let l = v.language
        if let facts = v[.facts] {
            let text = facts.text
            let range = NSRange(text.startIndex..., in: text)
            if datePattern.firstMatch(in: text.lowercased(), range: NSRange(text.lowercased().startIndex..., in: text.lowercased())) == nil {
                out.append(ActFinding(.factsUndated, section: .facts, language: l, excerpt: facts.sentences.first?.excerpt))
            }
            if documentNumber.firstMatch(in: text, range: range) == nil, !facts.sentences.contains(where: { $0.has(ActCues.evidence, l) }) {
                out.append(ActFinding(.factsNoEvidence, section: .facts, language: l, excerpt: facts.sentences.first?.excerpt))
            }
        }
        guard let legal = v[.legalReasoning] else { return out }
        let sentences = legal.sentences
        let matched = sentences.contains { matchesPrecondition($0, l) }
        if !matched {
            out.append(ActFinding(.preconditionNotMatched, section: .legalReasoning, language: l, excerpt: sentences.last?.excerpt))
            for s in sentences.filter({ $0.has(ActCues.template, l) }).prefix(3) {
                out.append(ActFinding(.templatePhrase, section: .legalReasoning, language: l, excerpt: s.excerpt))
            }
        }
        // A bare reference is a flaw unless every norm it lists is explained in another sentence.
        let explained = sentences.filter { citesNorm($0, l) && !isBareReference($0, l) }.reduce(into: Set<String>()) { $0.formUnion(articles($1)) }
        for s in sentences where isBareReference(s, l) && !articles(s).isSubset(of: explained) {
            out.append(ActFinding(.bareNormReference, section: .legalReasoning, language: l, excerpt: s.excerpt))
        }
        let competent = sentences.contains { s in
            s.has(ActCues.competence, l) && (citesNorm(s, l) || s.has(ActCues.lawAct, l))
        }
        if !competent { out.append(ActFinding(.competenceNormMissing, section: .legalReasoning, language: l, excerpt: nil)) }
        return out
    }
}
