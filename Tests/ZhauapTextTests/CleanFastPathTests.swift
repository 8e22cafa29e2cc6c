import Foundation
import Testing
@testable import ZhauapText

/// The settled-NFC shortcut (`Clean.isSettledNFC`, `Clean.visible`) must give what normalising gives, on
/// every scalar it trusts and on mixed text around it.
@Suite("Clean: text already in NFC is taken as it is, and the result never differs from normalising")
struct CleanFastPathTests {
    static let settledRanges: [ClosedRange<UInt32>] = [0x20...0x24F, 0x400...0x482, 0x48A...0x52F, 0x2002...0x206F, 0x20A0...0x20C0, 0x2116...0x2116]

    @Test("Every scalar taken as settled is unchanged by NFC, does not combine and stays unchanged after a letter")
    func everySettledScalar() {
        var checked = 0
        for range in Self.settledRanges {
            for v in range {
                guard let u = Unicode.Scalar(v) else { continue }
                #expect(Clean.isSettled(u), "U+\(String(v, radix: 16))")
                #expect(u.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
                for base in ["a", "е", "и", "у", "Ә", "ұ", "\u{00C5}", "о"] {
                    let pair = base + String(Character(u))
                    #expect(pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(pair.unicodeScalars), "\(base)+U+\(String(v, radix: 16))")
                }
                checked += 1
            }
        }
        #expect(checked == 1001)
        // The edges of what is trusted: just outside each range is not.
        for v: UInt32 in [0x250, 0x300, 0x483, 0x489, 0x2000, 0x2001, 0x20C1, 0x2115, 0x2117] {
            #expect(!Clean.isSettled(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        #expect(Clean.isSettled(Unicode.Scalar(0x24F)!) && Clean.isSettled(Unicode.Scalar(0x482)!) && Clean.isSettled(Unicode.Scalar(0x48A)!))
    }

    @Test("Format characters among settled text are still removed; a combining mark after settled text still composes")
    func stillCleaned() {
        #expect(Clean.line("Нұр\u{00AD}ланов") == "Нұрланов" && Clean.line("Ер\u{200D}жан") == "Ержан" && Clean.line("a\u{2066}b\u{2069}") == "ab")
        #expect(Self.same(Clean.text("к\u{0306}"), "\u{043A}\u{0306}") && Self.same(Clean.line("Ки\u{0306}"), "К\u{0439}"))
        #expect(Clean.paragraphs("Ответ\u{202E}\r\nдан ") == "Ответ\nдан")
        #expect(Clean.identificationNumber("880101300123") == "880101300123" && Clean.identificationNumber("0") == "0")
    }

    /// Scalar by scalar: Swift's `==` on strings would call canonically equivalent texts equal.
    static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    /// What `line` and `paragraphs` did before the shortcut: normalise, drop format characters, then lay out.
    static func referenceLine(_ s: String) -> String {
        let scalars = s.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !Clean.isFormat($0) }
        // The words are the runs between whitespace; the line is its words joined by one space.
        return scalars.split(whereSeparator: { $0.properties.isWhitespace }).map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    static func referenceParagraphs(_ s: String) -> String {
        let nfc = String(String.UnicodeScalarView(s.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !Clean.isFormat($0) }))
        let lines = nfc.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
        return lines.drop(while: { $0.allSatisfy(\.isWhitespace) }).reversed().drop(while: { $0.allSatisfy(\.isWhitespace) }).reversed()
            .joined(separator: "\n")
    }

    @Test("On 4,000 random texts of letters, spaces, breaks, marks and invisible characters the result is the normalising one")
    func differential() {
        let pieces: [String] = ["а", "қ", "Ә", "ұ", "ё", "Й", "e", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{00A0}", "\u{2003}",
                                "\u{0301}", "\u{0306}", "\u{0322}", "\u{0483}", "\u{200B}", "\u{00AD}", "\u{FEFF}", "«", "»", "—", "№", "₸",
                                "\u{2000}", "\u{2126}", "한", "\u{1100}\u{1161}", "e\u{0301}", ".", ","]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let n = Int.random(in: 0...14, using: &rng)
            let s = (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Self.same(Clean.line(s), Self.referenceLine(s)), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Self.same(Clean.paragraphs(s), Self.referenceParagraphs(s)), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Self.same(Clean.text(s), s.precomposedStringWithCanonicalMapping))
        }
    }
}
