import Foundation

/// Folds a word to the skeleton the suggestions and the search compare: Kazakh and Russian as people
/// type them come to one form. Cyrillic and Latin both go to lower-case ASCII; the Kazakh letters fold
/// onto their Russian look-alikes' sounds (қ→k like к, ө→o, ұ ү→u, ғ→g, ң→n, һ→h, ә→a, і→i), so that
/// «құрметті», «курметти» and «qurmetti» are one word; ё is е; и, й, і, ы are one vowel; doubled letters
/// are one. The mapping is lossy on purpose and the same for a text and a query.
public enum Fold {
    static let cyrillic: [Character: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "э": "e",
        "ж": "j", "з": "z", "и": "i", "й": "i", "і": "i", "ы": "i", "к": "k", "қ": "k", "л": "l", "м": "m",
        "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
        "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ь": "",
        "ю": "iu", "я": "ia",
        // Latin letters of the Kazakh alphabets (2017, 2018, 2021) and Turkish-like typing.
        "ä": "a", "á": "a", "ö": "o", "ó": "o", "ü": "u", "ú": "u", "ū": "u", "ı": "i", "í": "i", "ğ": "g", "ǵ": "g",
        "ñ": "n", "ń": "n", "ş": "sh", "ç": "ch", "q": "k", "w": "u", "y": "i", "x": "h", "c": "ts", "j": "j",
    ]

    /// The skeleton of one word (letters and digits only; anything else is dropped).
    public static func word<S: StringProtocol>(_ w: S) -> String {
        var out = ""
        out.reserveCapacity(w.utf8.count)
        let lower = w.lowercased()
        var previous: Character? = nil
        for c in lower {
            // Latin digraphs of informal transliteration: zh→j, kh→h, gh→g, ch stays, sh stays, ts stays.
            if c == "h", let p = previous, "zkg".contains(p) {
                out.removeLast()
                out += p == "z" ? "j" : (p == "k" ? "h" : "g")
                previous = c
                continue
            }
            if c == "h", previous == "c" {
                // "ch" typed in Latin: "c" was folded to "ts"; make it "ch".
                out.removeLast(2)
                out += "ch"
                previous = c
                continue
            }
            if (c == "o" || c == "e"), previous == "y", out == "i" {
                // «yo», «ye» at the start of a word typed in Latin: ё / е.
                out = "e"
                previous = c
                continue
            }
            previous = c
            if let m = cyrillic[c] {
                out += m
            } else if c.isASCII, c.isLetter || c.isNumber {
                out.append(c)
            } else if c.isNumber, let v = c.wholeNumberValue {
                out += String(v)
            } else if c.isLetter {
                // Other letters: their base letter when decomposable (é → e), else kept.
                let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first.map(Character.init) ?? c
                out += cyrillic[base] ?? (base.isASCII ? String(base) : String(c))
            }
        }
        // One letter for a doubled one (касса / каса, құрметті / курмети).
        var collapsed = ""
        collapsed.reserveCapacity(out.utf8.count)
        var last: Character? = nil
        for c in out where c != last || c.isNumber {
            collapsed.append(c)
            last = c
        }
        return collapsed
    }
}
