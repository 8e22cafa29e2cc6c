import Foundation
import WorkingCalendar
import ZhauapText

/// A section's text read for the justification check: its sentences, each with its words folded (see
/// `Fold`) so that a cue matches whole words in any inflection, with ё/е and the Kazakh letters alike.
struct ActText {
    struct Sentence {
        var text: String
        var tokens: [Token]
        /// Lower-cased, ё → е: for the verb forms and the norm references read by shape.
        var lower: String
    }

    var text: String
    var sentences: [Sentence]

    init(_ text: String) {
        self.text = text
        sentences = ActText.split(text).map { s in
            Sentence(text: s, tokens: Tokens.of(s), lower: s.lowercased().replacingOccurrences(of: "ё", with: "е"))
        }
    }

    var isBlank: Bool { sentences.allSatisfy { $0.tokens.isEmpty } }

    /// Words before a full stop that do not end a sentence: initials, and the short abbreviations of
    /// addresses and norms («г.», «ул.», «ст.», «п.», «қ.», «обл.»).
    static let abbreviations: Set<String> = ["обл", "тел", "им", "каб", "корп", "стр", "рис", "мкр", "вх", "исх", "тт", "ж", "жж", "т.б", "т.е", "пр"]

    /// Splits on «.», «!», «?», «…» followed by a space and a capital letter, a digit or a quote, unless the
    /// word before the stop is an initial or an abbreviation.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            current.append(c)
            if ".!?…".contains(c) {
                var j = i + 1
                while j < chars.count, ".!?…»\")".contains(chars[j]) { current.append(chars[j]); j += 1 }
                let atEnd = j >= chars.count
                var k = j
                while k < chars.count, chars[k].isWhitespace { k += 1 }
                let next: Character? = k < chars.count ? chars[k] : nil
                let opensSentence = next.map { $0.isUppercase || $0.isNumber || "«\"".contains($0) } ?? true
                if (atEnd || (k > j && opensSentence)) && !(c == "." && endsWithAbbreviation(current)) {
                    out.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                    current = ""
                }
                i = j
                continue
            }
            i += 1
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { out.append(rest) }
        return out.filter { !$0.isEmpty }
    }

    static func endsWithAbbreviation(_ s: String) -> Bool {
        var body = Substring(s)
        while let last = body.last, ".!?…»\")".contains(last) { body = body.dropLast() }
        let word = body.reversed().prefix { $0.isLetter || $0 == "." }.reversed()
        let w = String(word).lowercased()
        if w.isEmpty { return false }
        // An initial («А.»), or a short lower-case abbreviation («г.», «ст.», «пп.», «қ.»).
        if w.count == 1 { return true }
        if w.count == 2, let first = word.first, first.isLowercase { return true }
        return abbreviations.contains(w)
    }
}

/// A cue: words that must stand in a sentence in order, each a folded prefix (`word*`) or a whole folded
/// word; `…` allows up to five other words between the neighbours.
struct ActCue {
    enum Part { case prefix(String), word(String), gap }
    let parts: [Part]
    let source: String

    init(_ pattern: String) {
        source = pattern
        parts = pattern.split(separator: " ").map { p in
            if p == "…" { return .gap }
            if p.hasSuffix("*") { return .prefix(Fold.word(p.dropLast())) }
            return .word(Fold.word(p))
        }
    }

    static func matches(_ part: Part, _ token: Token) -> Bool {
        switch part {
        case .prefix(let p): token.folded.hasPrefix(p)
        case .word(let w): token.folded == w
        case .gap: false
        }
    }

    /// Where the cue starts and ends in `tokens`, if it stands there.
    func range(in tokens: [Token]) -> ClosedRange<Int>? {
        guard !parts.isEmpty else { return nil }
        for start in tokens.indices where ActCue.matches(parts[0], tokens[start]) {
            if let end = match(tokens, part: 1, at: start + 1) { return start...end }
        }
        return nil
    }

    private func match(_ tokens: [Token], part: Int, at i: Int) -> Int? {
        if part == parts.count { return i - 1 }
        if case .gap = parts[part] {
            guard part + 1 < parts.count else { return i - 1 }
            for j in i..<Swift.min(tokens.count, i + 6) where ActCue.matches(parts[part + 1], tokens[j]) {
                if let end = match(tokens, part: part + 2, at: j + 1) { return end }
            }
            return nil
        }
        guard i < tokens.count, ActCue.matches(parts[part], tokens[i]) else { return nil }
        return match(tokens, part: part + 1, at: i + 1)
    }
}

/// ActCueSet of one kind in both languages.
struct ActCueSet {
    let kk: [ActCue]
    let ru: [ActCue]
    init(kk: [String], ru: [String]) { (self.kk, self.ru) = (kk.map(ActCue.init), ru.map(ActCue.init)) }
    /// The cues of one language version.
    func of(_ lang: Language) -> [ActCue] { lang == .kk ? kk : ru }

    func first(in sentence: ActText.Sentence, _ lang: Language) -> ActCue? {
        of(lang).first { $0.range(in: sentence.tokens) != nil }
    }
    func occurs(in sentence: ActText.Sentence, _ lang: Language) -> Bool { first(in: sentence, lang) != nil }
    func occurs(in text: ActText, _ lang: Language) -> Bool { text.sentences.contains { occurs(in: $0, lang) } }
}

extension ActText.Sentence {
    func has(_ cues: ActCueSet, _ lang: Language) -> Bool { cues.occurs(in: self, lang) }
    func matches(_ regex: NSRegularExpression) -> Bool {
        regex.firstMatch(in: lower, range: NSRange(lower.startIndex..., in: lower)) != nil
    }
    var hasDigit: Bool { text.contains { $0.isNumber } }
    /// The sentence, cut to a readable excerpt.
    var excerpt: String { text.count <= 240 ? text : String(text.prefix(237)) + "…" }
}

enum Regex {
    static func make(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p, options: [.caseInsensitive]) }
}
