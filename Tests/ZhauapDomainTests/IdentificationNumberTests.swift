import Testing
import ZhauapDomain

@Suite("R2: IIN and BIN checks")
struct IdentificationNumberTests {
    @Test("R2: a valid IIN passes (061211600012 from LEGAL-NOTES)")
    func valid() {
        #expect(IdentificationNumber("061211600012", kind: .iin).problems == [])
        #expect(IdentificationNumber("0612 1160 0012", kind: .iin).isValid)
    }

    @Test("R2: a changed digit breaks the check digit")
    func badCheck() {
        #expect(IdentificationNumber("061211600013", kind: .iin).problems.contains(.badCheckDigit))
    }

    @Test("R2: wrong length, letters, impossible birth dates and century digits are flagged",
          arguments: [("12345", IdentificationNumber.Problem.notTwelveDigits), ("06121160001A", .notTwelveDigits),
                      ("061311600012", .badBirthDate), ("061211700012", .badCenturyDigit)])
    func flagged(text: String, problem: IdentificationNumber.Problem) {
        #expect(IdentificationNumber(text, kind: .iin).problems.contains(problem))
    }

    @Test("R2: a BIN checks month and type digit")
    func bin() {
        #expect(IdentificationNumber("061311600012", kind: .bin).problems.contains(.badMonth))
        // 0406 4 0 00001 + check digit: month 06, type 4.
        let body = [0, 4, 0, 6, 4, 0, 0, 0, 0, 0, 1]
        let s = (0..<11).reduce(0) { $0 + body[$1] * ($1 + 1) } % 11
        #expect(s != 10)
        let bin = body.map(String.init).joined() + String(s)
        #expect(IdentificationNumber(bin, kind: .bin).isValid)
        #expect(IdentificationNumber(bin, kind: .bin).masked == "••••••••" + bin.suffix(4))
    }
}
