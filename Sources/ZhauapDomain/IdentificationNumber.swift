import WorkingCalendar

/// A Kazakh individual (IIN) or business (BIN) identification number, checked as LEGAL-NOTES describes:
/// 12 digits; a check digit over the first 11; for an IIN a real birth date and a century/sex digit 1–6;
/// for a BIN a month 01–12 and a type digit 4–6. A failed check is a flag on the appeal, never a reason
/// to refuse it (APPC 64(1), R1).
public struct IdentificationNumber: Sendable, Hashable {
    public enum Kind: String, Sendable { case iin, bin }

    public enum Problem: String, Sendable, Hashable, Codable, CaseIterable {
        case notTwelveDigits = "not_twelve_digits"
        case badCheckDigit = "bad_check_digit"
        case badBirthDate = "bad_birth_date"
        case badCenturyDigit = "bad_century_digit"
        case badMonth = "bad_month"
        case badTypeDigit = "bad_type_digit"
    }

    public let digits: String
    public let kind: Kind

    public init(_ text: String, kind: Kind) {
        self.digits = text.filter { !$0.isWhitespace }
        self.kind = kind
    }

    /// Every problem with the number; empty when it is valid.
    public var problems: [Problem] {
        let d = digits.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 12, d.count == 12 else { return [.notTwelveDigits] }
        var out: [Problem] = []
        if Self.checkDigit(d) != d[11] { out.append(.badCheckDigit) }
        switch kind {
        case .iin:
            let century = d[6]
            if !(1...6).contains(century) {
                out.append(.badCenturyDigit)
            } else {
                let year = 1800 + ((century - 1) / 2) * 100 + d[0] * 10 + d[1]
                if CivilDate(year: year, month: d[2] * 10 + d[3], day: d[4] * 10 + d[5]) == nil { out.append(.badBirthDate) }
            }
        case .bin:
            if !(1...12).contains(d[2] * 10 + d[3]) { out.append(.badMonth) }
            if !(4...6).contains(d[4]) { out.append(.badTypeDigit) }
        }
        return out
    }

    public var isValid: Bool { problems.isEmpty }

    /// Σ dᵢ·i mod 11 (i = 1…11); if 10, Σ dᵢ·wᵢ mod 11 with w = 3…11,1,2; if still 10, no valid digit.
    static func checkDigit(_ d: [Int]) -> Int? {
        let first = (0..<11).reduce(0) { $0 + d[$1] * ($1 + 1) } % 11
        if first != 10 { return first }
        let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        let second = (0..<11).reduce(0) { $0 + d[$1] * weights[$1] } % 11
        return second == 10 ? nil : second
    }

    /// The number with all but the last four digits hidden, for lists and logs.
    public var masked: String { String(repeating: "•", count: max(0, digits.count - 4)) + digits.suffix(4) }
}
