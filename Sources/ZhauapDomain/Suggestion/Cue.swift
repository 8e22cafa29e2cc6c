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
        func matches(_ w: [UInt8], _ t: Token) -> Bool {
            if stems != nil { return matches(t) }
            let b = utf8
            guard prefix ? w.count >= b.count : w.count == b.count else { return false }
            for i in b.indices where w[i] != b[i] { return false }
            return true
        }
        /// The folded letters as bytes, kept so matching compares bytes.
        var utf8: [UInt8] = []
    }

    public let pattern: String
    public let weight: Double
    let parts: [Part]

    public init(_ pattern: String, weight: Double) {
        self.pattern = pattern
        self.weight = weight
        parts = pattern.split(separator: " ").map { w in
            let prefix = w.hasSuffix("*")
            let f = Fold.word(prefix ? w.dropLast() : w)
            return Part(folded: f, prefix: prefix, utf8: Array(f.utf8))
        }.filter { !$0.folded.isEmpty }
    }

    /// A phrase matched in any inflected form of its words (a competence area's marker words).
    public init(inflected phrase: String, weight: Double = 1) {
        pattern = phrase
        self.weight = weight
        parts = Tokens.of(phrase).map { Part(folded: $0.folded, prefix: false, stems: $0.stems, utf8: Array($0.folded.utf8)) }
    }

    /// The first place the phrase stands in the tokens, as the range of tokens it covers.
    public func firstMatch(in tokens: [Token]) -> ClosedRange<Int>? { firstMatch(in: TokenIndex(tokens)) }

    /// The same over an index of the text's words (built once per text, used by every cue).
    func firstMatch(in x: TokenIndex) -> ClosedRange<Int>? {
        guard let head = parts.first else { return nil }
        for i in x.candidates(for: head) where head.matches(x.bytes[i], x.tokens[i]) {
            var at = i
            var ok = true
            for part in parts.dropFirst() {
                guard at + 1 < x.tokens.count,
                      let next = (at + 1...min(at + 3, x.tokens.count - 1)).first(where: { part.matches(x.bytes[$0], x.tokens[$0]) }) else {
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

/// A text's words with their folded letters as bytes, and where each pair of first letters stands, so a
/// cue looks only at the words that could begin it.
struct TokenIndex {
    let tokens: [Token]
    let bytes: [[UInt8]]
    let byStart: [UInt16: [Int]]

    init(_ tokens: [Token]) {
        self.tokens = tokens
        bytes = tokens.map { Array($0.folded.utf8) }
        var index: [UInt16: [Int]] = [:]
        for (i, b) in bytes.enumerated() where b.count >= 2 { index[UInt16(b[0]) << 8 | UInt16(b[1]), default: []].append(i) }
        byStart = index
    }

    func candidates(for part: Cue.Part) -> [Int] {
        if part.stems != nil || part.utf8.count < 2 { return Array(tokens.indices) }
        return byStart[UInt16(part.utf8[0]) << 8 | UInt16(part.utf8[1])] ?? []
    }
}

/// A cue found in a text: the phrase as the person typed it.
public struct CueHit: Sendable, Hashable {
    public var cue: Cue
    public var typed: String
}

extension Array where Element == Cue {
    /// The cues found in the text, each once, with the words as typed.
    func hits(in tokens: [Token], text: String) -> [CueHit] { hits(in: TokenIndex(tokens), text: text) }

    func hits(in x: TokenIndex, text: String) -> [CueHit] {
        let tokens = x.tokens
        return compactMap { cue in
            cue.firstMatch(in: x).map { r in
                CueHit(cue: cue, typed: String(text[tokens[r.lowerBound].range.lowerBound..<tokens[r.upperBound].range.upperBound]))
            }
        }
    }
}
