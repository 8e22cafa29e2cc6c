extension TermUnit {
    /// "15 жұмыс күні", "3 рабочих дня", "1 working day": the amount with the unit in the grammatical form
    /// the number takes (Kazakh nouns stay singular after numerals; Russian has one/few/many forms).
    public func amountText(_ amount: Int, _ lang: Language) -> String {
        let (kk, ru, en): (String, (String, String, String), (String, String)) = switch self {
        case .workingDays: ("жұмыс күні", ("рабочий день", "рабочих дня", "рабочих дней"), ("working day", "working days"))
        case .calendarDays: ("күнтізбелік күн", ("календарный день", "календарных дня", "календарных дней"), ("calendar day", "calendar days"))
        case .months: ("ай", ("месяц", "месяца", "месяцев"), ("month", "months"))
        case .years: ("жыл", ("год", "года", "лет"), ("year", "years"))
        }
        return switch lang {
        case .kk: "\(amount) \(kk)"
        case .ru: "\(amount) \(Self.russianForm(amount, ru))"
        case .en: "\(amount) \(amount == 1 ? en.0 : en.1)"
        }
    }

    /// The Russian form for a number: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25 … → many.
    static func russianForm(_ n: Int, _ forms: (one: String, few: String, many: String)) -> String {
        let (d10, d100) = (abs(n) % 10, abs(n) % 100)
        if d10 == 1 && d100 != 11 { return forms.one }
        if (2...4).contains(d10) && !(12...14).contains(d100) { return forms.few }
        return forms.many
    }
}
