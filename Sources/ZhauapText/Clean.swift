import Foundation

/// What the product does to text before it checks or stores it: every text in Unicode NFC; identifiers
/// and numbers also without format (zero-width) characters, spaces, dashes and a leading label, their
/// digits in ASCII. Pure functions, one place, used by registration, the suggestions and the search.
public enum Clean {
    /// Unicode NFC, so that «қ» typed as one character or as «к» + combining mark is the same text.
    public static func text(_ s: String) -> String { isSettledNFC(s) ? s : s.precomposedStringWithCanonicalMapping }

    /// Whether `s` is in NFC without normalising it: every scalar lies where NFC changes no scalar and none
    /// combines with the one before — Basic Latin to Latin Extended-B, the Cyrillic letters (without the
    /// block's combining marks U+0483–U+0489), the general punctuation from U+2002 (U+2000 and U+2001 become
    /// U+2002 and U+2003) and the currency and letter-like signs people type (№, ₸). What registrars and
    /// applicants type in Kazakh and Russian is almost always such text; the rest is normalised.
    public static func isSettledNFC(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(isSettled)
    }

    @inline(__always)
    static func isSettled(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x0250, 0x0400...0x0482, 0x048A...0x052F, 0x2002...0x206F, 0x20A0...0x20C0, 0x2116: true
        default: false
        }
    }

    /// Whether a settled scalar (`isSettled`) is a format character (`isFormat`): the soft hyphen and the
    /// zero-width, joiner and bidi marks of the general punctuation.
    @inline(__always)
    static func isSettledFormat(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F: true
        default: false
        }
    }

    /// The text with NFC applied and format characters removed; `s` itself, with no copy, when it is settled
    /// NFC without a format character (the common case).
    static func visible(_ s: String) -> String {
        var plain = true
        for u in s.unicodeScalars where !isSettled(u) || isSettledFormat(u) {
            plain = false
            break
        }
        if plain { return s }
        return String(String.UnicodeScalarView(text(s).unicodeScalars.filter { !isFormat($0) }))
    }

    /// A Unicode format character (zero-width space, joiner, BOM, bidi marks …): invisible, never meant.
    public static func isFormat(_ u: Unicode.Scalar) -> Bool {
        u.properties.generalCategory == .format || u == "\u{200B}" || u == "\u{FEFF}" || u == "\u{2060}"
    }

    /// A control character other than tab, line feed and carriage return (NUL, BEL, ESC, DEL, C1 …).
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.properties.generalCategory == .control && u != "\t" && u != "\n" && u != "\r"
    }

    /// Whether a one-line value (a name, a number) holds a control character, a line break or a tab.
    public static func hasControlInLine(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Whether a multi-line text (the essence) holds a control character other than tab and line breaks.
    public static func hasControl(_ s: String) -> Bool { s.unicodeScalars.contains(where: isControl) }

    /// A one-line value as stored: NFC, format characters removed, runs of spaces made one, trimmed.
    public static func line(_ s: String) -> String {
        let nfc = visible(s).unicodeScalars
        var out = String.UnicodeScalarView()
        var space = false
        for u in nfc {
            if u.properties.isWhitespace { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(u)
        }
        return String(out)
    }

    /// A multi-line text as stored: NFC, format characters removed, each line's trailing spaces trimmed,
    /// leading and trailing empty lines removed; the line breaks inside are kept (the essence keeps its form).
    public static func paragraphs(_ s: String) -> String {
        var nfc = visible(s)
        if nfc.utf8.contains(13) { nfc = nfc.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        let lines = nfc.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.last?.isWhitespace == true ? String(line.reversed().drop(while: \.isWhitespace).reversed()) : String(line) }
        return lines.drop(while: { $0.allSatisfy(\.isWhitespace) }).reversed().drop(while: { $0.allSatisfy(\.isWhitespace) }).reversed()
            .joined(separator: "\n")
    }

    /// Whether a text says nothing: empty or only whitespace and invisible characters.
    public static func isBlank(_ s: String?) -> Bool {
        guard let s else { return true }
        return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace || isFormat($0) }
    }

    /// Labels people type before an IIN or a BIN.
    static let numberLabels = ["жсн", "иин", "iin", "бсн", "бин", "bin", "ин", "жсн/иин", "иин/бин", "жсн/бсн"]
    static let labelsLongestFirst = numberLabels.sorted { $0.count > $1.count }

    /// An IIN or BIN as people type it — «ИИН 880 101-300 123», «ЖСН:８８０１…», with a zero-width space —
    /// as the digits it means: NFC; format characters, spaces, dashes, dots and a leading label dropped;
    /// every Unicode decimal digit made ASCII. What is left is returned as it is (the check then names it);
    /// nil when nothing is left (the number was not given).
    public static func identificationNumber(_ s: String?) -> String? {
        guard let s else { return nil }
        // Typed as it is meant (ASCII digits only): nothing to drop or convert.
        if !s.isEmpty && s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return s }
        var t = text(s).unicodeScalars.filter { !isFormat($0) }.map(Character.init)
        // Drop a leading label and its colon or number sign.
        let lower = String(t).lowercased()
        for label in labelsLongestFirst where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count)
            if let next = rest.first, next.isLetter { continue }
            t.removeFirst(label.count)
            break
        }
        var out = ""
        for c in t {
            if c.isWhitespace || "-‐‑‒–—―.:№#".contains(c) { continue }
            if let v = c.wholeNumberValue, c.unicodeScalars.count == 1, c.unicodeScalars.first!.properties.numericType == .decimal {
                out += String(v)
            } else {
                out.append(c)
            }
        }
        return out.isEmpty ? nil : out
    }
}
