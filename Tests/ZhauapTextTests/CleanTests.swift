import Testing
@testable import ZhauapText

@Suite("Clean input: NFC, invisible characters, identification numbers as people type them")
struct CleanTests {
    @Test("Every text is NFC: «қ» typed as к + combining descender is the one letter")
    func nfc() {
        let decomposed = "\u{049B}", typed = "к\u{0322}"
        #expect(Clean.text("é") == "é" && Clean.text("e\u{0301}") == "é")
        #expect(Clean.text(decomposed) == decomposed && Clean.text(typed).unicodeScalars.count <= typed.unicodeScalars.count)
    }

    @Test("R3: an IIN typed with spaces, dashes, a label, a zero-width space or full-width digits is its twelve ASCII digits",
          arguments: [("880101300123", "880101300123"), ("880 101 300 123", "880101300123"), ("880101-300-123", "880101300123"),
                      ("ИИН 880101300123", "880101300123"), ("ЖСН: 880101300123", "880101300123"), ("IIN:880101300123", "880101300123"),
                      ("БИН 050340000123", "050340000123"), ("иин№880101300123", "880101300123"), ("8801\u{200B}01300123", "880101300123"),
                      ("\u{FEFF}880101300123\u{200D}", "880101300123"), ("８８０１０１３００１２３", "880101300123"),
                      ("٨٨٠١٠١٣٠٠١٢٣", "880101300123"), ("८८०१०१३००१२३", "880101300123"), (" 880101300123 ", "880101300123")])
    func iin(typed: String, digits: String) {
        #expect(Clean.identificationNumber(typed) == digits)
    }

    @Test("R3: an empty IIN is not given, not invalid; a label alone is not given; letters stay for the check to name")
    func notGiven() {
        #expect(Clean.identificationNumber(nil) == nil)
        #expect(Clean.identificationNumber("") == nil && Clean.identificationNumber("   ") == nil && Clean.identificationNumber("\u{200B}") == nil)
        #expect(Clean.identificationNumber("ИИН") == nil && Clean.identificationNumber("ЖСН: ") == nil)
        #expect(Clean.identificationNumber("88O101300123") == "88O101300123", "a letter O is kept, so the check says it is not 12 digits")
        #expect(Clean.identificationNumber("иина 880101300123")?.hasPrefix("иина") == true, "a word that only starts like a label is not one")
    }

    @Test("Control characters: NUL and ESC are found in a line; tab and line feed are allowed in an essence but not in a name")
    func control() {
        #expect(Clean.hasControlInLine("Ер\u{0}жан") && Clean.hasControlInLine("a\u{1B}[31m") && Clean.hasControlInLine("a\nb"))
        #expect(!Clean.hasControlInLine("Ержан Нұрланов"))
        #expect(Clean.hasControl("жол\u{0}") && Clean.hasControl("\u{7F}") && Clean.hasControl("\u{85}"))
        #expect(!Clean.hasControl("бірінші жол\nекінші\tжол\r\n"))
    }

    @Test("A line loses invisible characters and runs of spaces; an essence keeps its line breaks")
    func lines() {
        #expect(Clean.line("  Нұрланов \u{200B} Ержан\t ") == "Нұрланов Ержан")
        #expect(Clean.paragraphs("\n\nСәлеметсіз бе!  \r\n\r\nЖол жоқ.\u{200B}\n\n") == "Сәлеметсіз бе!\n\nЖол жоқ.")
        #expect(Clean.isBlank(" \n\t\u{200B}") && !Clean.isBlank(" а "))
        #expect(Clean.isBlank(nil) && Clean.isBlank(""))
    }
}
