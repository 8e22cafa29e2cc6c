import ZhauapText

/// A phrase people write, as a pattern over the words of a text: words in order, each next one within
/// two words of the one before; a word ending in `*` matches the beginning of a word, any other the
/// whole word. Patterns are written in ordinary Kazakh or Russian and matched folded, so one pattern
/// also finds the phrase typed with look-alike letters or in Latin letters. Never inside a word.
public struct Cue: Sendable, Hashable {
    struct Part: Sendable, Hashable {
        var folded: String
        var prefix: Bool
        /// Match by stem (any inflected form) rather than by the word's exact letters.
        var stems: [String]? = nil
        func matches(_ t: Token) -> Bool {
            if let stems { return t.folded == folded || t.stems.contains(where: stems.contains) }
            return prefix ? t.folded.hasPrefix(folded) : t.folded == folded
        }
    }

    public let pattern: String
    public let weight: Double
    let parts: [Part]

    public init(_ pattern: String, weight: Double) {
        self.pattern = pattern
        self.weight = weight
        parts = pattern.split(separator: " ").map { w in
            let prefix = w.hasSuffix("*")
            return Part(folded: Fold.word(prefix ? w.dropLast() : w), prefix: prefix)
        }.filter { !$0.folded.isEmpty }
    }

    /// A phrase matched in any inflected form of its words (a competence area's marker words).
    public init(inflected phrase: String, weight: Double = 1) {
        pattern = phrase
        self.weight = weight
        parts = Tokens.of(phrase).map { Part(folded: $0.folded, prefix: false, stems: $0.stems) }
    }

    /// The first place the phrase stands in the tokens, as the range of tokens it covers.
    public func firstMatch(in tokens: [Token]) -> ClosedRange<Int>? {
        guard let head = parts.first else { return nil }
        for i in tokens.indices where head.matches(tokens[i]) {
            var at = i
            var ok = true
            for part in parts.dropFirst() {
                guard at + 1 < tokens.count,
                      let next = (at + 1...min(at + 3, tokens.count - 1)).first(where: { part.matches(tokens[$0]) }) else {
                    ok = false
                    break
                }
                at = next
            }
            if ok { return i...at }
        }
        return nil
    }
}

/// A cue found in a text: the phrase as the person typed it.
public struct CueHit: Sendable, Hashable {
    public var cue: Cue
    public var typed: String
}

extension Array where Element == Cue {
    /// The cues found in the text, each once, with the words as typed.
    func hits(in tokens: [Token], text: String) -> [CueHit] {
        compactMap { cue in
            cue.firstMatch(in: tokens).map { r in
                CueHit(cue: cue, typed: String(text[tokens[r.lowerBound].range.lowerBound..<tokens[r.upperBound].range.upperBound]))
            }
        }
    }
}
