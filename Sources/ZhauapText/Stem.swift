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

    // The endings as bytes (folded words are ASCII but for letters of other scripts, which no ending has).
    static let caseBytes = kazakhCase.map { Array($0.utf8) }
    static let possessiveBytes = kazakhPossessive.map { Array($0.utf8) }
    static let pluralBytes = kazakhPlural.map { Array($0.utf8) }
    static let russianBytes = russianEndings.map { Array($0.utf8) }

    static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }
    static func isVowel(_ b: UInt8) -> Bool { b == 97 || b == 101 || b == 105 || b == 111 || b == 117 }

    /// The stems of a folded word: one or two (its Kazakh and its Russian reading), the first Kazakh.
    public static func candidates(_ folded: String) -> [String] {
        let k = kazakh(folded), r = russian(folded)
        return k == r ? [k] : [k, r]
    }

    /// The first of the candidates.
    public static func of(_ folded: String) -> String { kazakh(folded) }

    static func short(_ w: [UInt8]) -> Bool { w.count <= 3 || !w.contains(where: { $0 >= 97 && $0 <= 122 || $0 >= 128 }) }

    static func ends(_ w: [UInt8], _ count: Int, with e: [UInt8]) -> Bool {
        guard count >= e.count else { return false }
        let base = count - e.count
        for i in e.indices where w[base + i] != e[i] { return false }
        return true
    }

    static func hasVowel(_ w: [UInt8], _ count: Int) -> Bool {
        for i in 0..<count where isVowel(w[i]) { return true }
        return false
    }

    static func text(_ w: [UInt8], _ count: Int) -> String { String(decoding: w[0..<min(count, w.count)], as: UTF8.self) }

    public static func kazakh(_ folded: String) -> String {
        let w = Array(folded.utf8)
        guard !short(w) else { return folded }
        var n = w.count
        var stripped = false
        // Case: a consonant-initial ending may leave two letters; the accusative «н» only after a possessive «ы/і».
        if let e = caseBytes.first(where: { e in ends(w, n, with: e) && n - e.count >= (isVowel(e[0]) ? 3 : 2) && hasVowel(w, n - e.count) }) {
            n -= e.count; stripped = true
        } else if n >= 5, w[n - 1] == 110, w[n - 2] == 105 {
            // «жерлерін», «жолын»: possessive «ы/і» + accusative «н» — take the «н»; the possessive follows.
            n -= 1; stripped = true
        }
        // Possessive: «сы/сі» after a vowel, «ы/і» after a consonant, or a personal one.
        if let e = possessiveBytes.first(where: { ends(w, n, with: $0) && n - $0.count >= 3 && hasVowel(w, n - $0.count) }) {
            n -= e.count; stripped = true
        } else if n >= 4, w[n - 1] == 105, !isVowel(w[n - 2]) {
            n -= 1; stripped = true
        }
        if let e = pluralBytes.first(where: { ends(w, n, with: $0) && n - $0.count >= 2 && hasVowel(w, n - $0.count) }) {
            n -= e.count; stripped = true
        }
        // Keep at most seven letters (bytes of ASCII letters; a word of other letters keeps its whole characters).
        var stem = String(text(w, n).prefix(maxLength))
        // The consonant voiced before an ending, put back: б→п, г→к (мектебі, шаруашылығы).
        if stripped || stem.utf8.count == w.count, let last = stem.last, last == "b" || last == "g", stem.count >= 3 {
            stem.removeLast()
            stem.append(last == "b" ? "p" : "k")
        }
        return stem
    }

    public static func russian(_ folded: String) -> String {
        let w = Array(folded.utf8)
        guard !short(w) else { return folded }
        var n = w.count
        if let e = russianBytes.first(where: { ends(w, n, with: $0) && n - $0.count >= 3 && hasVowel(w, n - $0.count) }) { n -= e.count }
        return String(text(w, n).prefix(maxLength))
    }
}
