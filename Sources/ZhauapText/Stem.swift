/// A light stemmer over folded words (see `Fold`) for Kazakh and Russian. A mixed text does not say
/// which language a word is in, and after folding «жұмысы» (жұмыс + ы) and «земельный» (земельн + ый)
/// look alike, so a word has up to two stems — the Kazakh reading and the Russian one — and two words
/// match when their stems meet. Kazakh: the case, possessive and plural endings are taken off in that
/// order, each once (vowel harmony is already folded away), and the final consonant that voices before
/// an ending is put back (мектебі → мектеп, шаруашылығы → шаруашылық). Russian: the longest noun,
/// adjective or verb ending. A stem keeps three letters at least (a consonant-initial Kazakh case ending
/// may leave two: «суға» → «су») and seven at most; a word of three letters or fewer is its own stem, so
/// «су» never becomes a part of «суд».
public enum Stem {
    static func longestFirst(_ s: [String]) -> [String] { s.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 } }

    static let kazakhCase = longestFirst(["nan", "nen", "dan", "den", "tan", "ten", "nin", "din", "tin", "men", "ben", "pen", "nda", "nde",
                                          "ga", "ge", "ka", "ke", "na", "ne", "da", "de", "ta", "te", "ni", "di", "ti", "dagi", "tagi", "ndagi"])
    static let kazakhPossessive = longestFirst(["imiz", "iniz", "miz", "niz", "im", "in", "si"])
    static let kazakhPlural = ["lar", "ler", "dar", "der", "tar", "ter"]
    static let russianEndings = longestFirst(["iami", "ami", "iah", "ah", "ogo", "ego", "omu", "emu", "imi", "ia", "iu", "ie", "aia", "oe", "ee",
                                              "uiu", "oi", "ei", "om", "em", "ov", "ev", "at", "it", "et", "ut", "iat", "ite", "ete", "ali",
                                              "ili", "ila", "ala", "il", "al", "a", "i", "u", "e", "o"])

    public static let maxLength = 7

    static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }

    /// The stems of a folded word: one or two (its Kazakh and its Russian reading), the first Kazakh.
    public static func candidates(_ folded: String) -> [String] {
        let k = kazakh(folded), r = russian(folded)
        return k == r ? [k] : [k, r]
    }

    /// The first of the candidates.
    public static func of(_ folded: String) -> String { kazakh(folded) }

    static func short(_ w: String) -> Bool { w.count <= 3 || !w.contains(where: \.isLetter) }

    public static func kazakh(_ folded: String) -> String {
        guard !short(folded) else { return folded }
        var w = Substring(folded)
        var stripped = false
        func hasVowel(_ s: Substring) -> Bool { s.contains(where: isVowel) }
        // Case: a consonant-initial ending may leave two letters; the accusative «н» only after a possessive «ы/і».
        if let e = kazakhCase.first(where: { e in
            w.hasSuffix(e) && w.count - e.count >= (isVowel(e.first!) ? 3 : 2) && hasVowel(w.dropLast(e.count))
        }) {
            w = w.dropLast(e.count); stripped = true
        } else if w.hasSuffix("in") || (w.hasSuffix("n") && w.dropLast().hasSuffix("i") && w.count >= 5) {
            // «жерлерін», «жолын»: possessive «ы/і» + accusative «н» — take the «н»; the possessive follows.
            if w.hasSuffix("n") && w.count >= 5 { w = w.dropLast(); stripped = true }
        }
        // Possessive: «сы/сі» after a vowel, «ы/і» after a consonant, or a personal one.
        if let e = kazakhPossessive.first(where: { w.hasSuffix($0) && w.count - $0.count >= 3 && hasVowel(w.dropLast($0.count)) }) {
            w = w.dropLast(e.count); stripped = true
        } else if w.hasSuffix("i"), w.count >= 4, let before = w.dropLast().last, !isVowel(before) {
            w = w.dropLast(); stripped = true
        }
        if let e = kazakhPlural.first(where: { w.hasSuffix($0) && w.count - $0.count >= 2 && hasVowel(w.dropLast($0.count)) }) {
            w = w.dropLast(e.count); stripped = true
        }
        var stem = String(w.prefix(maxLength))
        // The consonant voiced before an ending, put back: б→п, г→к (мектебі, шаруашылығы).
        if stripped || stem.count == folded.count, let last = stem.last, last == "b" || last == "g", stem.count >= 3 {
            stem.removeLast()
            stem.append(last == "b" ? "p" : "k")
        }
        return stem
    }

    public static func russian(_ folded: String) -> String {
        guard !short(folded) else { return folded }
        var w = Substring(folded)
        if let e = russianEndings.first(where: { w.hasSuffix($0) && w.count - $0.count >= 3 && w.dropLast($0.count).contains(where: isVowel) }) {
            w = w.dropLast(e.count)
        }
        return String(w.prefix(maxLength))
    }
}
