/// A word of a text: where it is (for highlighting) and its folded skeleton and stem.
public struct Token: Sendable, Hashable {
    public var range: Range<String.Index>
    public var folded: String
    /// The word's stems (its Kazakh and its Russian reading, see `Stem`); two words match when they share one.
    public var stems: [String]
    public var stem: String { stems[0] }
}

public enum Tokens {
    /// The words of a text, in order: runs of letters and digits (a hyphen or apostrophe inside a word
    /// joins it: «ұрып-соғу», «O'zbek»), each folded and stemmed.
    public static func of(_ text: String) -> [Token] {
        var out: [Token] = []
        var start: String.Index? = nil
        var i = text.startIndex
        func close(_ end: String.Index) {
            guard let s = start else { return }
            let folded = Fold.word(text[s..<end])
            if !folded.isEmpty { out.append(Token(range: s..<end, folded: folded, stems: Stem.candidates(folded))) }
            start = nil
        }
        while i < text.endIndex {
            let c = text[i]
            if c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                if start == nil { start = i }
            } else if (c == "-" || c == "'" || c == "’"), start != nil, let n = text.index(i, offsetBy: 1, limitedBy: text.endIndex),
                      n < text.endIndex, text[n].isLetter {
                // joined word: keep going
            } else {
                close(i)
            }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return out
    }

    /// The stems of a text, in order.
    public static func stems(_ text: String) -> [String] { of(text).map(\.stem) }
}
